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
    return this.panel(key).locator('.pace-tooltip').filter({ hasText: title })
  }

  /**
   * Every row's tooltip of a row chart, as lines of text (title first), read by hovering once down the middle of the
   * chart: what a person on the big screen, which has no table view, can read of each row.
   */
  async rowTooltips(key: string, rows: number): Promise<string[][]> {
    const canvas = this.panel(key).locator('canvas').first()
    const chart = this.panel(key).locator('.base-chart')
    await canvas.scrollIntoViewIfNeeded()
    const seen = new Map<string, string[]>()
    await expect
      .poll(
        async () => {
          const box = await canvas.boundingBox()
          if (!box) return 0
          // Four steps a row: every row is hovered near its middle at least once.
          const step = Math.max(4, Math.floor(box.height / (rows * 4)))
          for (let y = box.y + 2; y < box.y + box.height; y += step) {
            await this.page.mouse.move(box.x + box.width / 2, y)
            // One round trip a step: the tooltip's text while it is shown.
            const text = await chart.evaluate((el) => {
              const tip = el.querySelector<HTMLElement>('.pace-tooltip')
              return tip && getComputedStyle(tip).visibility !== 'hidden' && getComputedStyle(tip).display !== 'none' ? tip.innerText : ''
            })
            const lines = text.split('\n').map((line) => line.trim()).filter(Boolean)
            if (lines[0]) seen.set(lines[0], lines)
          }
          return seen.size
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThanOrEqual(rows)
    return [...seen.values()]
  }
}
