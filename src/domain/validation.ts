import * as v from 'valibot'
import { isCalendarDate, toDayNumber, type CalendarDate, type DateWindow } from './calendar'
import { EVIDENCE_KINDS, REVIEW_PERIOD_UNITS, type Attachment, type Commitment, type Department, type Entry, type Person, type Plan, type Review, type Section } from './model'
import { STATUSES, type EvaluationSettings } from './progress/types'
import { periodsPerYear, periodWindow, reviewPeriodEnd } from './review/period'
import { PERIOD_UNITS, periodsInWindow } from './periods'
import { entryQuantityIssues } from './units'

/**
 * Why a value was rejected, as a code the UI turns into a sentence (`describeIssue`). Validation runs at every
 * boundary where data enters: forms, import and restore. What passes can always be evaluated: no NaN, no
 * division by zero, no window that ends before it starts.
 */
export const ISSUE_CODES = [
  'invalid',
  'required',
  'notANumber',
  'negative',
  'notPositive',
  'notADate',
  'windowEndsBeforeStart',
  'zeroBaseline',
  'zeroDenominator',
  'numeratorExceedsDenominator',
  'percentOutOfRange',
  'noStages',
  'duplicateStage',
  'noCommitments',
  'phasingLength',
  'phasingNotIncreasing',
  'phasingNotEndingAt100',
  'bandsOrder',
  'notAUrl',
  'dateOutOfRange',
  'dateInFuture',
  'dateOutsideWindow',
  'periodOutsidePlan',
  'reviewFrozen',
  'unknownField',
  'commitmentGone',
  'tooLong',
  'tooLarge',
  'notWhole',
  // An evidence file (#17): too large to store, not a kind Pace keeps, markup that could run, or its entry gone.
  'fileTooLarge',
  'fileUnsupported',
  'fileMarkup',
  'fileEmpty',
  'entryGone',
  // A shared dataset's role may not make this change (roles.ts).
  'keeperOnly',
  'ownEntriesOnly',
  'meetingOnly',
  'leadersRead',
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]

export interface ValidationIssue {
  /** Dotted path of the field, e.g. 'target.baseline'; '' for the whole value. */
  path: string
  code: IssueCode
  /** The bound passed, for tooLong (characters) and tooLarge (the largest value). */
  limit?: number
  /** What was given against that bound: a text's length. */
  found?: number
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] }

const code = (c: IssueCode) => c

/** http(s)://host[...], no spaces: a link a browser opens as a page, never javascript: or data:. */
const WEB_ADDRESS = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i

/** Dates Pace accepts anywhere: a typo like 0205 or 20250 for the year is refused, not stored. */
export const EARLIEST_DATE = '1990-01-01'
export const LATEST_DATE = '2100-12-31'

/**
 * How long a text may be, in characters: generous for what people write, but a pasted document in a title field
 * is refused with the limit named, never cut short without a word.
 */
export const TEXT_LIMITS = { title: 500, text: 5000, unit: 20 } as const
/**
 * The largest number stored (an entry's quantity or value, a target, a baseline): 10亿. Anything larger is a slip
 * (1e308 typed for 1), and sums of many such numbers stay exact in a double.
 */
export const MAX_AMOUNT = 1_000_000_000

