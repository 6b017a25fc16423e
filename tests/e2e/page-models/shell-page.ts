import type { Locator, Page } from '@playwright/test'

/** The layout every screen shares: header with product name and language switch, and the navigation. */
export class ShellPage {
  readonly header: Locator
  readonly nav: Locator
  readonly localeSwitch: Locator
  readonly heading: Locator

  constructor(readonly page: Page) {
    this.header = page.locator('header')
    this.nav = page.getByRole('navigation')
    this.localeSwitch = page.getByTestId('locale-switch').first()
    this.heading = page.getByRole('heading', { level: 1 })
  }

  async goto(path = '/') {
    await this.page.goto(`./#${path}`)
    await this.heading.waitFor()
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name })
  }

  /** Picks a language by its own name, as shown in the switch ("简体中文", "English"). */
  async chooseLocale(name: string) {
    await this.localeSwitch.click()
    await this.page.getByRole('option', { name, exact: true }).click()
  }
}
