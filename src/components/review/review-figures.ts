import { evaluationUnit, reportNumber, type Commitment, type Evaluation, type TextLocale } from '@/domain'
import { shownPercent } from '@/i18n/format'

/**
 * A review's figures as text: 12次, 38人, 22%; for recurring and milestone targets the periods or stages done of all
 * (3/12). Numbers read as a report writes them (1.2万).
 */
export function figureText(commitment: Commitment, value: number | null, evaluation: Evaluation, lang: TextLocale): string | null {
  if (value === null) return null
  const kind = commitment.target.kind
  if (kind === 'recurring' || kind === 'milestone') return `${reportNumber(value, lang)}/${reportNumber(evaluation.target, lang)}`
  return `${reportNumber(value, lang)}${evaluationUnit(commitment.target)}`
}

/** +4次, −2人, +10.5个百分点, 0: a change since the last review; a change of a percentage is in points. */
export function changeText(commitment: Commitment, change: number, lang: TextLocale): string {
  const kind = commitment.target.kind
  const points = lang === 'zh-CN' ? '个百分点' : ' points'
  const unit = kind === 'recurring' || kind === 'milestone' ? '' : kind === 'ratio' || kind === 'percent_change' ? points : evaluationUnit(commitment.target)
  const sign = change > 0 ? '+' : change < 0 ? '−' : ''
  return `${sign}${reportNumber(Math.abs(change), lang)}${change === 0 ? '' : unit}`
}

/** +5.2, −35: points against 序时进度, rounded as the generated text rounds them. */
export function gapText(points: number): string {
  const shown = shownPercent(points)
  return `${shown > 0 ? '+' : shown < 0 ? '−' : ''}${Math.abs(shown)}`
}