const text = v.pipe(v.string(code('invalid')), v.maxLength(TEXT_LIMITS.text, code('tooLong')))
const unitText = v.pipe(v.string(code('invalid')), v.maxLength(TEXT_LIMITS.unit, code('tooLong')))
const title = v.pipe(v.string(code('invalid')), v.trim(), v.nonEmpty(code('required')), v.maxLength(TEXT_LIMITS.title, code('tooLong')))
const id = v.pipe(v.string(code('invalid')), v.nonEmpty(code('required')))
const date = v.pipe(
  v.string(code('notADate')),
  v.check((value: string) => isCalendarDate(value), code('notADate')),
  v.check((value: string) => value >= EARLIEST_DATE && value <= LATEST_DATE, code('dateOutOfRange')),
)
const num = v.pipe(v.number(code('notANumber')), v.finite(code('notANumber')))
/** A quantity, value, target or baseline: finite and within ±MAX_AMOUNT. */
const amount = v.pipe(num, v.minValue(-MAX_AMOUNT, code('tooLarge')), v.maxValue(MAX_AMOUNT, code('tooLarge')))
const nonNegative = v.pipe(amount, v.minValue(0, code('negative')))
const positive = v.pipe(amount, v.gtValue(0, code('notPositive')))
const percent = v.pipe(num, v.minValue(0, code('percentOutOfRange')), v.maxValue(100, code('percentOutOfRange')))
/** An evidence link: http or https only (never javascript: or data:), or empty. */
const evidenceUrl = v.pipe(
  v.string(code('invalid')),
  v.trim(),
  v.check((value: string) => value === '' || WEB_ADDRESS.test(value), code('notAUrl')),
)
const direction = v.picklist(['at_least', 'at_most'], code('invalid'))

export const windowSchema = v.pipe(
  v.object({ start: date, end: date }),
  v.forward(
    v.partialCheck([['start'], ['end']], (w) => !isCalendarDate(w.start) || !isCalendarDate(w.end) || w.end >= w.start, code('windowEndsBeforeStart')),
    ['end'],
  ),
)

const countTarget = v.pipe(
  v.object({ kind: v.literal('count'), value: nonNegative, direction, unit: unitText }),
  // "不少于0次" is no commitment; "不超过0起" (zero incidents) is.
  v.forward(v.check((t) => t.direction === 'at_most' || t.value > 0, code('notPositive')), ['value']),
)
const levelTarget = v.object({ kind: v.literal('level'), value: nonNegative, direction, unit: unitText, baseline: v.nullable(nonNegative) })
const percentChangeTarget = v.object({
  kind: v.literal('percent_change'),
  percent: positive,
  direction: v.picklist(['increase', 'decrease'], code('invalid')),
  baseline: v.pipe(amount, v.check((b) => b !== 0, code('zeroBaseline'))),
  unit: unitText,
})
const ratioTarget = v.object({ kind: v.literal('ratio'), percent, direction, baseline: v.nullable(percent) })
const recurringTarget = v.object({
  kind: v.literal('recurring'),
  period: v.picklist(PERIOD_UNITS, code('invalid')),
  minimum: positive,
  unit: unitText,
})
const milestoneTarget = v.pipe(
  v.object({
    kind: v.literal('milestone'),
    stages: v.pipe(
      v.array(v.object({ id, title, dueDate: v.nullable(date) }), code('invalid')),
      v.minLength(1, code('noStages')),
      v.check((stages) => new Set(stages.map((s) => s.id)).size === stages.length, code('duplicateStage')),
    ),
  }),
)

export const targetSchema = v.variant(
  'kind',
  [countTarget, levelTarget, percentChangeTarget, ratioTarget, recurringTarget, milestoneTarget],
  code('invalid'),
)

const phasingSchema = v.pipe(
  v.object({ unit: v.picklist(['quarter', 'month'], code('invalid')), cumulative: v.array(percent, code('invalid')) }),
  v.forward(
    v.check((p) => p.cumulative.every((value, i) => i === 0 || value >= (p.cumulative[i - 1] ?? 0)), code('phasingNotIncreasing')),
    ['cumulative'],
  ),
  v.forward(v.check((p) => p.cumulative.at(-1) === 100, code('phasingNotEndingAt100')), ['cumulative']),
)

export const planSchema = v.object({ id, name: title, organisation: text, window: windowSchema })
export const sectionSchema = v.object({ id, planId: id, parentId: v.nullable(id), title, order: num })
export const departmentSchema = v.object({ id, name: title })
export const personSchema = v.object({ id, name: title, departmentId: v.nullable(id) })

