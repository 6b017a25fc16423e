import { describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { identityChange } from '@/db'
import { useTextImport } from '@/composables/use-text-import'
import { mountWithApp } from '../mount-app'

const PLAN = { id: 'plan-2025', name: '2025年工作计划', organisation: '', window: { start: '2025-01-01', end: '2025-12-31' } }
const REPORT = '一、2025年工作总结\n全年开展专题调研15次，组织集中学习12次。'

async function mountImport() {
  let state!: ReturnType<typeof useTextImport>
  const Harness = defineComponent({
    setup() {
      state = useTextImport()
      return () => null
    },
  })
  const app = await mountWithApp(Harness)
  await app.storage.write(identityChange({ name: '王芳', department: '' }), { actor: '王芳' })
  await app.storage.write(
    {
      writes: [
        { table: 'plans', row: PLAN },
        { table: 'commitments', row: { id: 'study', planId: 'plan-2025', sectionId: null, title: '组织集中学习', target: { kind: 'count', value: 15, direction: 'at_least', unit: '次' }, leadDepartmentId: null, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null, order: 0 } },
      ],
    },
    { actor: '王芳' },
  )
  return { ...app, state: () => state }
}

describe('the text import', () => {
  it('keeps what the user chose for each result when the plan’s rows change meanwhile (another tab)', async () => {
    const { storage, state } = await mountImport()
    state().text.value = REPORT
    state().read()
    state().planChoice.value = 'plan-2025'
    await vi.waitFor(() => expect(state().outcomes.value.map((r) => r.countsToward)).toEqual([null, 'study']))
    // The user leaves the first result out and points the second elsewhere.
    state().outcomes.value[0]!.include = false
    state().outcomes.value[1]!.countsToward = null
    // Another tab adds a commitment to the plan: the live query emits again.
    await storage.write({ writes: [{ table: 'commitments', row: { id: 'survey', planId: 'plan-2025', sectionId: null, title: '开展专题调研', target: { kind: 'count', value: 10, direction: 'at_least', unit: '次' }, leadDepartmentId: null, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null, order: 1 } }] }, { actor: '李明' })
    await vi.waitFor(() => expect(state().commitmentChoices.value.map((t) => t.value)).toContain('survey'))
    expect(state().outcomes.value.map((r) => [r.include, r.countsToward])).toEqual([
      [false, null],
      [true, null],
    ])
  })

  it('keeps the choices made after reading again into the plan already chosen', async () => {
    const { storage, state } = await mountImport()
    state().text.value = REPORT
    state().read()
    state().planChoice.value = 'plan-2025'
    await vi.waitFor(() => expect(state().outcomes.value.map((r) => r.countsToward)).toEqual([null, 'study']))
    state().read()
    expect(state().outcomes.value.map((r) => r.countsToward)).toEqual([null, 'study'])
    state().outcomes.value[1]!.include = false
    await storage.write({ writes: [{ table: 'plans', row: { ...PLAN, name: '2025年工作要点' } }] }, { actor: '李明' })
    await storage.write({ writes: [{ table: 'commitments', row: { id: 'other', planId: 'plan-2025', sectionId: null, title: '修订制度', target: { kind: 'count', value: 3, direction: 'at_least', unit: '项' }, leadDepartmentId: null, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null, order: 2 } }] }, { actor: '李明' })
    await vi.waitFor(() => expect(state().commitmentChoices.value.map((t) => t.value)).toContain('other'))
    expect(state().outcomes.value[1]!.include).toBe(false)
  })

  it('drops a chosen commitment that was removed meanwhile, keeping the other choices', async () => {
    const { storage, state } = await mountImport()
    state().text.value = REPORT
    state().read()
    state().planChoice.value = 'plan-2025'
    await vi.waitFor(() => expect(state().outcomes.value.map((r) => r.countsToward)).toContain('study'))
    const study = state().outcomes.value.findIndex((r) => r.countsToward === 'study')
    state().outcomes.value[1 - study]!.include = false
    await storage.commitments.remove('study', { actor: '李明' })
    await vi.waitFor(() => expect(state().outcomes.value[study]!.countsToward).toBeNull())
    expect(state().outcomes.value[1 - study]!.include).toBe(false)
  })

  it('refuses to import into a plan removed meanwhile (another tab), storing nothing', async () => {
    const { storage, state } = await mountImport()
    state().text.value = REPORT
    state().read()
    state().planChoice.value = 'plan-2025'
    await vi.waitFor(() => expect(state().outcomes.value.map((r) => r.countsToward)).toEqual([null, 'study']))
    await storage.plans.remove('plan-2025', { actor: '李明' })
    const before = await storage.db.audit.count()
    await expect(state().accept({ plan: (year) => `${year}年` })).rejects.toMatchObject({ code: 'notFound' })
    expect(await storage.db.audit.count()).toBe(before)
    expect(await storage.entries.list()).toEqual([])
  })

  it('turns a draft commitment into a result and back, in the highlighted text too', async () => {
    const { state } = await mountImport()
    state().text.value = '一、2025年工作谋划\n组织集中学习不少于15次，开展专题调研12次。'
    state().read()
    expect(state().commitments.value.map((r) => r.statement!.value)).toEqual([15, 12])
    const survey = state().commitments.value[1]!.key
    state().toOutcome(survey)
    expect(state().commitments.value.map((r) => r.statement!.value)).toEqual([15])
    expect(state().outcomes.value.map((r) => [r.statement.value, r.statement.kind, r.include])).toEqual([[12, 'outcome', true]])
    expect(state().statements.value.map((s) => s.kind)).toEqual(['commitment', 'outcome'])
    state().toCommitment(state().outcomes.value[0]!.key)
    expect(state().commitments.value.map((r) => [r.statement!.value, r.draft.kind, r.draft.value])).toEqual([
      [15, 'count', 15],
      [12, 'count', 12],
    ])
    expect(state().outcomes.value).toEqual([])
  })

  it('lets a result that counted toward a draft count toward nothing when that draft becomes a result', async () => {
    const { state } = await mountImport()
    state().text.value = '一、2025年工作总结\n开展专题调研12次。\n二、2025年工作谋划\n开展专题调研不少于15次。'
    state().read()
    const draft = state().commitments.value[0]!.key
    state().outcomes.value[0]!.countsToward = `draft:${draft}`
    state().toOutcome(draft)
    expect(state().outcomes.value.map((r) => [r.statement.value, r.countsToward === `draft:${draft}`])).toEqual([
      [12, false],
      [15, false],
    ])
  })

  it('merges a bracketed requirement into the row before it, and offers it only where there is one', async () => {
    const { state } = await mountImport()
    state().text.value = '一、2025年工作谋划\n开展法治讲座不少于4次(每次不少于2学时)。组织网络培训(不少于40学时)。'
    state().read()
    const [talks, hours, online] = state().commitments.value.map((r) => ({ key: r.key, title: r.draft.title }))
    expect([...state().mergeTargets.value]).toEqual([[hours!.key, talks!.key]])
    state().mergeIntoRowBefore(online!.key)
    expect(state().commitments.value).toHaveLength(3)
    state().mergeIntoRowBefore(hours!.key)
    expect(state().commitments.value.map((r) => r.draft.title)).toEqual([`${talks!.title}（每次不少于2学时）`, online!.title])
  })

  it('merges a bracketed result into the note of the entry before it', async () => {
    const { state } = await mountImport()
    state().text.value = '一、2025年工作总结\n全年调解纠纷1494件(含委派委托调解成功675件)。'
    state().read()
    const [all, part] = state().outcomes.value
    state().mergeIntoRowBefore(part!.key)
    expect(state().outcomes.value.map((r) => r.note)).toEqual([`${all!.statement.quote}（含委派委托调解成功675件）`])
  })

  it('makes the plan for the year the user picks, choosing that year’s plan when there is one', async () => {
    const { state } = await mountImport()
    state().text.value = '某局2024年工作总结\n一、2024年工作总结\n开展专题调研12次。\n二、2025年工作打算\n组织集中学习不少于15次。'
    state().read()
    expect(state().documentYears.value).toEqual([2024, 2025])
    await vi.waitFor(() => expect(state().planChoice.value).toBe('plan-2025'))
    state().chooseYear(2026)
    expect([state().year.value, state().planChoice.value]).toEqual([2026, 'new'])
    state().chooseYear(2025)
    expect([state().year.value, state().planChoice.value]).toEqual([2025, 'plan-2025'])
  })
})
