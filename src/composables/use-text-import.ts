import { computed, ref, shallowRef, watch } from 'vue'
import { storeToRefs } from 'pinia'
import { newId, planRows, StorageError, type RowWrite } from '@/db'
import type { CommitmentDraft, Id, Plan } from '@/domain'
import {
  detectColumns,
  readLedgerRows,
  type ColumnMapping,
  type LedgerRowResult,
  type LedgerTable,
  asKind,
  draftFromStatement,
  extractStatements,
  importRows,
  mainYear,
  rowBefore,
  sectionTitle,
  suggestCommitment,
  withRequirement,
  type Statement,
} from '@/domain/extract'
import { useDirectoryStore } from '@/stores/directory'
import { useEntriesStore } from '@/stores/entries'
import { useIdentityStore } from '@/stores/identity'
import { usePlansStore } from '@/stores/plans'
import { useStorageStore } from '@/stores/storage'
import { useLiveQuery } from './use-live-query'
import { useToday } from './use-today'

/** A commitment found in the text, as a draft the user fixes before accepting. */
export interface CommitmentRow {
  key: string
  /** The statement it was read from; null for a row of an Excel 台账. */
  statement: Statement | null
  include: boolean
  section: string
  draft: CommitmentDraft
}

/** An outcome found in the text, and the commitment (existing, or a draft by its key) it becomes an entry of. */
export interface OutcomeRow {
  key: string
  statement: Statement
  include: boolean
  countsToward: string | null
  /** The entry's note: the quote, with any bracketed requirement merged into it. */
  note: string
}

/** "New plan for the year the text is about" in the plan choice. */
export const NEW_PLAN = 'new'
const DRAFT = 'draft:'

/**
 * The import screen's state: the text, what the engine found in it, the drafts and matches the user edits, and
 * the one batch that stores them when the user accepts. Nothing is stored before that.
 */