export const commitmentSchema = v.object({
  id,
  planId: id,
  sectionId: v.nullable(id),
  title,
  target: targetSchema,
  leadDepartmentId: v.nullable(id),
  coDepartmentIds: v.array(id, code('invalid')),
  leaderId: v.nullable(id),
  ownerId: v.nullable(id),
  dueDate: v.nullable(date),
  phasing: v.nullable(phasingSchema),
  order: num,
})

const integer = v.pipe(num, v.integer(code('invalid')))
const reviewPeriodSchema = v.pipe(
  v.object({ unit: v.picklist(REVIEW_PERIOD_UNITS, code('invalid')), year: v.pipe(integer, v.minValue(1990, code('dateOutOfRange')), v.maxValue(2100, code('dateOutOfRange'))), index: v.pipe(integer, v.minValue(1, code('invalid'))) }),
  v.forward(v.check((p) => p.index <= periodsPerYear(p.unit), code('invalid')), ['index']),
)
const reviewNoteSchema = v.object({ commitmentId: id, narrative: v.nullable(text), problems: text, nextSteps: text })
/** An evaluation as a frozen review stores it (the engine's output, so checked for shape and finite numbers). */
const evaluationSchema = v.object({
  commitmentId: id,
  kind: v.picklist(['count', 'level', 'percent_change', 'ratio', 'recurring', 'milestone'], code('invalid')),
  status: v.picklist(STATUSES, code('invalid')),
  actual: v.nullable(num),
  target: num,
  expectedValue: v.nullable(num),
  progress: v.nullable(num),
  expected: v.nullable(num),
  gapPoints: v.nullable(num),
  forecast: v.object({ value: v.nullable(num), meetsTarget: v.nullable(v.boolean(code('invalid'))) }),
  deadline: v.picklist(['none', 'due_soon', 'overdue'], code('invalid')),
  hasEntries: v.boolean(code('invalid')),
  periods: v.optional(v.array(v.object({ start: num, end: num, value: num, met: v.boolean(code('invalid')), elapsed: v.boolean(code('invalid')) }), code('invalid'))),
})
const reviewSnapshotSchema = v.object({
  frozenAt: v.pipe(v.string(code('invalid')), v.isoTimestamp(code('invalid'))),
  asOf: date,
  plan: v.object({ name: title, organisation: text, window: windowSchema }),
  sections: v.array(sectionSchema, code('invalid')),
  commitments: v.array(commitmentSchema, code('invalid')),
  departments: v.array(departmentSchema, code('invalid')),
  people: v.array(personSchema, code('invalid')),
  evaluations: v.array(evaluationSchema, code('invalid')),
})
export const reviewSchema = v.object({
  id,
  planId: id,
  title,
  period: reviewPeriodSchema,
  periodEnd: date,
  meetingDate: v.nullable(date),
  attendees: text,
  decisions: text,
  notes: v.array(reviewNoteSchema, code('invalid')),
  snapshot: v.nullable(reviewSnapshotSchema),
})

const entryBase = {
  id,
  commitmentIds: v.pipe(v.array(id, code('invalid')), v.minLength(1, code('noCommitments'))),
  date,
  note: text,
  // Added in schema v2: rows and backups from v1 have none, and read as empty.
  participants: v.optional(text, ''),
  place: v.optional(text, ''),
  evidenceUrl: v.optional(evidenceUrl, ''),
}
export const entrySchema = v.variant(
  'type',
  [
    v.object({ ...entryBase, type: v.literal('quantity'), quantity: nonNegative }),
    v.pipe(
      v.object({ ...entryBase, type: v.literal('measurement'), value: nonNegative, denominator: v.nullable(amount) }),
      v.forward(v.check((e) => e.denominator === null || e.denominator > 0, code('zeroDenominator')), ['denominator']),
      v.forward(v.check((e) => e.denominator === null || e.denominator <= 0 || e.value <= e.denominator, code('numeratorExceedsDenominator')), ['value']),
    ),
    v.object({ ...entryBase, type: v.literal('milestone'), stageId: id }),
  ],
  code('invalid'),
)

