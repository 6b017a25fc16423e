import { expect, type Locator, type Page } from '@playwright/test'

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

  /**
   * Loads the example plan from the first-run screen and waits for its outline. Loading it is the heaviest step
   * of the suite (some 150 rows in one transaction, then the plan drawn): on a loaded 2-core machine it has taken
   * over 20 s, so this one wait allows a minute.
   */
  async loadExample() {
    await this.page.getByTestId('load-example').click()
    await expect(this.page.getByTestId('plan-outline')).toBeVisible({ timeout: 60_000 })
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name })
  }

  /** Picks a language by its own name, as shown in the switch ("简体中文", "English"). */
  async chooseLocale(name: string) {
    await this.localeSwitch.selectOption({ label: name })
  }
}
