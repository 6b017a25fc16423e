import { test, expect } from './support/fixtures'
import { PlanPage, choose, field } from './page-models/plan-page'
import { LogPage } from './page-models/log-page'
import { screenshot } from './support/screenshot'

/**
 * A newcomer's first week: create a plan, add three commitments of different kinds, log on a phone, see the
 * statuses and the detail chart change, undo a delete, and find everything again after a reload.
 */
test('a newcomer plans, logs on a phone, and finds everything after a reload', async ({ page, shell }) => {
  test.slow()
  const plan = new PlanPage(page)
  const log = new LogPage(page)
  await shell.start('/plans', '王芳', '办公室')
  await plan.createFirstPlan('本年度法治建设工作要点')
  await plan.addSection('加强法治学习')

  // A count, with its sentence shown while typing.
  await plan.addCommitmentIn('加强法治学习')
  await field(page, 'commitment-title').fill('组织集中学习')
  await field(page, 'target-value').fill('12')
  await expect(page.getByTestId('commitment-sentence')).toContainText('组织集中学习不少于12次')
  await plan.saveCommitment()

  // A ratio.
  await plan.addCommitmentIn('加强法治学习')
  await field(page, 'commitment-title').fill('干部参学率')
  await choose(page, 'commitment-kind', '比例')
  await field(page, 'target-value').fill('90')
  await expect(page.getByTestId('commitment-sentence')).toContainText('干部参学率不低于90%')
  await plan.saveCommitment()

  // A milestone with one stage; saving without a stage title is refused at the field first.
  await plan.addCommitmentIn('加强法治学习')
  await field(page, 'commitment-title').fill('建立法治学习制度')
  await choose(page, 'commitment-kind', '节点任务')
  await page.getByTestId('add-stage').click()
  await plan.commitmentDialog.getByTestId('save-commitment').click()
  await expect(page.getByTestId('stage-row').getByText('不能为空')).toBeVisible()
  await page.getByTestId('stage-row').getByRole('textbox', { name: '阶段内容' }).fill('制定学习制度')
  await plan.saveCommitment()
  await expect(plan.rows).toHaveCount(3)
  await expect(plan.row('干部参学率').locator('[data-status]')).toHaveAttribute('data-status', 'behind')
  await expect(plan.row('建立法治学习制度').locator('[data-status]')).toHaveAttribute('data-status', 'on_track')

  // On a phone: one tap logs today's activity; a measurement and a stage through the form.
  await page.setViewportSize({ width: 360, height: 740 })
  await shell.navLink('登记').click()
  await expect(log.items).toHaveCount(3)
  await log.quickAdd('组织集中学习')
  await log.quickAdd('组织集中学习')
  await expect(log.item('组织集中学习')).toContainText('2次 · 17%')
  await log.openDetailed('干部参学率')
  await field(page, 'entry-value').fill('46')
  await field(page, 'entry-denominator').fill('50')
  await log.saveEntry()
  await log.openDetailed('建立法治学习制度')
  await log.entryDialog.getByRole('radio', { name: '制定学习制度' }).check({ force: true })
  await log.saveEntry()
  await expect(log.item('干部参学率').locator('[data-status]')).toHaveAttribute('data-status', 'achieved')
  await expect(log.item('建立法治学习制度').locator('[data-status]')).toHaveAttribute('data-status', 'achieved')
  await screenshot(page, 'journey-log-zh-CN-phone')

  // The detail: figures, the chart, and a delete that is undone.
  await log.item('组织集中学习').getByRole('link').click()
  await expect(page.getByTestId('burnup-chart').locator('canvas')).toBeVisible()
  await expect(page.getByTestId('actual')).toHaveText('2次')
  await expect(page.getByTestId('entry-item')).toHaveCount(2)
  await page.getByTestId('entry-item').first().getByTestId('delete-entry').click()
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('entry-item')).toHaveCount(1)
  await expect(page.getByTestId('actual')).toHaveText('1次')
  await page.getByTestId('undo').last().click()
  await expect(page.getByTestId('entry-item')).toHaveCount(2)
  await expect(page.getByTestId('actual')).toHaveText('2次')
  await expect(page.getByTestId('audit-history')).toContainText('王芳 新建')
  await screenshot(page, 'journey-detail-zh-CN-phone')

  // Everything is still there after a reload.
  await page.reload()
  await expect(page.getByTestId('entry-item')).toHaveCount(2)
  await shell.navLink('计划').click()
  await page.getByTestId('plan-card').getByRole('link', { name: '本年度法治建设工作要点' }).click()
  await expect(plan.rows).toHaveCount(3)
  await expect(plan.row('干部参学率')).toContainText('已完成102%') // 46 of 50 is 92%, against a target of 90%
})
