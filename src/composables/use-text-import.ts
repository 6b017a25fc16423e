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
  draftFromStatement,
  extractStatements,
  importRows,
  mainYear,
  sectionTitle,
  suggestCommitment,
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
  /** An Excel 台账 being read: its rows, heading row and the column of each field (the user may change them). */
  const ledger = shallowRef<{ table: LedgerTable; headerRow: number; mapping: ColumnMapping } | null>(null)
  /** Ledger rows that could not be understood, and why. */
  const problems = shallowRef<LedgerRowResult[]>([])

  const year = computed(
    () =>
      mainYear(statements.value.filter((s) => s.kind === 'commitment')) ??
      mainYear(statements.value) ??
      Number((commitments.value.find((r) => r.draft.dueDate)?.draft.dueDate ?? today.value).slice(0, 4)),
  )
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
    commitments.value = statements.value
      .filter((s) => s.kind === 'commitment')
      .map((s) => ({ key: newId(), statement: s, include: true, section: sectionTitle(s.section), draft: draftFromStatement(s) }))
    outcomes.value = statements.value.filter((s) => s.kind === 'outcome').map((s) => ({ key: newId(), statement: s, include: true, countsToward: null }))
    choosePlanForYear()
    suggest()
  }

  /** The plan of the year the import is about, if there is one; else a new plan for it. */
  function choosePlanForYear() {
    const match = plans.plans?.find((p) => p.window.start.startsWith(String(year.value)))
    planChoice.value = match?.id ?? NEW_PLAN
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
      .map((r) => ({ statement: r.statement, countsToward: r.countsToward!.startsWith(DRAFT) ? { draftKey: r.countsToward!.slice(DRAFT.length) } : { commitmentId: r.countsToward! } }))
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

  return { text, statements, commitments, outcomes, planChoice, year, commitmentChoices, counts, read, accept, undo: plans.undo, ledger, problems, readLedger, applyLedger }
}