/** The largest evidence file stored, in bytes (after a photo's downscaling): a scanned notice or minutes fit. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

export const attachmentSchema = v.object({
  id,
  entryId: id,
  name: title,
  kind: v.picklist(EVIDENCE_KINDS, code('invalid')),
  mime: v.pipe(v.string(code('invalid')), v.regex(/^(image|application)\/[\w.+-]+$/, code('invalid'))),
  size: v.pipe(v.number(code('notANumber')), v.integer(code('notWhole')), v.minValue(1, code('notPositive')), v.maxValue(MAX_FILE_BYTES, code('fileTooLarge'))),
  sha256: v.pipe(v.string(code('invalid')), v.regex(/^[0-9a-f]{64}$/, code('invalid'))),
})

export function validateAttachment(input: unknown): Validated<Attachment> {
  return validate(attachmentSchema, input)
}

export const settingsSchema = v.pipe(
  v.object({
    onTrackAt: v.pipe(num, v.gtValue(0, code('bandsOrder')), v.maxValue(1, code('bandsOrder'))),
    atRiskAt: v.pipe(num, v.gtValue(0, code('bandsOrder')), v.maxValue(1, code('bandsOrder'))),
    dueSoonDays: v.pipe(num, v.integer(code('invalid')), v.minValue(0, code('negative'))),
  }),
  v.forward(v.check((s) => s.atRiskAt < s.onTrackAt, code('bandsOrder')), ['atRiskAt']),
)

/** One issue per field, the first found: a person fixes one thing at a time. */
function toIssues(issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  const byPath = new Map<string, ValidationIssue>()
  for (const issue of issues) {
    const path = v.getDotPath(issue) ?? ''
    const code = (ISSUE_CODES as readonly string[]).includes(issue.message) ? (issue.message as IssueCode) : 'invalid'
    if (byPath.has(path)) continue
    if (code === 'tooLong') byPath.set(path, { path, code, limit: Number(issue.requirement), found: typeof issue.input === 'string' ? issue.input.length : undefined })
    else if (code === 'tooLarge') byPath.set(path, { path, code, limit: MAX_AMOUNT })
    else if (code === 'fileTooLarge') byPath.set(path, { path, code, limit: MAX_FILE_BYTES, found: typeof issue.input === 'number' ? issue.input : undefined })
    else byPath.set(path, { path, code })
  }
  return [...byPath.values()]
}

/** Validates input against any schema of this module, as issues with codes. */
export function validate<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Validated<T> {
  const result = v.safeParse(schema, input)
  return result.success ? { ok: true, value: result.output } : { ok: false, issues: toIssues(result.issues) }
}

const inWindow = (date: CalendarDate, window: DateWindow) => date >= window.start && date <= window.end

/**
 * Checks that need the plan's window: phasing has one cumulative value per quarter or month of it, and the due
 * date and stage dates fall inside it (outside, the engine could never count them).
 */
function windowIssues(commitment: Commitment, window: DateWindow): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  if (commitment.dueDate !== null && !inWindow(commitment.dueDate, window)) issues.push({ path: 'dueDate', code: 'dateOutsideWindow' })
  if (commitment.target.kind === 'milestone') {
    commitment.target.stages.forEach((stage, i) => {
      if (stage.dueDate !== null && !inWindow(stage.dueDate, window)) issues.push({ path: `target.stages.${i}.dueDate`, code: 'dateOutsideWindow' })
    })
  }
  if (commitment.phasing) {
    const phases = periodsInWindow(toDayNumber(window.start), toDayNumber(window.end), commitment.phasing.unit)
    if (commitment.phasing.cumulative.length !== phases.length) issues.push({ path: 'phasing.cumulative', code: 'phasingLength' })
  }
  return issues
}

