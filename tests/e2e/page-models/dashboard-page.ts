import { expect, type Locator, type Page } from '@playwright/test'

/** The dashboard: headline tiles, filter bar, chart panels (each with a table view and PNG download). */
export class DashboardPage {
  readonly headline: Locator
  readonly asOf: Locator

  constructor(readonly page: Page) {
    this.headline = page.getByTestId('headline')
    this.asOf = page.getByTestId('filter-as-of').locator('input')
  }

  tile(status: string): Locator {
    return this.page.getByTestId(`headline-${status}`).locator('.headline__count')
  }

  panel(key: string): Locator {
    return this.page.getByTestId(`panel-${key}`)
  }

  /** The panel's table view rows (switches the panel to its table). */
  async tableRows(key: string): Promise<Locator> {
    await this.panel(key).getByTestId('panel-table').click()
    const rows = this.panel(key).locator('tbody tr')
    await expect(rows.first()).toBeVisible()
    return rows
  }

  async chooseAsOf(date: string) {
    await this.asOf.fill(date)
  }

  /** A point on the first bar of a horizontal bar chart: just past the 168-px title labels, in the first row. */
  async firstBarPoint(key: string): Promise<{ x: number; y: number }> {
    const canvas = this.panel(key).locator('canvas').first()
    await canvas.scrollIntoViewIfNeeded()
    const box = await canvas.boundingBox()
    if (!box) throw new Error(`no chart in panel ${key}`)
    return { x: box.x + 200, y: box.y + 28 + 12 }
  }
}
