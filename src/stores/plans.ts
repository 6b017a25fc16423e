import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { copyPlanTo, getExample, loadExample, removePlan, removeExample, type ExampleRecord, type PlanRecord } from '@/db'
import type { CalendarDate, DateWindow, Id, Plan } from '@/domain'
import { useLiveQuery } from '@/composables/use-live-query'
import { useIdentityStore } from './identity'
import { useStorageStore } from './storage'

const newestFirst = (rows: PlanRecord[]) =>
  rows.sort((a, b) => b.window.start.localeCompare(a.window.start) || a.name.localeCompare(b.name, 'zh-CN'))

/** The plans, which one the user is working in, and the whole-plan operations (create, copy, remove, example). */
export const usePlansStore = defineStore('plans', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()
  /** Undefined until the first read: screens wait for it rather than flash an empty state. */
  const { data: plans } = useLiveQuery<PlanRecord[] | undefined>(async () => newestFirst(await storage.plans.list()), undefined)
  const { data: example } = useLiveQuery<ExampleRecord | null>(() => getExample(storage), null)
  const chosenId = shallowRef<Id | null>(null)

  /** The plan in use: the one chosen, else the newest. */
  const current = computed(() => {
    const list = plans.value ?? []
    return list.find((p) => p.id === chosenId.value) ?? list[0] ?? null
  })

  const writer = () => identity.requireWriter()

  return {
    plans,
    example,
    current,
    choose: (id: Id) => (chosenId.value = id),
    savePlan: (plan: Omit<Plan, 'id'> & { id?: Id }) => storage.plans.save(plan, writer()),
    removePlan: (id: Id) => removePlan(storage, id, writer()),
    copyPlan: (id: Id, window: DateWindow) => copyPlanTo(storage, id, window, writer()),
    loadExample: (asOf: CalendarDate) => loadExample(storage, asOf, writer()),
    removeExample: async () => (await removeExample(storage, writer())) ?? '',
    undo: (batch: string) => storage.undo(batch, writer()),
  }
})