/** An entry's date must fall in the plan's window (outside it, it would count toward nothing) and not after today. */
export function entryDateIssues(date: CalendarDate, window: DateWindow, today: CalendarDate): ValidationIssue[] {
  if (!isCalendarDate(date)) return [{ path: 'date', code: 'notADate' }]
  if (date > today) return [{ path: 'date', code: 'dateInFuture' }]
  return inWindow(date, window) ? [] : [{ path: 'date', code: 'dateOutsideWindow' }]
}

export function validatePlan(input: unknown): Validated<Plan> {
  return validate(planSchema, input)
}

export function validateSection(input: unknown): Validated<Section> {
  return validate(sectionSchema, input)
}

export function validateDepartment(input: unknown): Validated<Department> {
  return validate(departmentSchema, input)
}

export function validatePerson(input: unknown): Validated<Person> {
  return validate(personSchema, input)
}

/** Canonical JSON: objects with their keys sorted, so equal data compares equal whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Whether two values hold the same data (deep, ignoring key order). */
export const sameData = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b)

/**
 * Validates a review against its plan's window (its period must overlap it, its date is the period's end within
 * it) and the review as stored: a frozen review's snapshot never changes, though its notes may.
 */
export function validateReview(input: unknown, window: DateWindow, stored?: Review): Validated<Review> {
  const result = validate(reviewSchema, input)
  if (!result.ok) return result
  const review = result.value
  if (stored?.snapshot) {
    // Frozen: the figures, and the period and date they belong to, stay exactly as the meeting saw them.
    const same = sameData(review.snapshot, stored.snapshot) && sameData(review.period, stored.period) && review.periodEnd === stored.periodEnd
    return same ? result : { ok: false, issues: [{ path: 'snapshot', code: 'reviewFrozen' }] }
  }
  const period = periodWindow(review.period)
  if (period.end < window.start || period.start > window.end) return { ok: false, issues: [{ path: 'period', code: 'periodOutsidePlan' }] }
  if (review.periodEnd !== reviewPeriodEnd(review.period, window)) return { ok: false, issues: [{ path: 'periodEnd', code: 'invalid' }] }
  return result
}

/** Validates a commitment, including checks that need its plan's window (phasing). */
export function validateCommitment(input: unknown, window: DateWindow): Validated<Commitment> {
  const result = validate(commitmentSchema, input)
  if (!result.ok) return result
  const issues = windowIssues(result.value, window)
  return issues.length > 0 ? { ok: false, issues } : result
}

/**
 * Validates an entry. With `today`, an entry dated after it is refused: what is logged has happened (a plan's
 * future is its target, not an entry). Restore and import pass no `today`, so they keep whatever was stored.
 */
export function validateEntry(input: unknown, today?: CalendarDate): Validated<Entry> {
  const result = validate(entrySchema, input)
  if (!result.ok || today === undefined || result.value.date <= today) return result
  return { ok: false, issues: [{ path: 'date', code: 'dateInFuture' }] }
}

/**
 * An entry as a person types it: everything `validateEntry` checks, and a quantity above zero (logging "0 study
 * sessions" is a slip, not an activity) and whole when a commitment `counted` counts whole things, dated in the
 * plan's window and not after today. Storage stays more
 * lenient, so rows written earlier still restore.
 */
export function validateNewEntry(input: unknown, window: DateWindow, today: CalendarDate, counted: readonly Pick<Commitment, 'target'>[] = []): Validated<Entry> {
  const result = validate(entrySchema, input)
  const issues = result.ok ? entryQuantityIssues(result.value, counted) : [...result.issues]
  const source = (input ?? {}) as Record<string, unknown>
  if (source.type === 'quantity' && source.quantity === 0 && !issues.some((i) => i.path === 'quantity')) issues.push({ path: 'quantity', code: 'notPositive' })
  if (!issues.some((i) => i.path === 'date')) issues.push(...entryDateIssues(String(source.date ?? ''), window, today))
  return issues.length > 0 ? { ok: false, issues } : result
}

export function validateSettings(input: unknown): Validated<EvaluationSettings> {
  return validate(settingsSchema, input)
}
