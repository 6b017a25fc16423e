import { expect, type Locator, type Page } from '@playwright/test'
import { field } from './plan-page'

/** An Element Plus input or textarea by the test id it carries (on the element, or on its wrapper). */
export const box = (scope: Page | Locator, id: string) =>
  scope.locator(`textarea[data-testid="${id}"], input[data-testid="${id}"], [data-testid="${id}"] textarea, [data-testid="${id}"] input`).first()

/** The review list and one review's page: its summary, commitment cards, notes, order and filters. */
export class ReviewPage {
  readonly summary: Locator
  readonly previous: Locator
  readonly cards: Locator
  readonly order: Locator
  readonly lateBanner: Locator

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('review-summary')
    this.previous = page.getByTestId('review-previous')
    this.cards = page.getByTestId('review-commitments').locator('article')
    this.order = page.getByTestId('review-order')
    this.lateBanner = page.getByTestId('review-late-banner')
  }

  /** Starts a review of the current plan for a period (as the list names it, e.g. 2025年第三季度) and opens it. */
  async start(period: string) {
    await this.page.getByRole('navigation').getByRole('link', { name: '调度会' }).click()
    await this.page.getByTestId('review-new').click()
    const dialog = this.page.getByTestId('review-dialog')
    await dialog.getByTestId('review-period').click()
    await this.page.locator('.el-select-dropdown__item').filter({ hasText: period }).click()
    await expect(field(dialog, 'review-title')).toHaveValue(`${period}工作调度会`)
    await dialog.getByTestId('review-create').click()
    await expect(this.page.getByRole('heading', { level: 1, name: `${period}工作调度会` })).toBeVisible()
  }

  /** One commitment's card, by its title. */
  card(title: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('link', { name: title, exact: true }) })
  }
}
