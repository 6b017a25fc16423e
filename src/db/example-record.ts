import type { CalendarDate, Id } from '@/domain'
import type { createStorage } from './index'

type Storage = ReturnType<typeof createStorage>

export const EXAMPLE_KEY = 'example'

/** Which plan is the example, and which departments and people loading it created (removed with it). */
export interface ExampleRecord {
  planId: Id
  departmentIds: Id[]
  personIds: Id[]
  /** The date its entries run up to: the example is shown as of then. */
  asOf: CalendarDate
}

export async function getExample(storage: Storage): Promise<ExampleRecord | null> {
  const record = await storage.db.settings.get(EXAMPLE_KEY)
  return (record?.value as ExampleRecord | undefined) ?? null
}

