import { entryTypeFor, type CalendarDate, type Entry, type Id, type Target } from '@/domain'

/** What the entry form edits, for every entry type at once. Empty numbers are null. */
export interface EntryFormState {
  date: CalendarDate
  quantity: number | null
  value: number | null
  denominator: number | null
  /** Ratio targets: numerator and denominator, or the percentage itself. */
  ratioMode: 'parts' | 'percent'
  stageId: Id
  note: string
  participants: string
  place: string
  evidenceUrl: string
  /** Other commitments the same activity counts toward. */
  alsoIds: Id[]
}

export function emptyEntryForm(today: CalendarDate): EntryFormState {
  return { date: today, quantity: 1, value: null, denominator: null, ratioMode: 'parts', stageId: '', note: '', participants: '', place: '', evidenceUrl: '', alsoIds: [] }
}

export function formFromEntry(entry: Entry, commitmentId: Id): EntryFormState {
  const base = { ...emptyEntryForm(entry.date), note: entry.note, participants: entry.participants, place: entry.place, evidenceUrl: entry.evidenceUrl, alsoIds: entry.commitmentIds.filter((id) => id !== commitmentId) }
  if (entry.type === 'quantity') return { ...base, quantity: entry.quantity }
  if (entry.type === 'milestone') return { ...base, stageId: entry.stageId }
  return { ...base, value: entry.value, denominator: entry.denominator, ratioMode: entry.denominator === null ? 'percent' : 'parts' }
}

/** The entry the form describes for a commitment with this target; the id is the caller's. */
export function entryFromForm(form: EntryFormState, commitmentId: Id, target: Target, id: Id): Entry {
  const common = {
    id,
    commitmentIds: [commitmentId, ...form.alsoIds.filter((other) => other !== commitmentId)],
    date: form.date,
    note: form.note.trim(),
    participants: form.participants.trim(),
    place: form.place.trim(),
    evidenceUrl: form.evidenceUrl.trim(),
  }
  const type = entryTypeFor(target.kind)
  if (type === 'quantity') return { ...common, type, quantity: form.quantity as number }
  if (type === 'milestone') return { ...common, type, stageId: form.stageId }
  const parts = target.kind === 'ratio' && form.ratioMode === 'parts'
  return { ...common, type, value: form.value as number, denominator: parts ? (form.denominator as number) : null }
}
