import { test, expect } from './support/fixtures'
import { LogPage } from './page-models/log-page'
import { PlanPage, field } from './page-models/plan-page'

const statusCount = (plan: PlanPage, status: string) => plan.statusLine.locator(`[data-status="${status}"]`).locator('..')

test('the example plan shows every status as of its date, copies to next year, and is removed in one step', async ({ page, shell }) => {
  const plan = new PlanPage(page)
  await shell.start('/', '王芳', '办公室')
  await expect(page.getByTestId('first-run')).toBeVisible()
  await shell.loadExample()
  await expect(page.getByRole('heading', { level: 1, name: '2025年工作谋划' })).toBeVisible()
  await expect(plan.rows).toHaveCount(16)
  await expect(page.getByTestId('section-heading').first()).toHaveText(/一、固法治根本，强化思想与制度建设/)
  await expect(plan.statusLine.locator('[data-testid="as-of"] input')).toHaveValue('2025-09-30')
  for (const [status, n] of [['achieved', 4], ['on_track', 5], ['at_risk', 3], ['behind', 4]] as const) {
    await expect(statusCount(plan, status)).toHaveText(new RegExp(`${n}$`))
  }

  // The user 王芳 of 办公室 is not the example's 王芳 (a namesake): none of its commitments is hers, but her
  // department leads some, so the log opens on her department's.
  await shell.navLink('登记').click()
  await expect(page.getByTestId('log-scope').getByRole('radio', { name: '本部门的' })).toBeChecked()
  await expect(page.getByTestId('quick-log-item')).toHaveCount(6)
  await page.getByTestId('log-scope').getByText('我负责的').click()
  await expect(page.getByTestId('quick-log-item')).toHaveCount(0)
  await page.getByTestId('log-scope').getByText('全部').click()
  await expect(page.getByTestId('quick-log-item')).toHaveCount(16)

  // The example's year is over: the card says why "+1 今天" is off and points to the way out, and the figures count
  // up to today, so an entry dated in the plan's year moves them at once.
  const log = new LogPage(page)
  const study = log.item('组织集中学习、研讨交流等活动')
  await expect(study.getByTestId('quick-add')).toHaveCount(0)
  await expect(study.getByTestId('quick-add-outside')).toHaveText('今天不在计划期内，请选日期登记')
  await expect(page.getByTestId('log-as-of')).toContainText('统计到今天')
  const before = await study.locator('.quick-log__progress').innerText()
  const count = (text: string) => Number(/^(\d+)次/.exec(text)?.[1])
  await log.openDetailed('组织集中学习、研讨交流等活动')
  await field(log.entryDialog, 'entry-date').fill('2025-10-20')
  await field(log.entryDialog, 'entry-date').press('Enter')
  await log.saveEntry()
  await expect.poll(async () => count(await study.locator('.quick-log__progress').innerText())).toBe(count(before) + 1)
  await page.goBack()

  // Time travel: at the year's end the example's unfinished commitments are missed.
  await plan.statusLine.locator('[data-testid="as-of"] input').fill('2026-01-05')
  await plan.statusLine.locator('[data-testid="as-of"] input').press('Enter')
  await expect(statusCount(plan, 'missed')).toHaveText(/12$/)

  await page.getByTestId('copy-plan').first().click()
  await page.getByTestId('confirm-copy').click()
  await expect(page.getByRole('heading', { level: 1, name: '2026年工作谋划' })).toBeVisible()
  await expect(plan.rows).toHaveCount(16)

  await shell.navLink('计划').click()
  await expect(page.getByTestId('plan-card')).toHaveCount(2)
  await page.getByTestId('remove-example').click()
  await page.getByRole('dialog').getByRole('button', { name: '删除示例' }).click()
  await expect(page.getByTestId('plan-card')).toHaveCount(1)
  await expect(page.getByTestId('plan-card')).toContainText('2026年工作谋划')
  await expect(page.getByTestId('example-banner')).toBeHidden()
})
