import type { CalendarDate } from '../calendar'
import type { TextLocale } from '../locale'
import type { Commitment, ReviewPeriod, Target } from '../model'
import { STATUSES, type Evaluation, type Status } from '../progress/types'
import { shownFigures, shownPercent } from './rounding'
import { isLimit } from '../progress/kinds'
import { evaluationUnit, targetSentence } from './target-sentence'

/**
 * The official-style text of a review (进展情况), from evaluated figures: one summary sentence for the plan and one
 * sentence per commitment, differing by kind and status, in Chinese and English. Numbers are written as Chinese
 * readers expect them: percentages without needless decimals, 万 for large counts.
 */

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits
// Made on first use: an Intl formatter's first construction loads locale data (some 50 ms on a phone).
let englishNumber: Intl.NumberFormat | null = null

/** 12, 12.5, 1.2万, 3亿: counts as a report writes them. English keeps digits with grouping. */
export function reportNumber(value: number, locale: TextLocale): string {
  if (locale === 'en') return (englishNumber ??= new Intl.NumberFormat('en', { maximumFractionDigits: 2 })).format(round(value, 2))
  const abs = Math.abs(value)
  if (abs >= 100_000_000) return `${round(value / 100_000_000, 2)}亿`
  if (abs >= 10_000) return `${round(value / 10_000, 2)}万`
  return String(round(value, 2))
}

/** 80%, 107%, 7.5%. */
export function reportPercent(value: number): string {
  return `${shownPercent(value)}%`
}

/**
 * A figure as a review or comparison shows it: 12次, 38人, 22%; for recurring and milestone targets the periods or stages done of all
 * (3/12). Numbers read as a report writes them (1.2万).
 */
export function figureText(commitment: Commitment, value: number | null, evaluation: Evaluation, locale: TextLocale): string | null {
  if (value === null) return null
  const kind = commitment.target.kind
  if (kind === 'recurring' || kind === 'milestone') return `${reportNumber(value, locale)}/${reportNumber(evaluation.target, locale)}`
  return `${reportNumber(value, locale)}${evaluationUnit(commitment.target)}`
}

/** +4次, −2人, +10.5个百分点, 0: a change since the last review; a change of a percentage is in points. */
export function changeText(commitment: Commitment, change: number, locale: TextLocale): string {
  const kind = commitment.target.kind
  const points = locale === 'zh-CN' ? '个百分点' : ' points'
  const unit = kind === 'recurring' || kind === 'milestone' ? '' : kind === 'ratio' || kind === 'percent_change' ? points : evaluationUnit(commitment.target)
  const sign = change > 0 ? '+' : change < 0 ? '−' : ''
  return `${sign}${reportNumber(Math.abs(change), locale)}${change === 0 ? '' : unit}`
}

/** +5.2, −35: a gap as `shownFigures` gives it (already rounded), with its sign. */
export function signedPoints(shown: number): string {
  return `${shown > 0 ? '+' : shown < 0 ? '−' : ''}${Math.abs(shown)}`
}

/** 2025年9月30日 · 30 September 2025. */
export function reportDate(date: CalendarDate, locale: TextLocale): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  if (locale === 'zh-CN') return `${year}年${month}月${day}日`
  const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1))
  return `${day} ${name} ${year}`
}

const QUARTER_ZH = ['一', '二', '三', '四']

/** 2025年第三季度 · 2025年上半年 · 2025年9月 · 2025年度; Q3 2025 · H1 2025 · September 2025 · 2025. */
export function periodName(period: ReviewPeriod, locale: TextLocale): string {
  const { unit, year, index } = period
  if (locale === 'zh-CN') {
    if (unit === 'month') return `${year}年${index}月`
    if (unit === 'quarter') return `${year}年第${QUARTER_ZH[index - 1] ?? index}季度`
    if (unit === 'half_year') return `${year}年${index === 1 ? '上' : '下'}半年`
    return `${year}年度`
  }
  if (unit === 'month') return `${new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, index - 1, 1))} ${year}`
  if (unit === 'quarter') return `Q${index} ${year}`
  if (unit === 'half_year') return `H${index} ${year}`
  return String(year)
}

