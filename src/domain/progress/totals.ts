import { toDayNumber, type DayNumber } from '../calendar'
import type { Entry, Id } from '../model'

/**
 * One commitment's entries summed per day: everything the engine needs to evaluate the commitment as of any date,
 * without the entries themselves. Its size grows with the days that have entries (at most the window's days), not
 * with the number of entries, so storage keeps one per commitment up to date on write and the dashboard reads
 * these instead of every entry. Columns hold one value per day in `days`, ascending.
 */
export interface DayTotals {
  days: DayNumber[]
  /** Sum of the quantity entries' quantities. */
  quantity: number[]
  quantityEntries: number[]
  /** Measurement entries with a finite value. */
  measurements: number[]
  valueSum: number[]
  /** Value of the day's last measurement (the largest id); 0 when `measurements` is 0. */
  latestValue: number[]
  /** Measurements that read as a percent: value ÷ denominator × 100, or the value itself without a denominator. */
  ratios: number[]
  ratioSum: number[]
  latestRatio: number[]
  /** Milestone entries, and the stages they marked done. */
  milestoneEntries: number[]
  stages: Id[][]
}

interface DayAccumulator {
  quantity: number
  quantityEntries: number
  measurements: number
  valueSum: number
  latestValueId: string
  latestValue: number
  ratios: number
  ratioSum: number
  latestRatioId: string
  latestRatio: number
  milestoneEntries: number
  stages: Set<Id>
}

function emptyDay(): DayAccumulator {
  return {
    quantity: 0,
    quantityEntries: 0,
    measurements: 0,
    valueSum: 0,
    latestValueId: '',
    latestValue: 0,
    ratios: 0,
    ratioSum: 0,
    latestRatioId: '',
    latestRatio: 0,
    milestoneEntries: 0,
    stages: new Set(),
  }
}

/** A measurement as a percent, or null when it cannot be one (a denominator of 0 or less). */
function ratioOf(value: number, denominator: number | null): number | null {
  if (denominator === null) return value
  return denominator > 0 ? (value / denominator) * 100 : null
}

function addToDay(day: DayAccumulator, entry: Entry): void {
  switch (entry.type) {
    case 'quantity':
      if (!Number.isFinite(entry.quantity)) return
      day.quantity += entry.quantity
      day.quantityEntries++
      return
    case 'measurement': {
      if (!Number.isFinite(entry.value)) return
      day.measurements++
      day.valueSum += entry.value
      // Ties on one day go to the larger id, so totals never depend on the order entries arrive in.
      if (entry.id > day.latestValueId) {
        day.latestValueId = entry.id
        day.latestValue = entry.value
      }
      const ratio = ratioOf(entry.value, entry.denominator)
      if (ratio === null || !Number.isFinite(ratio)) return
      day.ratios++
      day.ratioSum += ratio
      if (entry.id > day.latestRatioId) {
        day.latestRatioId = entry.id
        day.latestRatio = ratio
      }
      return
    }
    case 'milestone':
      day.milestoneEntries++
      day.stages.add(entry.stageId)
  }
}

function toTotals(days: Map<DayNumber, DayAccumulator>): DayTotals {
  const totals = emptyTotals()
  for (const day of [...days.keys()].sort((a, b) => a - b)) {
    const d = days.get(day)!
    totals.days.push(day)
    totals.quantity.push(d.quantity)
    totals.quantityEntries.push(d.quantityEntries)
    totals.measurements.push(d.measurements)
    totals.valueSum.push(d.valueSum)
    totals.latestValue.push(d.latestValue)
    totals.ratios.push(d.ratios)
    totals.ratioSum.push(d.ratioSum)
    totals.latestRatio.push(d.latestRatio)
    totals.milestoneEntries.push(d.milestoneEntries)
    totals.stages.push([...d.stages].sort())
  }
  return totals
}

export function emptyTotals(): DayTotals {
  return {
    days: [],
    quantity: [],
    quantityEntries: [],
    measurements: [],
    valueSum: [],
    latestValue: [],
    ratios: [],
    ratioSum: [],
    latestRatio: [],
    milestoneEntries: [],
    stages: [],
  }
}

/**
 * Per-day totals of every commitment the entries count toward (or only of `only`, when given), in one pass.
 * An entry counting toward two commitments is added to both.
 */
export function dayTotals(entries: Iterable<Entry>, only?: ReadonlySet<Id>): Map<Id, DayTotals> {
  const byCommitment = new Map<Id, Map<DayNumber, DayAccumulator>>()
  for (const entry of entries) {
    const day = toDayNumber(entry.date)
    for (const id of new Set(entry.commitmentIds)) {
      if (only && !only.has(id)) continue
      let days = byCommitment.get(id)
      if (!days) byCommitment.set(id, (days = new Map()))
      let acc = days.get(day)
      if (!acc) days.set(day, (acc = emptyDay()))
      addToDay(acc, entry)
    }
  }
  return new Map([...byCommitment].map(([id, days]) => [id, toTotals(days)]))
}

/** Entries per day across several commitments' totals (an entry counting toward two of them counts twice). */
export function entriesPerDay(totals: Iterable<DayTotals>): Map<DayNumber, number> {
  const perDay = new Map<DayNumber, number>()
  for (const t of totals) {
    for (let i = 0; i < t.days.length; i++) {
      const count = t.quantityEntries[i]! + t.measurements[i]! + t.milestoneEntries[i]!
      if (count > 0) perDay.set(t.days[i]!, (perDay.get(t.days[i]!) ?? 0) + count)
    }
  }
  return perDay
}
