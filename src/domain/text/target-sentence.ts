import type { TextLocale } from '../locale'
import type { Target } from '../model'
import type { PeriodUnit } from '../periods'
import { chineseNumeral } from '../outline'

/**
 * A number as an official text writes it: no grouping, at most two decimals, no trailing zeros (15, 2.5, 12345).
 * Larger-number forms (万) belong to report text, where counts are summed; a target is written as promised.
 */
export function plainNumber(value: number): string {
  return String(Math.round(value * 100) / 100)
}

const PERIOD_ZH: Record<PeriodUnit, string> = {
  week: '每周',
  month: '每月',
  two_months: '每两个月',
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
}
const PERIOD_EN: Record<PeriodUnit, string> = {
  week: 'every week',
  month: 'every month',
  two_months: 'every two months',
  quarter: 'every quarter',
  half_year: 'every half-year',
  year: 'every year',
}

/** "15次", "50人", "3 visits": Chinese units follow the number directly; other units take a space. */
function quantity(value: number, unit: string): string {
  const trimmed = unit.trim()
  if (!trimmed) return plainNumber(value)
  return /^[\p{Script=Han}%]/u.test(trimmed) ? `${plainNumber(value)}${trimmed}` : `${plainNumber(value)} ${trimmed}`
}

/** The ways a title may already write the target's number: 15次 / 十五次, 30%. */
function writings(value: number, unit: string): string[] {
  const u = unit.trim()
  return [`${plainNumber(value)}${u}`, `${chineseNumeral(value)}${u}`, ...(u === '次' && value === 1 ? ['一次'] : [])]
}

/**
 * A title typed as the whole sentence (组织不少于15次集中学习, 工作效率提升30%以上, 每月集中学习交流不少于一次) already
 * says its target: it is the sentence as it stands, instead of having the target said twice.
 */
function statesTarget(title: string, target: Target): boolean {
  switch (target.kind) {
    case 'count':
    case 'level':
      return writings(target.value, target.unit).some((w) => title.includes(w))
    case 'percent_change':
    case 'ratio':
      return title.includes(`${plainNumber(target.percent)}%`)
    case 'recurring':
      return title.includes(PERIOD_ZH[target.period]) && writings(target.minimum, target.unit).some((w) => title.includes(w))
    case 'milestone':
      return false
  }
}

function chinese(title: string, target: Target): string {
  if (statesTarget(title, target)) return title
  switch (target.kind) {
    case 'count':
      return `${title}${target.direction === 'at_least' ? '不少于' : '不超过'}${quantity(target.value, target.unit)}`
    case 'level': {
      const from = target.baseline === null ? '' : `由${quantity(target.baseline, target.unit)}`
      return target.direction === 'at_least'
        ? `${title}${from}达到${quantity(target.value, target.unit)}以上`
        : `${title}${from}控制在${quantity(target.value, target.unit)}以内`
    }
    case 'percent_change':
      return `${title}较基期${target.direction === 'increase' ? '提升' : '降低'}${plainNumber(target.percent)}%以上`
    case 'ratio':
      if (target.direction === 'at_least') return target.percent === 100 ? `${title}达到100%` : `${title}不低于${plainNumber(target.percent)}%`
      return `${title}不高于${plainNumber(target.percent)}%`
    case 'recurring':
      // 集中学习交流不少于1次 says the minimum but not the period: the period goes in front, the minimum once.
      if (writings(target.minimum, target.unit).some((w) => title.includes(w))) return `${PERIOD_ZH[target.period]}${title}`
      return `${PERIOD_ZH[target.period]}${title}不少于${quantity(target.minimum, target.unit)}`
    case 'milestone':
      return target.stages.length === 1 && target.stages[0]?.title.trim() === title
        ? `完成${title}`
        : `完成${title}（${target.stages.map((s) => s.title.trim() || '…').join('、')}）`
  }
}

function english(title: string, target: Target): string {
  switch (target.kind) {
    case 'count':
      return `${title}: ${target.direction === 'at_least' ? 'at least' : 'no more than'} ${quantity(target.value, target.unit)}`
    case 'level': {
      const from = target.baseline === null ? '' : ` (from ${quantity(target.baseline, target.unit)})`
      return `${title}: ${target.direction === 'at_least' ? 'reach at least' : 'keep within'} ${quantity(target.value, target.unit)}${from}`
    }
    case 'percent_change':
      return `${title}: ${target.direction === 'increase' ? 'up' : 'down'} at least ${plainNumber(target.percent)}% on the baseline`
    case 'ratio':
      return `${title}: ${target.direction === 'at_least' ? (target.percent === 100 ? '' : 'at least ') : 'no more than '}${plainNumber(target.percent)}%`
    case 'recurring':
      return `${title}: at least ${quantity(target.minimum, target.unit)} ${PERIOD_EN[target.period]}`
    case 'milestone':
      return target.stages.length === 1 && target.stages[0]?.title.trim() === title
        ? `Complete ${title}`
        : `Complete ${title} (${target.stages.map((s) => s.title.trim() || '…').join('; ')})`
  }
}

/**
 * The unit an evaluation's `actual` and `target` read in: % for a ratio or a percent change, the target's own unit
 * for a count or level, none for a recurring target (periods met of periods) or a milestone (stages done of stages).
 */
export function evaluationUnit(target: Target): string {
  if (target.kind === 'ratio' || target.kind === 'percent_change') return '%'
  if (target.kind === 'count' || target.kind === 'level') return target.unit.trim()
  return ''
}

/**
 * The commitment as one sentence in official wording, so whoever types a target sees exactly what was
 * understood: 组织集中学习不少于15次 · 工作效率较基期提升30%以上 · 每月集中学习交流不少于1次.
 */
export function targetSentence(title: string, target: Target, locale: TextLocale): string {
  const name = title.trim() || (locale === 'zh-CN' ? '（未填写任务名称）' : '(untitled)')
  return locale === 'zh-CN' ? chinese(name, target) : english(name, target)
}
