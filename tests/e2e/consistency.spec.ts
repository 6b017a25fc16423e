import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { DashboardPage } from './page-models/dashboard-page'
import { ReviewPage } from './page-models/review-page'
import { SettingsPage } from './page-models/settings-page'
import { editedBackup } from '../fixtures/bad-backups'

/**
 * One truth for every figure: a plan holding every target kind and direction, read on every surface (the plan
 * list, the commitment's detail, the dashboard's table view, the big screen's chart, the Excel 台账, the Word report
 * and, mid-year, the review page and the comparison of two reviews) before any data, mid-year and after the window.
 * Each commitment must read the same everywhere, and one is checked by hand.
 */

const STAMP = { updatedAt: '2025-01-02T00:00:00.000Z', updatedBy: '王芳', deletedAt: null }
const PLAN = { id: 'plan-c', name: '一致性检验计划', organisation: '某市司法局', window: { start: '2025-01-01', end: '2025-12-31' }, ...STAMP }
const base = { planId: PLAN.id, sectionId: 'sec-c', leadDepartmentId: null, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null }
const COMMITMENTS = [
  { id: 'c-count', title: '组织集中学习', target: { kind: 'count', value: 12, direction: 'at_least', unit: '次' } },
  { id: 'c-ceiling', title: '发生安全事故', target: { kind: 'count', value: 3, direction: 'at_most', unit: '起' } },
  { id: 'c-level', title: '专家库专家数量', target: { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 } },
  { id: 'c-rate-limit', title: '行政复议纠错率', target: { kind: 'ratio', percent: 5, direction: 'at_most', baseline: null } },
  { id: 'c-change', title: '工作效率', target: { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 20, unit: '件' } },
  { id: 'c-monthly', title: '集中学习交流', target: { kind: 'recurring', period: 'month', minimum: 1, unit: '次' } },
  { id: 'c-stages', title: '建立专家库制度', target: { kind: 'milestone', stages: [{ id: 'st-1', title: '制定方案', dueDate: '2025-06-30' }, { id: 'st-2', title: '印发实施', dueDate: null }] } },
  { id: 'c-share', title: '干部参学率', target: { kind: 'ratio', percent: 90, direction: 'at_least', baseline: null } },
].map((c, order) => ({ ...base, ...c, order, ...STAMP }))

let n = 0
const entryBase = (commitmentId: string, date: string) => ({ id: `e-${++n}`, commitmentIds: [commitmentId], date, note: '', participants: '', place: '', evidenceUrl: '', departmentId: null, personId: null, loggedOn: date, ...STAMP })
const quantity = (id: string, date: string, q: number) => ({ ...entryBase(id, date), type: 'quantity', quantity: q })
const measured = (id: string, date: string, value: number, denominator: number | null = null) => ({ ...entryBase(id, date), type: 'measurement', value, denominator })
const ENTRIES = [
  quantity('c-count', '2025-02-10', 3),
  quantity('c-count', '2025-05-10', 3),
  quantity('c-count', '2025-09-10', 2),
  quantity('c-ceiling', '2025-04-01', 1),
  measured('c-level', '2025-03-20', 38),
  measured('c-level', '2025-06-20', 44),
  measured('c-rate-limit', '2025-06-01', 4.4),
  measured('c-change', '2025-06-15', 24),
  ...['01', '02', '03', '04', '05'].map((m) => quantity('c-monthly', `2025-${m}-15`, 1)),
  { ...entryBase('c-stages', '2025-04-01'), type: 'milestone', stageId: 'st-1' },
  measured('c-share', '2025-06-01', 46, 50),
]

async function seed(page: Page) {
  const settings = new SettingsPage(page)
  await settings.open()
  const file = editedBackup(await settings.exportBackup(), (data) => {
    Object.assign(data, { plans: [PLAN], sections: [{ id: 'sec-c', planId: PLAN.id, parentId: null, title: '各类目标', order: 0, ...STAMP }], commitments: COMMITMENTS, entries: ENTRIES })
  })
  await settings.chooseFile('一致性.json', file)
  await settings.preview.getByRole('button', { name: '合并导入' }).click()
  await expect(page.getByText(/^导入完成/)).toBeVisible()
}

interface Figures {
  status?: string
  /** 完成率 (67%) or, for a limit, where it stands in words. */
  figure: string
  expected: string | null
  gap: string | null
}

