import { expect, type Locator, type Page } from '@playwright/test'

/** An input by the test id on it or on its Element Plus wrapper. */
export function field(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first()
}

/** Opens an Element Plus select by its test id and picks an option by its text. */
export async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).filter({ visible: true }).click()
  await page.getByRole('option', { name: option, exact: true }).filter({ visible: true }).click()
}

/** The plan editor: its section tree, commitment rows and the commitment dialog. */
export class PlanPage {
  readonly outline: Locator
  readonly rows: Locator
  readonly commitmentDialog: Locator
  readonly statusLine: Locator

  constructor(readonly page: Page) {
    this.outline = page.getByTestId('plan-outline')
    this.rows = page.getByTestId('commitment-row')
    this.commitmentDialog = page.getByTestId('commitment-dialog')
    this.statusLine = page.getByTestId('plan-status-line')
  }

  /** Creates a plan from the first-run screen with the default window (this year). */
  async createFirstPlan(name: string) {
    await this.page.getByTestId('start-plan').click()
    await field(this.page, 'plan-name').fill(name)
    await this.page.getByTestId('save-plan').click()
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  async addSection(title: string) {
    await this.page.getByTestId('add-section').click()
    const box = this.page.getByRole('dialog').filter({ hasText: '板块名称' })
    await box.getByRole('textbox').fill(title)
    await box.getByRole('button', { name: '保存' }).click()
    await expect(this.page.getByTestId('section-heading').filter({ hasText: title })).toBeVisible()
  }

  /** Opens the commitment dialog for a new commitment in the section with this title. */
  async addCommitmentIn(section: string) {
    await this.page.getByTestId('section-heading').filter({ hasText: section }).getByTestId('add-commitment-here').click()
    await expect(this.commitmentDialog).toBeVisible()
  }

  async saveCommitment() {
    await this.commitmentDialog.getByTestId('save-commitment').click()
    await expect(this.commitmentDialog).toBeHidden()
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text })
  }
}