const STATUS_ZH: Record<Status, string> = { achieved: '已完成', on_track: '序时推进', at_risk: '存在风险', behind: '滞后', not_started: '未开始', missed: '未完成' }
const STATUS_EN: Record<Status, string> = { achieved: 'achieved', on_track: 'on track', at_risk: 'at risk', behind: 'behind', not_started: 'not started', missed: 'missed' }

/**
 * 截至2025年9月30日，2025年工作谋划共有目标任务16项，已完成4项，序时推进5项，存在风险3项，滞后4项。Statuses with
 * no commitment are left out.
 */
export function summaryText(planName: string, asOf: CalendarDate, byStatus: Record<Status, number>, locale: TextLocale): string {
  const total = STATUSES.reduce((sum, s) => sum + byStatus[s], 0)
  const present = STATUSES.filter((s) => byStatus[s] > 0)
  if (locale === 'zh-CN') {
    const parts = present.map((s) => `${STATUS_ZH[s]}${byStatus[s]}项`)
    return `截至${reportDate(asOf, locale)}，${planName}共有目标任务${total}项${parts.length ? `，${parts.join('，')}` : ''}。`
  }
  const parts = present.map((s) => `${byStatus[s]} ${STATUS_EN[s]}`)
  return `As of ${reportDate(asOf, locale)}, ${planName} has ${total} commitment${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}.`
}

/** What the target promises, without the title: 不少于15次 · 较基期提升30%以上 · 每月不少于1次. */
export function requirementText(target: Target, locale: TextLocale): string {
  if (target.kind === 'milestone') {
    const stages = target.stages.map((s) => s.title.trim() || '…')
    return locale === 'zh-CN' ? `完成${stages.join('、')}` : `Complete ${stages.join('; ')}`
  }
  const marker = '\u0000'
  const sentence = targetSentence(marker, target, locale)
  return sentence.replace(marker, '').replace(/^[:：]\s*/, '').trim()
}

function unitOf(target: Target): string {
  return target.kind === 'count' || target.kind === 'level' || target.kind === 'recurring' ? target.unit.trim() : ''
}

function amount(value: number, unit: string, locale: TextLocale): string {
  const number = reportNumber(value, locale)
  if (!unit) return number
  return locale === 'zh-CN' || /^[\p{Script=Han}%]/u.test(unit) ? `${number}${unit}` : `${number} ${unit}`
}

/** 超序时进度5个百分点 · 落后序时进度3.5个百分点 · 与序时进度持平: the gap as shown (see `shownFigures`). */
function gapText(gap: number, locale: TextLocale): string {
  const points = Math.abs(gap)
  if (points === 0) return locale === 'zh-CN' ? '与序时进度持平' : 'level with the schedule'
  if (locale === 'zh-CN') return `${gap > 0 ? '超' : '落后'}序时进度${points}个百分点`
  return `${points} point${points === 1 ? '' : 's'} ${gap > 0 ? 'ahead of' : 'behind'} schedule`
}

/** What a measured target reads now: 较基期提升12% · 目前为4.4% · 目前为44人. */
function measuredNow(t: Target, actual: number, locale: TextLocale): string {
  const zh = locale === 'zh-CN'
  if (t.kind === 'percent_change') return zh ? `较基期${actual >= 0 ? '提升' : '降低'}${reportPercent(Math.abs(actual))}` : `${actual >= 0 ? 'up' : 'down'} ${reportPercent(Math.abs(actual))} on the baseline`
  const value = t.kind === 'ratio' ? reportPercent(actual) : amount(actual, unitOf(t), locale)
  return zh ? `目前为${value}` : `now ${value}`
}

const isMeasured = (t: Target) => t.kind === 'level' || t.kind === 'ratio' || t.kind === 'percent_change'