/** The dashboard's progress table: every commitment's figure, 序时进度 and gap as the chart shows them. */
async function dashboardFigures(page: Page, asOf: string): Promise<Map<string, Figures>> {
  await page.goto(`./#/dashboard?plan=${PLAN.id}&asOf=${asOf}`)
  const panel = page.getByTestId('panel-progress')
  await panel.getByTestId('panel-table').click()
  const rows = panel.locator('tbody tr')
  await expect(rows).toHaveCount(COMMITMENTS.length)
  const figures = new Map<string, Figures>()
  for (const cells of await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')))) {
    const [title, status, figure, expected, gap] = cells as [string, string, string, string, string]
    figures.set(title, { status, figure, expected: expected === '—' ? null : expected, gap: gap === '—' ? null : gap })
  }
  return figures
}

/**
 * The big screen's progress page, read as a person in the room can: each row's tooltip (title, status, then 完成率
 * and 序时进度, or where a limit stands).
 */
async function bigScreenFigures(page: Page, asOf: string): Promise<Map<string, Figures & { status: string }>> {
  await page.goto(`./#/dashboard/screen?plan=${PLAN.id}&asOf=${asOf}`)
  await page.getByTestId('screen-pause').click()
  const progress = page.getByTestId('panel-progress')
  while (!(await progress.isVisible())) await page.getByTestId('screen-next').click()
  const figures = new Map<string, Figures & { status: string }>()
  for (const [title, status, ...rest] of await new DashboardPage(page).rowTooltips('progress', COMMITMENTS.length)) {
    const value = (label: string) => rest.find((line) => line.startsWith(`${label}：`))?.slice(label.length + 1) ?? null
    figures.set(title!, { status: status!, figure: value('完成率') ?? rest.join(''), expected: value('序时进度'), gap: null })
  }
  return figures
}

/** The same date's Excel 台账 and Word report, exported from the dashboard. */
async function exports(page: Page) {
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()])
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await ledger.path())
  const sheet = workbook.worksheets[0]!
  const headings = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ''))
  const column = (name: string) => headings.indexOf(name)
  const excel = new Map<string, { percent: unknown; gap: unknown; completion: unknown }>()
  sheet.eachRow((row) => {
    const title = row.getCell(column('工作任务')).value
    if (typeof title !== 'string' || !COMMITMENTS.some((c) => c.title === title)) return
    excel.set(title, { percent: row.getCell(column('完成率')).value, gap: row.getCell(column('序时进度差（百分点）')).value, completion: row.getCell(column('完成情况')).value })
  })
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()])
  const zip = await JSZip.loadAsync(readFileSync(await report.path()))
  const word = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
  return { excel, word }
}

const points = (text: string) => Number(text.replace('−', '-').replace('+', ''))
const gapWords = (gap: number) => (gap > 0 ? `超序时进度${gap}个百分点` : gap < 0 ? `落后序时进度${-gap}个百分点` : '与序时进度持平')