export function useTextImport() {
  const { storage } = useStorageStore()
  const plans = usePlansStore()
  const identity = useIdentityStore()
  const entriesStore = useEntriesStore()
  const { people, departments } = storeToRefs(useDirectoryStore())
  const today = useToday()

  const text = shallowRef('')
  const statements = shallowRef<Statement[]>([])
  // Deep: the user edits the rows in place.
  const commitments = ref<CommitmentRow[]>([])
  const outcomes = ref<OutcomeRow[]>([])
  const planChoice = shallowRef<string>(NEW_PLAN)
  /** The plan last chosen for the user, to tell it from one the user chose. */
  let autoChoice: string = NEW_PLAN
  /** An Excel 台账 being read: its rows, heading row and the column of each field (the user may change them). */
  const ledger = shallowRef<{ table: LedgerTable; headerRow: number; mapping: ColumnMapping } | null>(null)
  /** Ledger rows that could not be understood, and why. */
  const problems = shallowRef<LedgerRowResult[]>([])

  /** The plan year the user picked; null while the one read from the document stands. */
  const yearChoice = shallowRef<number | null>(null)
  const readYear = computed(
    () =>
      mainYear(statements.value.filter((s) => s.kind === 'commitment')) ??
      mainYear(statements.value) ??
      Number((commitments.value.find((r) => r.draft.dueDate)?.draft.dueDate ?? today.value).slice(0, 4)),
  )
  /** The year of the plan the import makes: picked, or the one most commitments (else statements) are about. */
  const year = computed(() => yearChoice.value ?? readYear.value)
  /** The years the document names, to pick the plan's year from. */
  const documentYears = computed(() => [...new Set(statements.value.map((s) => s.year).filter((y): y is number => y !== null))].sort((a, b) => a - b))
  const planId = computed(() => (planChoice.value === NEW_PLAN ? null : planChoice.value))
  const { data: existing } = useLiveQuery(
    async () => ({ planId: planId.value, ...(planId.value ? await planRows(storage.db, planId.value) : { sections: [], commitments: [] }) }),
    { planId: null as Id | null, sections: [], commitments: [] },
    { deps: planId },
  )

  /** What outcomes can count toward: the plan's commitments, then the drafts being imported. */
  const commitmentChoices = computed(() => [
    ...existing.value.commitments.map((c) => ({ value: c.id, title: c.title })),
    ...commitments.value.filter((row) => row.include).map((row) => ({ value: DRAFT + row.key, title: row.draft.title })),
  ])

  /** The year of the plan the import goes into. */
  const planYear = computed(() => {
    const plan = planId.value ? plans.plans?.find((p) => p.id === planId.value) : undefined
    return plan ? Number(plan.window.start.slice(0, 4)) : year.value
  })

  /**
   * Suggests a commitment for each result; results of another year than the plan's are left out by default (last
   * year's report fills last year's plan), and the user can still include them.
   */
  function suggest() {
    suggestedFor = rowsKey()
    const candidates = commitmentChoices.value.map((t) => ({ id: t.value, title: t.title }))
    outcomes.value = outcomes.value.map((row) => {
      const sameYear = row.statement.year === null || row.statement.year === planYear.value
      return { ...row, include: sameYear, countsToward: sameYear ? (suggestCommitment(row.statement, candidates)?.id ?? null) : null }
    })
  }

  /** Reads a 台账's rows with the current column mapping: drafts for the rows understood, problems for the rest. */
  function applyLedger() {
    if (!ledger.value) return
    const rows = readLedgerRows(ledger.value.table, ledger.value.headerRow, ledger.value.mapping)
    const byName = <T extends { id: Id; name: string }>(list: readonly T[], name: string) => (name ? (list.find((x) => x.name === name)?.id ?? null) : null)
    commitments.value = rows
      .filter((r) => r.draft !== null)
      .map((r) => ({
        key: newId(),
        statement: null,
        include: true,
        section: r.section,
        draft: { ...r.draft!, leadDepartmentId: byName(departments.value, r.lead), ownerId: byName(people.value, r.owner) },
      }))
    problems.value = rows.filter((r) => r.problem !== null)
  }

  /** Starts reading an Excel 台账: finds its heading row and columns; false when it has no 工作任务 column. */
  function readLedger(table: LedgerTable): boolean {
    const detected = detectColumns(table)
    statements.value = []
    outcomes.value = []
    yearChoice.value = null
    if (!detected) {
      ledger.value = null
      return false
    }
    ledger.value = { table, ...detected }
    applyLedger()
    choosePlanForYear()
    return true
  }

  /** Reads the text: every statement found, commitments as drafts, outcomes with a suggested commitment. */
  function read() {
    ledger.value = null
    problems.value = []
    statements.value = extractStatements(text.value)
    commitments.value = statements.value.filter((s) => s.kind === 'commitment').map(commitmentRow)
    outcomes.value = statements.value.filter((s) => s.kind === 'outcome').map(outcomeRow)
    yearChoice.value = null
    choosePlanForYear()
    suggest()
  }

  const outcomeRow = (s: Statement): OutcomeRow => ({ key: newId(), statement: s, include: true, countsToward: null, note: s.quote })
  const commitmentRow = (s: Statement): CommitmentRow => ({ key: newId(), statement: s, include: true, section: sectionTitle(s.section), draft: draftFromStatement(s) })
  const byPlace = <R extends { statement: Statement | null }>(rows: R[]) => rows.sort((a, b) => (a.statement?.start ?? 0) - (b.statement?.start ?? 0))

  /** The statement read as the other kind, in the highlighted text too. */
  function turn(statement: Statement, kind: Statement['kind']): Statement {
    const turned = asKind(statement, kind)
    statements.value = statements.value.map((s) => (s.start === statement.start && s.end === statement.end ? turned : s))
    return turned
  }

  /** A draft commitment that is in fact a result: it becomes an outcome row (results counting toward it count toward nothing). */
  function toOutcome(key: string) {
    const row = commitments.value.find((r) => r.key === key)
    if (!row?.statement) return
    commitments.value = commitments.value.filter((r) => r !== row)
    for (const r of outcomes.value) if (r.countsToward === DRAFT + key) r.countsToward = null
    const added = outcomeRow(turn(row.statement, 'outcome'))
    const candidates = commitmentChoices.value.map((t) => ({ id: t.value, title: t.title }))
    added.countsToward = suggestCommitment(added.statement, candidates)?.id ?? null
    outcomes.value = byPlace([...outcomes.value, added])
  }

  /** A result that is in fact a commitment: it becomes a draft. */
  function toCommitment(key: string) {
    const row = outcomes.value.find((r) => r.key === key)
    if (!row) return
    outcomes.value = outcomes.value.filter((r) => r !== row)
    commitments.value = byPlace([...commitments.value, commitmentRow(turn(row.statement, 'commitment'))])
  }

  /** The row a bracketed requirement can be merged into, by row key: null when it has none. */
  const mergeTargets = computed(() => {
    const targets = new Map<string, string>()
    for (const rows of [commitments.value, outcomes.value] as { key: string; statement: Statement | null }[][]) {
      rows.forEach((row, i) => {
        const before = rowBefore(rows, i, text.value)
        if (before) targets.set(row.key, before.key)
      })
    }
    return targets
  })

  /** Writes a bracketed requirement (……培训(不少于40学时)) into the row before it, and drops its own row. */
  function mergeIntoRowBefore(key: string) {
    const target = mergeTargets.value.get(key)
    if (!target) return
    const commitment = commitments.value.find((r) => r.key === key)
    if (commitment) {
      const into = commitments.value.find((r) => r.key === target)!
      into.draft.title = withRequirement(into.draft.title, commitment.statement!.quote)
      commitments.value = commitments.value.filter((r) => r !== commitment)
      return
    }
    const outcome = outcomes.value.find((r) => r.key === key)!
    const into = outcomes.value.find((r) => r.key === target)!
    into.note = withRequirement(into.note, outcome.statement.quote)
    outcomes.value = outcomes.value.filter((r) => r !== outcome)
  }

  /** The user picks the plan's year: the plan of that year is chosen if there is one, and its results suggested. */
  function chooseYear(value: number | null) {
    yearChoice.value = value
    choosePlanForYear()
  }

  // Text read before its year's plan was there (the screen's first moments, another tab) goes into it once it is,
  // unless the user chose meanwhile.
  watch(
    () => plans.plans,
    () => {
      if (planChoice.value === NEW_PLAN && autoChoice === NEW_PLAN && (statements.value.length > 0 || ledger.value)) choosePlanForYear()
    },
  )

  /** The plan of the year the import is about, if there is one; else a new plan for it. */
  function choosePlanForYear() {
    const match = plans.plans?.find((p) => p.window.start.startsWith(String(year.value)))
    planChoice.value = autoChoice = match?.id ?? NEW_PLAN
  }
  /**
   * A different plan (or year) has other commitments to suggest, once its rows have arrived. When only the rows
   * change (an edit here or in another tab), what the user chose stays; a choice of a commitment that is gone
   * is cleared.
   */
  let suggestedFor: string | null = null
  const rowsKey = () => `${existing.value.planId}|${planYear.value}`
  watch([existing, planYear], () => {
    if (rowsKey() !== suggestedFor) {
      suggest()
      return
    }
    const live = new Set(commitmentChoices.value.map((t) => t.value))
    for (const row of outcomes.value) if (row.countsToward !== null && !live.has(row.countsToward)) row.countsToward = null
  })

  const counts = computed(() => ({
    commitments: commitments.value.filter((r) => r.include).length,
    entries: outcomes.value.filter((r) => r.include && r.countsToward !== null).length,
  }))

  /**
   * Stores the accepted rows in one batch (a new plan, new sections, commitments, entries), worked out inside the
   * write's transaction from the plan as it is then: a plan removed meanwhile (another tab) is refused as gone.
   * Returns batch and plan.
   */
  async function accept(names: { plan: (year: number) => string }): Promise<{ batch: string; planId: Id }> {
    const writer = identity.requireWriter()
    const targetYear = year.value
    const chosen = planId.value
    const newPlan = { id: newId(), name: names.plan(targetYear), organisation: '', window: { start: `${targetYear}-01-01`, end: `${targetYear}-12-31` } }
    const author = entriesStore.newAuthor()
    const drafts = commitments.value.filter((r) => r.include)
    const accepted = outcomes.value
      .filter((r) => r.include && r.countsToward !== null)
      .map((r) => ({ statement: { ...r.statement, quote: r.note }, countsToward: r.countsToward!.startsWith(DRAFT) ? { draftKey: r.countsToward!.slice(DRAFT.length) } : { commitmentId: r.countsToward! } }))
    let plan: Plan = newPlan
    const batch = await storage.write(async ({ tx, stored }) => {
      if (chosen) {
        const found = await stored('plans', chosen)
        if (!found) throw new StorageError('notFound')
        plan = found
      }
      const current = chosen ? await planRows(tx, chosen) : { sections: [], commitments: [] }
      const rows = importRows({ plan, ...current, drafts, outcomes: accepted, today: author.loggedOn }, newId)
      return {
        writes: [
          ...(chosen ? [] : [{ table: 'plans' as const, row: plan }]),
          ...rows.sections.map((row) => ({ table: 'sections' as const, row })),
          ...rows.commitments.map((row) => ({ table: 'commitments' as const, row })),
          ...rows.entries.map((entry) => ({ table: 'entries' as const, row: { ...entry, ...author } })),
        ] satisfies RowWrite[],
      }
    }, writer)
    return { batch, planId: plan.id }
  }

  return {
    text,
    statements,
    commitments,
    outcomes,
    planChoice,
    year,
    documentYears,
    chooseYear,
    commitmentChoices,
    counts,
    read,
    accept,
    undo: plans.undo,
    ledger,
    problems,
    readLedger,
    applyLedger,
    toOutcome,
    toCommitment,
    mergeTargets,
    mergeIntoRowBefore,
  }
}
