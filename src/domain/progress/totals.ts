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
  /** That measurement's id ('' without one): what an added entry is compared with, so totals update without a re-read. */
  latestValueId: string[]
  /** Measurements that read as a percent: value ÷ denominator × 100, or the value itself without a denominator. */
  ratios: number[]
  ratioSum: number[]
  latestRatio: number[]
  latestRatioId: string[]
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
    t.latestValueId.push('')
    t.ratios.push(0)
    t.ratioSum.push(0)
    t.latestRatio.push(0)
    t.latestRatioId.push('')
    t.milestoneEntries.push(0)
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
        if (entry.id > t.latestValueId[i]!) {
          t.latestValueId[i] = entry.id
          t.latestValue[i] = entry.value
        }
        const ratio = ratioOf(entry.value, entry.denominator)
        if (ratio === null || !Number.isFinite(ratio)) return
        t.ratios[i]!++
        t.ratioSum[i]! += ratio
        if (entry.id > t.latestRatioId[i]!) {
          t.latestRatioId[i] = entry.id
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
      latestValueId: pick(t.latestValueId),
      ratios: pick(t.ratios),
      ratioSum: pick(t.ratioSum),
      latestRatio: pick(t.latestRatio),
      latestRatioId: pick(t.latestRatioId),
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
    latestValueId: [],
    ratios: [],
    ratioSum: [],
    latestRatio: [],
    latestRatioId: [],
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

/** `t` without the given days: what an edit or removal clears before the days are summed again from their entries. */
export function withoutDays(t: DayTotals, days: ReadonlySet<DayNumber>): DayTotals {
  const keep = t.days.flatMap((day, i) => (days.has(day) ? [] : [i]))
  if (keep.length === t.days.length) return t
  const pick = <T>(column: readonly T[]) => keep.map((i) => column[i]!)
  return {
    days: pick(t.days),
    quantity: pick(t.quantity),
    quantityEntries: pick(t.quantityEntries),
    measurements: pick(t.measurements),
    valueSum: pick(t.valueSum),
    latestValue: pick(t.latestValue),
    latestValueId: pick(t.latestValueId),
    ratios: pick(t.ratios),
    ratioSum: pick(t.ratioSum),
    latestRatio: pick(t.latestRatio),
    latestRatioId: pick(t.latestRatioId),
    milestoneEntries: pick(t.milestoneEntries),
    stages: pick(t.stages),
  }
}

/**
 * The totals of two disjoint sets of entries together (`a`, stored, and `b`, of entries just added): sums and counts
 * add, a day's latest measurement is the one of the larger id, stages are united. The same result as summing all
 * the entries afresh, in one pass over both (days ascending), without reading the stored entries.
 */
export function mergeTotals(a: DayTotals, b: DayTotals): DayTotals {
  if (b.days.length === 0) return a
  if (a.days.length === 0) return b
  const out = emptyTotals()
  const copy = (t: DayTotals, i: number) => {
    out.days.push(t.days[i]!)
    out.quantity.push(t.quantity[i]!)
    out.quantityEntries.push(t.quantityEntries[i]!)
    out.measurements.push(t.measurements[i]!)
    out.valueSum.push(t.valueSum[i]!)
    out.latestValue.push(t.latestValue[i]!)
    out.latestValueId.push(t.latestValueId[i]!)
    out.ratios.push(t.ratios[i]!)
    out.ratioSum.push(t.ratioSum[i]!)
    out.latestRatio.push(t.latestRatio[i]!)
    out.latestRatioId.push(t.latestRatioId[i]!)
    out.milestoneEntries.push(t.milestoneEntries[i]!)
    out.stages.push(t.stages[i]!)
  }
  let i = 0
  let j = 0
  while (i < a.days.length || j < b.days.length) {
    const dayA = i < a.days.length ? a.days[i]! : Infinity
    const dayB = j < b.days.length ? b.days[j]! : Infinity
    if (dayA < dayB) copy(a, i++)
    else if (dayB < dayA) copy(b, j++)
    else {
      copy(a, i)
      const k = out.days.length - 1
      out.quantity[k]! += b.quantity[j]!
      out.quantityEntries[k]! += b.quantityEntries[j]!
      out.measurements[k]! += b.measurements[j]!
      out.valueSum[k]! += b.valueSum[j]!
      if (b.latestValueId[j]! > out.latestValueId[k]!) {
        out.latestValueId[k] = b.latestValueId[j]!
        out.latestValue[k] = b.latestValue[j]!
      }
      out.ratios[k]! += b.ratios[j]!
      out.ratioSum[k]! += b.ratioSum[j]!
      if (b.latestRatioId[j]! > out.latestRatioId[k]!) {
        out.latestRatioId[k] = b.latestRatioId[j]!
        out.latestRatio[k] = b.latestRatio[j]!
      }
      out.milestoneEntries[k]! += b.milestoneEntries[j]!
      if (b.stages[j]!.length > 0) out.stages[k] = [...new Set([...out.stages[k]!, ...b.stages[j]!])].sort()
      i++
      j++
    }
  }
  return out
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