function chinese(c: Commitment, e: Evaluation): string {
  const t = c.target
  const name = `“${c.title.trim()}”`
  const req = requirementText(t, 'zh-CN')
  const { completion, gap } = shownFigures(e)
  const pct = reportPercent(completion ?? 0)
  const behind = gapText(gap ?? 0, 'zh-CN')
  if (isMeasured(t) && e.actual === null) return `${name}尚无测量数据（目标${req}）。`
  if (e.status === 'not_started') return `${name}计划期尚未开始（目标${req}）。`
  if (isLimit(t)) {
    if (t.kind === 'count') {
      const done = amount(e.actual ?? 0, unitOf(t), 'zh-CN')
      if (e.status === 'missed') return `${name}已达${done}，突破目标上限（${req}）。`
      if (e.status === 'achieved') return `${name}全年共计${done}，控制在目标（${req}）以内。`
      if (e.status === 'at_risk') return `${name}目前共计${done}，按当前趋势将突破目标上限（${req}），需加强管控。`
      return `${name}目前共计${done}，控制在目标（${req}）以内。`
    }
    const now = measuredNow(t, e.actual ?? 0, 'zh-CN')
    if (e.status === 'achieved') return `${name}${now}，控制在目标（${req}）以内。`
    if (e.status === 'missed') return `${name}${now}，未控制在目标（${req}）以内。`
    if (e.status === 'behind') return `${name}${now}，超出目标上限（${req}），需加强管控。`
    if (e.status === 'at_risk') return `${name}${now}，在目标（${req}）以内，但按当前趋势将超出，需加强管控。`
    return `${name}${now}，控制在目标（${req}）以内。`
  }
  switch (t.kind) {
    case 'count': {
      const done = amount(e.actual ?? 0, unitOf(t), 'zh-CN')
      if (e.status === 'achieved') return `${name}累计完成${done}，已完成年度目标（${req}），完成率${pct}。`
      if (e.status === 'missed') return `${name}全年累计完成${done}，未完成年度目标（${req}），完成率${pct}。`
      return `${name}累计完成${done}，完成年度目标（${req}）的${pct}，${behind}。`
    }
    case 'level':
    case 'ratio':
    case 'percent_change': {
      const now = measuredNow(t, e.actual ?? 0, 'zh-CN')
      if (e.status === 'achieved') return `${name}${now}，已实现目标（${req}），完成率${pct}。`
      if (e.status === 'missed') return `${name}${now}，未实现目标（${req}），完成率${pct}。`
      return `${name}${now}，目标（${req}）完成${pct}，${behind}。`
    }
    case 'recurring': {
      if (e.status === 'achieved') return `${name}${e.target}个周期均已达标，完成目标（${req}）。`
      if (e.status === 'missed') return `${name}${e.target}个周期中${e.actual ?? 0}个达标，未完成目标（${req}）。`
      return `${name}已有${e.actual ?? 0}个周期达标（共${e.target}个），${behind}。`
    }
    case 'milestone': {
      if (e.status === 'achieved') return `${name}已全部完成（共${e.target}个节点）。`
      if (e.status === 'missed') return `${name}未按期完成，${e.target}个节点中完成${e.actual ?? 0}个。`
      return `${name}${e.target}个节点中已完成${e.actual ?? 0}个，${behind}。`
    }
  }
}

function english(c: Commitment, e: Evaluation): string {
  const t = c.target
  const name = `“${c.title.trim()}”`
  const req = requirementText(t, 'en')
  const { completion, gap } = shownFigures(e)
  const pct = reportPercent(completion ?? 0)
  const behind = gapText(gap ?? 0, 'en')
  if (isMeasured(t) && e.actual === null) return `${name}: no measurement yet (target: ${req}).`
  if (e.status === 'not_started') return `${name}: the plan period has not begun (target: ${req}).`
  if (isLimit(t)) {
    if (t.kind === 'count') {
      const done = amount(e.actual ?? 0, unitOf(t), 'en')
      if (e.status === 'missed') return `${name}: ${done} so far, over the limit (${req}).`
      if (e.status === 'achieved') return `${name}: ${done} in the year, within the limit (${req}).`
      if (e.status === 'at_risk') return `${name}: ${done} so far; at this rate the limit (${req}) will be exceeded.`
      return `${name}: ${done} so far, within the limit (${req}).`
    }
    const now = measuredNow(t, e.actual ?? 0, 'en')
    if (e.status === 'achieved') return `${name}: ${now}, kept within the limit (${req}).`
    if (e.status === 'missed') return `${name}: ${now}, not kept within the limit (${req}).`
    if (e.status === 'behind') return `${name}: ${now}, over the limit (${req}); it needs bringing down.`
    if (e.status === 'at_risk') return `${name}: ${now}, within the limit (${req}) but heading over it.`
    return `${name}: ${now}, within the limit (${req}).`
  }
  switch (t.kind) {
    case 'count': {
      const done = amount(e.actual ?? 0, unitOf(t), 'en')
      if (e.status === 'achieved') return `${name}: ${done} done, the target (${req}) is met, ${pct} of it.`
      if (e.status === 'missed') return `${name}: ${done} done in the year, the target (${req}) was missed, ${pct} of it.`
      return `${name}: ${done} done, ${pct} of the target (${req}), ${behind}.`
    }
    case 'level':
    case 'ratio':
    case 'percent_change': {
      const now = measuredNow(t, e.actual ?? 0, 'en')
      if (e.status === 'achieved') return `${name}: ${now}, the target (${req}) is met, ${pct} of the way.`
      if (e.status === 'missed') return `${name}: ${now}, the target (${req}) was missed, ${pct} of the way.`
      return `${name}: ${now}, ${pct} of the way to the target (${req}), ${behind}.`
    }
    case 'recurring': {
      if (e.status === 'achieved') return `${name}: all ${e.target} periods met (${req}).`
      if (e.status === 'missed') return `${name}: ${e.actual ?? 0} of ${e.target} periods met, the target (${req}) was missed.`
      return `${name}: ${e.actual ?? 0} of ${e.target} periods met so far, ${behind}.`
    }
    case 'milestone': {
      if (e.status === 'achieved') return `${name}: complete (all ${e.target} stages).`
      if (e.status === 'missed') return `${name}: not completed in time, ${e.actual ?? 0} of ${e.target} stages done.`
      return `${name}: ${e.actual ?? 0} of ${e.target} stages done, ${behind}.`
    }
  }
}

