import { test, expect } from './support/fixtures'
import { DashboardPage } from './page-models/dashboard-page'
import { PlanPage } from './page-models/plan-page'

test('the plan and 截至 date chosen on one screen carry to the next, and the URL says so', async ({ page, shell }) => {
  const plan = new PlanPage(page)
  const dashboard = new DashboardPage(page)
  await shell.start('/', '王芳', '办公室')
  await shell.loadExample()
  await expect(page.getByRole('heading', { level: 1, name: '2025年工作谋划' })).toBeVisible()

  // 截至 on the plan screen: the dashboard opens at the same date, and the log's URL carries it.
  const asOf = plan.statusLine.locator('[data-testid="as-of"] input')
  await asOf.fill('2025-06-30')
  await asOf.press('Enter')
  await expect(page).toHaveURL(/asOf=2025-06-30/)
  await shell.navLink('看板').click()
  await expect(dashboard.asOf).toHaveValue('2025-06-30')
  await expect(page).toHaveURL(/plan=.*asOf=2025-06-30|asOf=2025-06-30.*plan=/)
  await shell.navLink('登记').click()
  await expect(page).toHaveURL(/#\/log\?.*asOf=2025-06-30/)

  // A date chosen on the dashboard goes back to the plan screen.
  await shell.navLink('看板').click()
  await dashboard.chooseAsOf('2025-03-31')
  await expect(page).toHaveURL(/asOf=2025-03-31/)
  await shell.navLink('计划').click()
  await page.getByTestId('plan-card').first().getByRole('link').first().click()
  await expect(asOf).toHaveValue('2025-03-31')

  // Another plan: its own default date, and every screen follows it.
  await page.getByTestId('copy-plan').first().click()
  await page.getByTestId('confirm-copy').click()
  await expect(page.getByRole('heading', { level: 1, name: '2026年工作谋划' })).toBeVisible()
  await expect(page).not.toHaveURL(/asOf=/)
  await shell.navLink('调度会').click()
  await expect(page.locator('[data-testid="review-plan"] option:checked')).toHaveText('2026年工作谋划')
  await shell.navLink('看板').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2026年工作谋划')
})
