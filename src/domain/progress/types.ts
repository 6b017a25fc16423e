import type { Id, TargetKind } from '../model'
import type { Period } from '../periods'

/** One word each, everywhere: green achieved, blue on track, amber at risk, red behind; grey not started, dark red missed. */
export const STATUSES = ['achieved', 'on_track', 'at_risk', 'behind', 'not_started', 'missed'] as const
export type Status = (typeof STATUSES)[number]

/** 督办 light: due within `dueSoonDays` and not achieved (yellow), or past due (red). */
export type DeadlineLight = 'none' | 'due_soon' | 'overdue'

export interface EvaluationSettings {
  /** On track when progress ÷ expected ≥ this (default 0.95). */
  onTrackAt: number
  /** At risk when progress ÷ expected ≥ this and below `onTrackAt` (default 0.85); behind below it. */
  atRiskAt: number
  /** Days before the due date when the deadline light turns yellow (default 7). */
  dueSoonDays: number
}

export const DEFAULT_SETTINGS: EvaluationSettings = { onTrackAt: 0.95, atRiskAt: 0.85, dueSoonDays: 7 }

export interface Forecast {
  /** Projected value at the window's end in the target's own terms; null when there is no basis yet. */
  value: number | null
  meetsTarget: boolean | null
}

/** A recurring target's calendar period with what it reached. */
export interface PeriodResult extends Period {
  value: number
  met: boolean
  /** The period has ended by the "as of" date. */
  elapsed: boolean
}

/**
 * Everything the screens and reports say about one commitment at one date. All numbers are finite.
 * `progress` and `expected` are fractions of the way from the starting point to the target (1 = target reached);
 * `actual`, `target` and `expectedValue` are in the target's own terms (count, level, percent, periods, stages).
 */
export interface Evaluation {
  commitmentId: Id
  kind: TargetKind
  status: Status
  /** Null for a measured target with neither a measurement nor a baseline. */
  actual: number | null
  target: number
  /** 序时进度 as a value: where the commitment should be by now. */
  expectedValue: number
  progress: number
  /** actual ÷ target × 100 ("完成年度目标的80%"); for a percent change, the change achieved ÷ the change promised. */
  percentOfTarget: number
  /** 序时进度 as a fraction of the way to the target. */
  expected: number
  /** (progress − expected) × 100: "超/落后序时进度N个百分点". */
  gapPoints: number
  forecast: Forecast
  deadline: DeadlineLight
  /** At least one entry counted. */
  hasEntries: boolean
  /** Recurring targets: each calendar period of the window. */
  periods?: PeriodResult[]
}
