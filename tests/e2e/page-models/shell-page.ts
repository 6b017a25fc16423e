import type { Locator, Page } from '@playwright/test'

/** The layout every screen shares: header with product name and language switch, and the navigation. */
export class ShellPage {
  readonly header: Locator
  readonly nav: Locator
  readonly localeSwitch: Locator
  readonly heading: Locator

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner')
    this.nav = page.getByRole('navigation')
    this.localeSwitch = page.getByTestId('locale-switch').first()
    this.heading = page.getByRole('heading', { level: 1 })
  }

  async goto(path = '/') {
    await this.page.goto(`./#${path}`)
    await this.heading.waitFor()
  }

  /** Opens the app on a new profile and answers the first-run question of who is using it. */
  async start(path = '/', name = '王芳', department = '办公室') {
    await this.goto(path)
    await this.identify(name, department)
  }

  async identify(name: string, department: string) {
    const dialog = this.page.getByTestId('identity-dialog')
    await dialog.getByRole('textbox').first().fill(name)
    await dialog.getByRole('textbox').nth(1).fill(department)
    await dialog.getByRole('button').last().click()
    await dialog.waitFor({ state: 'hidden' })
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name })
  }

  /** Picks a language by its own name, as shown in the switch ("简体中文", "English"). */
  async chooseLocale(name: string) {
    await this.localeSwitch.selectOption({ label: name })
  }
}
