import { computed, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { storeToRefs } from 'pinia'
import { ElMessage } from 'element-plus'
import { documentOrder, noteOf, periodWindow, sectionOutline, selectCommitments, summarise, summaryText, withNote, worstFirst, type DashboardFilters, type Evaluation, type Id, type Review, type ReviewNote } from '@/domain'
import { useDirectoryStore } from '@/stores/directory'
import { usePlansStore } from '@/stores/plans'
import { useReviewsStore } from '@/stores/reviews'
import { useConfirm } from './use-confirm'
import { useCommitmentEvidence } from './use-evidence'
import { useDashboardPanels } from './use-dashboard-panels'
import { useIsPhone } from './use-is-phone'
import { useLedgerExport } from './use-ledger-export'
import { useLocale } from './use-locale'
import { reviewSource, useReview } from './use-review'
import { useStorageErrorMessage } from './use-storage-error-message'
import { useUndoable } from './use-undoable'
import { useUrlFilters } from './use-url-filters'

/**
 * A review page's state and actions: the review with its figures (useReview), filtered and ordered from the URL
 * as the dashboard filters, the summary and charts of what is shown, notes stored field by field, and freeze,
 * remove and the exports.
 */
export function useReviewPage(reviewId: Ref<string>) {
  const { t } = useI18n()
  const lang = useLocale()
  const router = useRouter()
  const store = useReviewsStore()
  const { departments, people } = storeToRefs(useDirectoryStore())
  const isPhone = useIsPhone()
  const confirm = useConfirm()
  const storageError = useStorageErrorMessage()
  const run = useUndoable(store.undo)
  const exporter = useLedgerExport()
  const loaded = useReview(reviewId)
  const { review, asOf, figures } = loaded
  // The review's plan is the one being worked in.
  const plans = usePlansStore()
  watch(() => review.value?.planId, (id) => id && plans.choose(id), { immediate: true })

  const url = useUrlFilters()
  // A review's plan and date are its own: the URL's plan and 截至 do not narrow it.
  const filters = computed<DashboardFilters>(() => ({ ...url.filters.value, planId: null, asOf: null }))
  const planOrder = computed(() => url.query.value.order === 'plan')
  /** 缺佐证 only: `evidence=lacking` in the URL, as the other filters are. */
  const lackingOnly = computed(() => url.query.value.evidence === 'lacking')
  const update = (patch: Partial<DashboardFilters> & { order?: 'plan' | null; evidence?: 'lacking' | null }) => {
    const { order, ...rest } = patch
    // The filter bar's 清除 sets all four filters at once: it clears 缺佐证 with them.
    const clears = (['sectionId', 'departmentId', 'personId', 'status'] as const).every((key) => key in rest && rest[key] === null)
    const evidence = clears ? null : patch.evidence
    delete rest.evidence
    return url.update({ ...rest, planId: null, asOf: null }, { ...(order === undefined ? {} : { order }), ...(evidence === undefined ? {} : { evidence }) })
  }

  const evaluations = computed(() => figures.value?.evaluations ?? new Map<Id, Evaluation>())
  /** The days whose entries' evidence the review shows: its period, inside the plan's window, up to its figures' date. */
  const evidenceWindow = computed(() => {
    const r = review.value
    const plan = figures.value?.plan
    if (!r || !plan || !asOf.value) return null
    const period = periodWindow(r.period)
    const start = period.start > plan.window.start ? period.start : plan.window.start
    const end = [period.end, plan.window.end, asOf.value].sort()[0]!
    return start <= end ? { start, end } : null
  })
  const evidence = useCommitmentEvidence(() => (figures.value?.commitments ?? []).map((c) => c.id), () => evidenceWindow.value)
  const filtered = computed(() => (figures.value ? selectCommitments(figures.value.commitments, evaluations.value, figures.value.sections, filters.value) : []))
  const selected = computed(() => (lackingOnly.value ? filtered.value.filter((c) => evidence.lacking.value.has(c.id)) : filtered.value))
  const shown = computed(() => (planOrder.value ? documentOrder(selected.value, figures.value?.sections ?? []) : worstFirst(selected.value, evaluations.value)))
  const outline = computed(() => sectionOutline(figures.value?.sections ?? []))
  const leadName = computed(() => new Map((figures.value?.departments ?? []).map((d) => [d.id, d.name])))
  const summary = computed(() => {
    const f = figures.value
    if (!f || !asOf.value) return ''
    return summaryText(f.plan.name, asOf.value, summarise(selected.value.flatMap((c) => evaluations.value.get(c.id) ?? [])).byStatus, lang.value)
  })
  /** Each commitment's number as the ledger gives it (document order), kept when filters narrow the list. */
  const number = computed(() => new Map(documentOrder(figures.value?.commitments ?? [], figures.value?.sections ?? []).map((c, i) => [c.id, i + 1])))

  const panels = useDashboardPanels(() => ({
    data: figures.value ? { plan: figures.value.plan, sections: figures.value.sections, totals: new Map() } : null,
    evaluations: evaluations.value,
    selected: selected.value,
    filters: filters.value,
    asOf: asOf.value ?? '',
    departments: figures.value?.departments ?? [],
    people: figures.value?.people ?? [],
    compact: isPhone.value,
    rowLimit: 30,
    only: ['status', 'progress'],
  }))

  /** Saving state of the notes, shown beside the title: every edit is stored when its field is left. */
  const saving = shallowRef(0)
  const saved = shallowRef(false)
  /** The field a refused note is about, as the page labels it (the notes are plain fields, stored on leaving). */
  const fieldLabel = (path: string) => {
    const note = /^notes\.\d+\.(narrative|problems|nextSteps)$/.exec(path)?.[1]
    if (note) return t(`review.notes.${note}`)
    return path === 'attendees' || path === 'decisions' ? t(`review.meeting.${path}`) : undefined
  }
  async function change(edit: (r: Review) => Review) {
    saving.value++
    try {
      await store.update(reviewId.value, edit)
      saved.value = true
    } catch (error) {
      saved.value = false
      ElMessage.error(storageError(error, fieldLabel))
    } finally {
      saving.value--
    }
  }
  const saveNote = (commitmentId: string, patch: Partial<Omit<ReviewNote, 'commitmentId'>>) => change((r) => ({ ...r, notes: withNote(r.notes, { ...noteOf(r, commitmentId), ...patch }) }))
  const saveMeeting = (patch: Partial<Review>) => change((r) => ({ ...r, ...patch }))

  async function freeze() {
    const r = review.value
    const date = asOf.value
    const now = date && loaded.liveFigures(date)
    if (!r || !date || !now || !(await confirm(`${t('review.freezeTitle')} ${t('review.freezeBody')}`, t('review.freeze')))) return
    await run(() => store.freeze(r.id, now, date), t('review.frozenDone'))
  }
  async function remove() {
    const r = review.value
    if (!r || !(await confirm(t('review.removeTitle', { title: r.title })))) return
    if (await run(() => store.remove(r), t('review.removed'))) void router.push({ path: '/reviews', query: { plan: r.planId } })
  }

  /** What the exports show: the commitments the filters select, with the review's figures and notes. */
  const source = () => (figures.value && review.value && asOf.value ? reviewSource(review.value, figures.value, asOf.value, selected.value) : null)
  const exportLedger = () => {
    const current = source()
    if (current) void exporter.exportLedger(current)
  }
  const exportReport = () => {
    const current = source()
    if (current) void exporter.exportReviewReport(current)
  }
  /** The evidence of the period's entries, of the commitments shown, with the review's 台账. */
  const exportEvidence = () => {
    const current = source()
    if (current && evidenceWindow.value) void exporter.exportEvidence(current, evidenceWindow.value)
  }

  return {
    ...loaded,
    departments,
    people,
    filters,
    planOrder,
    lackingOnly,
    evidence,
    update,
    evaluations,
    shown,
    outline,
    leadName,
    summary,
    number,
    panels,
    saving,
    saved,
    saveNote,
    saveMeeting,
    freeze,
    remove,
    exportError: exporter.error,
    exportLedger,
    exportReport,
    exportEvidence,
  }
}
