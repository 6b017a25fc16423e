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
  stages: (readonly Id[])[]
}

/** The stages of a day without milestone entries: one shared empty list. */
const NO_STAGES: readonly Id[] = Object.freeze([])

/** A measurement as a percent, or null when it cannot be one (a denominator of 0 or less). */
export function ratioOf(value: number, denominator: number | null): number | null {
  if (denominator === null) return value
  return denominator > 0 ? (value / denominator) * 100 : null
}

/**
 * Builds one commitment's totals column by column, a slot per day in the order days are first seen (no object
 * per day: a plan's totals can hold hundreds of thousands of days), then sorts the slots by day.
 */
class TotalsBuilder {
  private readonly slots = new Map<DayNumber, number>()
  private readonly t = emptyTotals()
  private readonly latestValueId: string[] = []
  private readonly latestRatioId: string[] = []
  private readonly stageSets: (Set<Id> | null)[] = []

  private slot(day: DayNumber): number {
    let i = this.slots.get(day)
    if (i !== undefined) return i
    i = this.t.days.length
    this.slots.set(day, i)
    const t = this.t
    t.days.push(day)
    t.quantity.push(0)
    t.quantityEntries.push(0)
    t.measurements.push(0)
    t.valueSum.push(0)
    t.latestValue.push(0)
    t.ratios.push(0)
    t.ratioSum.push(0)
    t.latestRatio.push(0)
    t.milestoneEntries.push(0)
    this.latestValueId.push('')
    this.latestRatioId.push('')
    this.stageSets.push(null)
    return i
  }

  add(entry: Entry, day: DayNumber): void {
    const t = this.t
    switch (entry.type) {
      case 'quantity': {
        if (!Number.isFinite(entry.quantity)) return
        const i = this.slot(day)
        t.quantity[i]! += entry.quantity
        t.quantityEntries[i]!++
        return
      }
      case 'measurement': {
        if (!Number.isFinite(entry.value)) return
        const i = this.slot(day)
        t.measurements[i]!++
        t.valueSum[i]! += entry.value
        // Ties on one day go to the larger id, so totals never depend on the order entries arrive in.
        if (entry.id > this.latestValueId[i]!) {
          this.latestValueId[i] = entry.id
          t.latestValue[i] = entry.value
        }
        const ratio = ratioOf(entry.value, entry.denominator)
        if (ratio === null || !Number.isFinite(ratio)) return
        t.ratios[i]!++
        t.ratioSum[i]! += ratio
        if (entry.id > this.latestRatioId[i]!) {
          this.latestRatioId[i] = entry.id
          t.latestRatio[i] = ratio
        }
        return
      }
      case 'milestone': {
        const i = this.slot(day)
        t.milestoneEntries[i]!++
        ;(this.stageSets[i] ??= new Set()).add(entry.stageId)
      }
    }
  }

  finish(): DayTotals {
    const t = this.t
    const stages = this.stageSets.map((set) => (set ? [...set].sort() : NO_STAGES))
    let sorted = true
    for (let i = 1; i < t.days.length && sorted; i++) sorted = t.days[i - 1]! < t.days[i]!
    if (sorted) return { ...t, stages }
    const order = t.days.map((_, i) => i).sort((a, b) => t.days[a]! - t.days[b]!)
    const pick = <T>(column: T[]) => order.map((i) => column[i]!)
    return {
      days: pick(t.days),
      quantity: pick(t.quantity),
      quantityEntries: pick(t.quantityEntries),
      measurements: pick(t.measurements),
      valueSum: pick(t.valueSum),
      latestValue: pick(t.latestValue),
      ratios: pick(t.ratios),
      ratioSum: pick(t.ratioSum),
      latestRatio: pick(t.latestRatio),
      milestoneEntries: pick(t.milestoneEntries),
      stages: pick(stages),
    }
  }
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
  const builders = new Map<Id, TotalsBuilder>()
  for (const entry of entries) {
    const day = toDayNumber(entry.date)
    const ids = entry.commitmentIds
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!
      // An id listed twice counts once.
      if ((only && !only.has(id)) || (i > 0 && ids.indexOf(id) < i)) continue
      let builder = builders.get(id)
      if (!builder) builders.set(id, (builder = new TotalsBuilder()))
      builder.add(entry, day)
    }
  }
  return new Map([...builders].map(([id, builder]) => [id, builder.finish()]))
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
