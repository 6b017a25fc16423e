import { toDayNumber, type CalendarDate, type DateWindow } from '../calendar'
import type { Commitment, Id, Section } from '../model'
import { topSectionOf } from '../outline'
import { timeElapsed } from './expected'
import { STATUSES, type Evaluation, type Status } from './types'

export interface Summary {
  total: number
  byStatus: Record<Status, number>
  /** Share of commitments achieved (0..1). */
  achievedShare: number
  /** How many of them are paths (have a 完成率); limits are counted by status only. */
  paths: number
  /** Mean 完成率 of the paths, each capped at 1 so one overshoot cannot hide another's lag; 0 with none. */
  progress: number
  /** Mean 序时进度 of the same paths. */
  expected: number
  /** (progress − expected) × 100. */
  gapPoints: number
}

function emptyCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>
}

/** Counts by status and mean 完成率 against 序时进度 (of the paths) for a group of evaluations; zeros when empty. */
export function summarise(evaluations: Iterable<Evaluation>): Summary {
  const byStatus = emptyCounts()
  let total = 0
  let paths = 0
  let progress = 0
  let expected = 0
  for (const evaluation of evaluations) {
    total++
    byStatus[evaluation.status]++
    if (evaluation.progress === null || evaluation.expected === null) continue
    paths++
    progress += Math.min(Math.max(evaluation.progress, 0), 1)
    expected += evaluation.expected
  }
  const achievedShare = total === 0 ? 0 : byStatus.achieved / total
  if (paths === 0) return { total, byStatus, achievedShare, paths, progress: 0, expected: 0, gapPoints: 0 }
  progress /= paths
  expected /= paths
  return { total, byStatus, achievedShare, paths, progress, expected, gapPoints: (progress - expected) * 100 }
}

export type RollUpKey = 'section' | 'topSection' | 'leadDepartment' | 'leader' | 'owner'

/**
 * Summaries per section, top-level section, lead department (牵头单位), leader or responsible person. Commitments
 * without the key (no section, no owner) are grouped under null.
 */
export function rollUp(
  commitments: readonly Commitment[],
  evaluations: ReadonlyMap<Id, Evaluation>,
  key: RollUpKey,
  sections: readonly Section[] = [],
): Map<Id | null, Summary> {
  const topOf = topSectionOf(sections)
  const keyOf: Record<RollUpKey, (c: Commitment) => Id | null> = {
    section: (c) => c.sectionId,
    topSection: (c) => topOf(c.sectionId),
    leadDepartment: (c) => c.leadDepartmentId,
    leader: (c) => c.leaderId,
    owner: (c) => c.ownerId,
  }
  const groups = new Map<Id | null, Evaluation[]>()
  for (const commitment of commitments) {
    const evaluation = evaluations.get(commitment.id)
    if (!evaluation) continue
    const group = keyOf[key](commitment)
    const list = groups.get(group)
    if (list) list.push(evaluation)
    else groups.set(group, [evaluation])
  }
  return new Map([...groups].map(([group, list]) => [group, summarise(list)]))
}

export interface PlanProgress extends Summary {
  /** Share of the plan's window that has passed (时间进度). */
  time: number
  /** 时间过半、任务过半: the mean progress keeps pace with time. */
  keepingPace: boolean
}

/** The whole plan: its summary, the time elapsed, and whether tasks keep pace with time. */
export function planProgress(window: DateWindow, evaluations: Iterable<Evaluation>, asOf: CalendarDate): PlanProgress {
  const summary = summarise(evaluations)
  const time = timeElapsed(toDayNumber(window.start), toDayNumber(window.end), toDayNumber(asOf))
  return { ...summary, time, keepingPace: summary.progress >= time }
}
