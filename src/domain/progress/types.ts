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
 * Everything the screens, charts and exports say about one commitment at one date, computed once here: no surface
 * recomputes a figure (see the table in src/domain/README.md). All numbers are finite.
 *
 * Most targets are a **path** from a starting point to the target: `progress` and `expected` are fractions of the
 * way (1 = target reached), so 完成率 is `progress` and the gap to 序时进度 is their difference. A **limit** (不超过3起,
 * 不高于5%: an upper bound with no starting point above it) has no way to go: it is kept or broken, so its
 * `progress`, `expected`, `expectedValue` and `gapPoints` are null and its status and sentence say where it stands.
 * `actual` and `target` are in the target's own terms (count, level, percent, periods, stages).
 */
export interface Evaluation {
  commitmentId: Id
  kind: TargetKind
  status: Status
  /** Null for a measured target with neither a measurement nor a baseline. */
  actual: number | null
  target: number
  /** 序时进度 as a value: where the commitment should be by now; null for a limit. */
  expectedValue: number | null
  /** 完成率 as a fraction of the way from the starting point to the target; null for a limit. */
  progress: number | null
  /** 序时进度 as a fraction of the same way; null for a limit. */
  expected: number | null
  /** (progress − expected) × 100: "超/落后序时进度N个百分点"; null for a limit. */
  gapPoints: number | null
  forecast: Forecast
  deadline: DeadlineLight
  /** At least one entry counted. */
  hasEntries: boolean
  /** Recurring targets: each calendar period of the window. */
  periods?: PeriodResult[]
}
