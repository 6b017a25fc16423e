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

  /**
   * A point on the row of a row chart (progress, quarters) whose tooltip names `title`: found by hovering down the
   * middle of the chart until ECharts shows that tooltip, so it does not depend on the chart's layout.
   */
  async rowPoint(key: string, title: string): Promise<{ x: number; y: number }> {
    const canvas = this.panel(key).locator('canvas').first()
    await canvas.scrollIntoViewIfNeeded()
    const tooltip = this.tooltip(key, title)
    let found: { x: number; y: number } | null = null
    await expect
      .poll(async () => {
        const box = await canvas.boundingBox()
        if (!box) return false
        const x = box.x + box.width / 2
        for (let y = box.y + 2; y < box.y + box.height && !found; y += 6) {
          await this.page.mouse.move(x, y)
          if (await tooltip.isVisible()) found = { x, y }
        }
        return found !== null
      })
      .toBe(true)
    return found!
  }

  /** The chart's tooltip while it names `title`. */
  tooltip(key: string, title: string): Locator {
    return this.panel(key).locator('div').filter({ hasText: title }).last()
  }
}