for (const asOf of ['2025-01-05', '2025-06-30', '2026-01-10']) {
  test(`every surface reads the same figures as of ${asOf}`, async ({ page, shell }) => {
    test.slow()
    await shell.start('/')
    await seed(page)
    const dashboard = await dashboardFigures(page, asOf)
    const { excel, word } = await exports(page)

    await page.goto(`./#/plans/${PLAN.id}?asOf=${asOf}`)
    await expect(page.getByTestId('commitment-row')).toHaveCount(COMMITMENTS.length)
    for (const c of COMMITMENTS) {
      const shown = dashboard.get(c.title)!
      const limit = shown.expected === null
      // The plan list.
      await expect(page.getByTestId('commitment-row').filter({ hasText: c.title }).getByTestId('commitment-completion'), `${c.title}: plan list`).toHaveText(shown.figure)
      // Excel: the same percent and gap as numbers, a limit's words in 完成情况.
      const row = excel.get(c.title)!
      if (limit) {
        expect([row.percent ?? null, row.gap ?? null, row.completion], `${c.title}: Excel`).toEqual([null, null, shown.figure])
      } else {
        if (row.percent !== null) expect(`${String(row.percent)}%`, `${c.title}: Excel 完成率`).toBe(shown.figure)
        expect(row.gap, `${c.title}: Excel gap`).toBe(points(shown.gap!))
        expect(String(row.completion), `${c.title}: Excel 完成情况`).toContain(`完成率${shown.figure}`)
      }
      // Word: the commitment's sentence names the same figure and the same gap.
      const sentence = new RegExp(`“${c.title}”[^。]*。`).exec(word)?.[0] ?? ''
      expect(sentence, `${c.title}: Word`).not.toBe('')
      if (limit) expect(sentence, `${c.title}: Word`).toContain(/[\d.]+(%|起)|尚无测量数据/.exec(shown.figure)![0])
      else {
        if (sentence.includes('%')) expect(sentence, `${c.title}: Word 完成率`).toContain(shown.figure)
        if (sentence.includes('序时进度')) expect(sentence, `${c.title}: Word gap`).toContain(gapWords(points(shown.gap!)))
      }
    }
    // The big screen, which has no table: its tooltips say the same.
    const screen = await bigScreenFigures(page, asOf)
    for (const c of COMMITMENTS) {
      const { status, figure, expected } = dashboard.get(c.title)!
      expect(screen.get(c.title), `${c.title}: big screen`).toEqual({ status, figure, expected, gap: null })
    }

    for (const c of COMMITMENTS) {
      const shown = dashboard.get(c.title)!
      await page.goto(`./#/commitments/${c.id}?asOf=${asOf}`)
      const summary = page.getByTestId('evaluation-summary')
      if (shown.expected === null) {
        await expect(summary.getByTestId('limit'), `${c.title}: detail`).toHaveText(shown.figure)
      } else {
        await expect(summary.getByTestId('completion'), `${c.title}: detail 完成率`).toHaveText(shown.figure)
        await expect(summary.getByTestId('expected'), `${c.title}: detail 序时进度`).toHaveText(shown.expected)
        await expect(summary.getByTestId('gap'), `${c.title}: detail gap`).toHaveText(gapWords(points(shown.gap!)))
      }
    }

    // The review page of the quarter ending that day shows the same figures on its cards.
    if (asOf === '2025-06-30') {
      const reviews = new ReviewPage(page)
      await reviews.start('2025年第一季度')
      const q1 = new URL(page.url()).hash.split('?')[0]!.split('/').pop()!
      await reviews.start('2025年第二季度')
      const q2 = new URL(page.url()).hash.split('?')[0]!.split('/').pop()!
      for (const c of COMMITMENTS) {
        const shown = dashboard.get(c.title)!
        const card = reviews.card(c.title)
        if (shown.expected === null) await expect(card.getByTestId('review-limit'), `${c.title}: review`).toHaveText(shown.figure)
        else {
          await expect(card.getByTestId('review-completion'), `${c.title}: review 完成率`).toHaveText(shown.figure)
          const gap = points(shown.gap!)
          await expect(card.getByTestId('review-gap'), `${c.title}: review gap`).toHaveText(`${gap > 0 ? '+' : gap < 0 ? '−' : ''}${Math.abs(gap)}个百分点`)
        }
      }
      // The comparison of the two reviews: the later side reads as the cards do, and its status is the same.
      await page.goto(`./#/reviews/compare?from=${q1}&to=${q2}`)
      await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(COMMITMENTS.length)
      for (const c of COMMITMENTS) {
        const shown = dashboard.get(c.title)!
        const after = page.getByTestId(`compare-${c.id}`).getByTestId('compare-after')
        if (shown.expected === null) await expect(after.getByTestId('compare-figure'), `${c.title}: compare`).toHaveText(shown.figure)
        else await expect(after.getByTestId('compare-completion'), `${c.title}: compare 完成率`).toHaveText(`完成率${shown.figure}`)
        await expect(page.getByTestId(`compare-${c.id}`).locator('.status-tag').last(), `${c.title}: compare status`).toHaveText(shown.status!)
      }
    }

    // And by hand, mid-year: 6 of 12 sessions by 30 June (181 of 365 days: 49.6% shows as 50%) is 50%, level; the
    // expert pool is 44 from 32 towards 50, two thirds of the way (67%), 17 points behind 50%; the rate of 4.4% is
    // within its 5% limit.
    if (asOf === '2025-06-30') {
      expect(dashboard.get('组织集中学习')).toEqual({ status: '序时推进', figure: '50%', expected: '50%', gap: '0' })
      expect(dashboard.get('专家库专家数量')).toEqual({ status: '序时推进', figure: '67%', expected: '50%', gap: '17' })
      expect(dashboard.get('行政复议纠错率')).toEqual({ status: '序时推进', figure: '目前4.4%，控制在5%以内', expected: null, gap: null })
      expect(dashboard.get('发生安全事故')).toEqual({ status: '序时推进', figure: '已发生1起，控制在3起以内', expected: null, gap: null })
      expect(word).toContain('“专家库专家数量”目前为44人，目标（由32人达到50人以上）完成67%，超序时进度17个百分点。')
    }
  })
}
