import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { getExample, newId, type ExampleRecord, type PlanRecord } from '@/db'
import type { CalendarDate, DateWindow, Id, Plan } from '@/domain'
import { useLiveQuery } from '@/composables/use-live-query'
import { useIdentityStore } from './identity'
import { useStorageStore } from './storage'

/** Whole-plan operations bring the example data and the progress engine: loaded when first used. */
const operations = () => import('@/db/plans')

const newestFirst = (rows: PlanRecord[]) =>
  rows.sort((a, b) => b.window.start.localeCompare(a.window.start) || a.name.localeCompare(b.name, 'zh-CN'))

/** The plans, which one the user is working in, and the whole-plan operations (create, copy, remove, example). */
export const usePlansStore = defineStore('plans', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()
  /** Undefined until the first read: screens wait for it rather than flash an empty state. */
  const { data: plans } = useLiveQuery<PlanRecord[] | undefined>(async () => newestFirst(await storage.plans.list()), undefined)
  const { data: example } = useLiveQuery<ExampleRecord | null>(() => getExample(storage.db), null)
  const chosenId = shallowRef<Id | null>(null)

  /** The plan in use: the one chosen, else the newest. */
  const current = computed(() => {
    const list = plans.value ?? []
    return list.find((p) => p.id === chosenId.value) ?? list[0] ?? null
  })

  const writer = () => identity.requireWriter()

  /** A date the user chose to see plans as of (time travel); null follows the default. */
  const chosenAsOf = shallowRef<CalendarDate | null>(null)
  /** The "as of" date for a plan: the user's choice, else the example's own date for the example, else today. */
  function asOfFor(planId: Id | undefined, today: CalendarDate): CalendarDate {
    if (chosenAsOf.value) return chosenAsOf.value
    return planId && example.value?.planId === planId ? example.value.asOf : today
  }

  return {
    plans,
    example,
    current,
    chosenAsOf,
    /** Works in another plan; a date travelled to belonged to the previous one. */
    choose: (id: Id) => {
      if (id !== chosenId.value) chosenAsOf.value = null
      chosenId.value = id
    },
    asOfFor,
    chooseAsOf: (date: CalendarDate | null) => (chosenAsOf.value = date),
    /** Creates or edits a plan; returns its id and the batch (for undo). */
    savePlan: async (plan: Omit<Plan, 'id'> & { id?: Id }) => {
      const id = plan.id ?? newId()
      return { id, batch: await storage.write({ writes: [{ table: 'plans', row: { ...plan, id } }] }, writer()) }
    },
    removePlan: async (id: Id) => (await operations()).removePlan(storage, id, writer()),
    copyPlan: async (id: Id, window: DateWindow) => (await operations()).copyPlanTo(storage, id, window, writer()),
    loadExample: async (asOf: CalendarDate) => (await operations()).loadExample(storage, asOf, writer()),
    removeExample: async () => (await operations()).removeExample(storage, writer()),
    undo: (batch: string) => storage.undo(batch, writer()),
  }
})
