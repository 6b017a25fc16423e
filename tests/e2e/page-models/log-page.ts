import { expect, type Locator, type Page } from '@playwright/test'

/** The log screen: "my commitments" with one-tap logging, the entry dialog and recent entries. */
export class LogPage {
  readonly items: Locator
  readonly entryDialog: Locator
  readonly recent: Locator

  constructor(readonly page: Page) {
    this.items = page.getByTestId('quick-log-item')
    this.entryDialog = page.getByTestId('entry-dialog')
    this.recent = page.getByTestId('entry-list')
  }

  item(text: string): Locator {
    return this.items.filter({ hasText: text })
  }

  /** One tap: today's activity, quantity 1. */
  async quickAdd(text: string) {
    await this.item(text).getByTestId('quick-add').click()
    await expect(this.page.getByText(/^已登记：/).last()).toBeVisible()
  }

  async openDetailed(text: string) {
    await this.item(text).getByTestId('log-detailed').click()
    await expect(this.entryDialog).toBeVisible()
  }

  async saveEntry() {
    await this.entryDialog.getByTestId('save-entry').click()
    await expect(this.entryDialog).toBeHidden()
  }
}