/**
 * Where a limit stands, in the words a leader reads at a glance: 目前4.4%，控制在5%以内 · 已发生4起，超过3起的上限 ·
 * 尚无测量数据. Null for a path (it has a 完成率 instead).
 */
export function limitText(commitment: Commitment, evaluation: Evaluation, locale: TextLocale): string | null {
  const t = commitment.target
  if (!isLimit(t)) return null
  const zh = locale === 'zh-CN'
  const { actual } = evaluation
  if (actual === null) return zh ? '尚无测量数据' : 'no measurement yet'
  const unit = unitOf(t)
  const value = t.kind === 'ratio' ? reportPercent(actual) : amount(actual, unit, locale)
  const limit = t.kind === 'ratio' ? reportPercent(evaluation.target) : amount(evaluation.target, unit, locale)
  const within = actual <= evaluation.target
  if (t.kind === 'count') {
    if (zh) return within ? `已发生${value}，控制在${limit}以内` : `已发生${value}，超过${limit}的上限`
    return within ? `${value} so far, within ${limit}` : `${value} so far, over the limit of ${limit}`
  }
  if (zh) return within ? `目前${value}，控制在${limit}以内` : `目前${value}，超出${limit}的上限`
  return within ? `now ${value}, within ${limit}` : `now ${value}, over the limit of ${limit}`
}

/** A commitment's one figure, as lists show it: its 完成率 (67%), or where a limit stands (目前4.4%，控制在5%以内). */
export function completionText(commitment: Commitment, evaluation: Evaluation, locale: TextLocale): string {
  return limitText(commitment, evaluation, locale) ?? reportPercent(shownFigures(evaluation).completion ?? 0)
}

/**
 * Where a commitment stands, in one line: 完成率67%，落后序时进度8个百分点 (a path; achieved and missed need no gap) or
 * where a limit stands. The 完成情况 of the ledger.
 */
export function standingText(commitment: Commitment, evaluation: Evaluation, locale: TextLocale): string {
  const limit = limitText(commitment, evaluation, locale)
  if (limit !== null) return limit
  const zh = locale === 'zh-CN'
  const { completion, gap } = shownFigures(evaluation)
  const pct = reportPercent(completion ?? 0)
  if (evaluation.status === 'achieved' || evaluation.status === 'missed' || evaluation.status === 'not_started') return zh ? `完成率${pct}` : `${pct} done`
  return zh ? `完成率${pct}，${gapText(gap ?? 0, locale)}` : `${pct} done, ${gapText(gap ?? 0, locale)}`
}

/** 进展情况 of one commitment: what it has reached, against its target and 序时进度, worded by kind and status. */
export function narrativeText(commitment: Commitment, evaluation: Evaluation, locale: TextLocale): string {
  return locale === 'zh-CN' ? chinese(commitment, evaluation) : english(commitment, evaluation)
}
