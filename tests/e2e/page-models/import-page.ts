import type { Locator, Page } from '@playwright/test'

/** Import from text or a file: the input, what was found (highlights, draft and result rows) and accept. */
export class ImportPage {
  readonly input: Locator
  readonly found: Locator
  readonly text: Locator
  readonly commitmentRows: Locator
  readonly accept: Locator
  /** The file input: .txt, .docx or an Excel 台账. */
  readonly file: Locator
  /** What an Excel 台账 gave: rows that can be imported, rows that cannot. */
  readonly ledgerFound: Locator

  constructor(readonly page: Page) {
    this.input = page.getByTestId('import-input')
    this.found = page.getByTestId('import-found')
    this.text = page.getByTestId('import-text')
    this.commitmentRows = page.getByTestId('import-commitment-row')
    this.accept = page.getByTestId('import-accept')
    this.file = page.getByTestId('import-file')
    this.ledgerFound = page.getByTestId('import-ledger-found')
  }

  async open() {
    await this.page.goto('./#/import')
  }

  /** Pastes a text and reads it. */
  async read(text: string) {
    await this.input.fill(text)
    await this.page.getByTestId('import-read').click()
  }

  /** The highlighted statements of a kind ('commitment' or 'outcome'). */
  marks(kind: 'commitment' | 'outcome'): Locator {
    return this.text.locator(`mark[data-kind="${kind}"]`)
  }
}
