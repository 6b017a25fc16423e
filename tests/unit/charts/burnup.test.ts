import { describe, expect, it } from 'vitest'
import { burnupOption } from '@/charts/burnup'
import { STATUS_COLORS } from '@/charts/status-colors'
import { evaluateCommitment, type Commitment, type Entry, type Target } from '@/domain'
import { YEAR_2025, commitment, measure, qty } from '../domain/fixtures'

const labels = { actual: '累计完成', measured: '测量值', expected: '序时进度', target: '目标', forecast: '预测' }

function option(target: Target, entries: Entry[], asOf: string, overrides: Partial<Commitment> = {}) {
  const c = commitment(target, overrides)
  const evaluation = evaluateCommitment(YEAR_2025, c, entries, asOf)
  const built = burnupOption({ window: YEAR_2025, commitment: c, entries, asOf, evaluation, labels, locale: 'zh-CN' }) as {
    color: string[]
    legend: { data: string[] }
    series: { name: string; data: [string, number][]; step?: string; showSymbol: boolean; markLine?: { data: { yAxis: number }[] } }[]
    yAxis: { axisLabel: { formatter: string } }
  }
  return { built, evaluation, series: (name: string) => built.series.find((s) => s.name === name) }
}

const study: Target = { kind: 'count', value: 15, direction: 'at_least', unit: '次' }

describe('burnupOption', () => {
  it('draws the cumulative count as steps from zero to today, coloured by status', () => {
    const { built, series, evaluation } = option(study, [qty('2025-02-10', 2), qty('2025-05-06', 3), qty('2025-05-06', 1)], '2025-06-30')
    expect(series('累计完成')!.data).toEqual([['2025-01-01', 0], ['2025-02-10', 2], ['2025-05-06', 6], ['2025-06-30', 6]])
    expect(series('累计完成')!.step).toBe('end')
    expect(built.color[0]).toBe(STATUS_COLORS[evaluation.status])
    expect(evaluation.status).toBe('behind')
  })

  it('draws 序时进度 as a straight line from 0 to the target over the year', () => {
    const expected = option(study, [], '2025-06-30').series('序时进度')!.data
    expect(expected[0]).toEqual(['2025-01-01', 0])
    expect(expected.at(-1)).toEqual(['2025-12-31', 15])
    expect(expected.length).toBeLessThan(5)
  })

  it('bends the 序时进度 line at each quarter end under quarterly phasing', () => {
    const phased = option(study, [], '2025-06-30', { phasing: { unit: 'quarter', cumulative: [10, 40, 70, 100] } }).series('序时进度')!.data
    expect(phased).toContainEqual(['2025-03-31', 1.5])
    expect(phased).toContainEqual(['2025-06-30', 6])
    expect(phased.at(-1)).toEqual(['2025-12-31', 15])
  })

  it('marks the target as a line and adds the forecast from today to the end', () => {
    const { series, evaluation } = option(study, [qty('2025-03-01', 6)], '2025-06-30')
    expect(series('累计完成')!.markLine!.data).toEqual([{ yAxis: 15 }])
    expect(series('预测')!.data).toEqual([['2025-06-30', 6], ['2025-12-31', Math.round(evaluation.forecast.value! * 100) / 100]])
  })

  it('leaves the forecast out once the window has closed', () => {
    const { built, series } = option(study, [qty('2025-03-01', 6)], '2026-01-10')
    expect(series('预测')).toBeUndefined()
    expect(built.legend.data).toEqual(['累计完成', '序时进度'])
  })

  it('shows measurements as points from the baseline for a level target', () => {
    const level: Target = { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }
    const { series } = option(level, [measure('2025-03-25', 36), measure('2025-06-25', 41)], '2025-06-30')
    expect(series('测量值')!.data).toEqual([['2025-03-25', 36], ['2025-06-25', 41]])
    expect(series('测量值')!.showSymbol).toBe(true)
    expect(series('序时进度')!.data[0]).toEqual(['2025-01-01', 32])
  })

  it('puts a ratio in percent on the axis', () => {
    const ratio: Target = { kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }
    const { built, series } = option(ratio, [measure('2025-04-25', 12, 100)], '2025-06-30')
    expect(built.yAxis.axisLabel.formatter).toBe('{value}%')
    expect(series('测量值')!.data).toEqual([['2025-04-25', 12]])
  })

  it('steps 序时进度 at each stage due date of a milestone', () => {
    const milestone: Target = { kind: 'milestone', stages: [{ id: 'a', title: '方案', dueDate: '2025-06-30' }, { id: 'b', title: '实施', dueDate: null }] }
    const expected = option(milestone, [], '2025-03-01').series('序时进度')!.data
    expect(expected).toContainEqual(['2025-06-29', 0])
    expect(expected).toContainEqual(['2025-06-30', 1])
    expect(expected.at(-1)).toEqual(['2025-12-31', 2])
  })
})
