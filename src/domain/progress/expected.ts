import type { DayNumber } from '../calendar'
import type { Phasing } from '../model'
import { periodsInWindow } from '../periods'

/** Fraction (0..1) of the window's days that have passed by the end of `asOf`. */
export function timeElapsed(start: DayNumber, end: DayNumber, asOf: DayNumber): number {
  if (asOf < start) return 0
  if (asOf >= end) return 1
  return (asOf - start + 1) / (end - start + 1)
}

/**
 * 序时进度: the fraction of the target expected by the end of `asOf`. Linear over the window's calendar days,
 * or by phasing (cumulative percent at the end of each quarter or month, linear within each).
 */
export function expectedFraction(start: DayNumber, end: DayNumber, asOf: DayNumber, phasing: Phasing | null): number {
  if (!phasing) return timeElapsed(start, end, asOf)
  if (asOf < start) return 0
  if (asOf >= end) return 1
  const phases = periodsInWindow(start, end, phasing.unit)
  let before = 0
  for (let i = 0; i < phases.length; i++) {
    const phase = phases[i]!
    const atEnd = (phasing.cumulative[i] ?? 100) / 100
    if (asOf <= phase.end) return before + (atEnd - before) * timeElapsed(phase.start, phase.end, asOf)
    before = atEnd
  }
  return 1
}
