import * as v from 'valibot'
import type { CalendarDate, Id } from '@/domain'
import type { RowSource } from './plan-rows'
import type { SettingRecord } from './records'

export const EXAMPLE_KEY = 'example'

/** Which plan is the example, and which departments and people loading it created (removed with it). */
export interface ExampleRecord {
  planId: Id
  departmentIds: Id[]
  personIds: Id[]
  /** The date its entries run up to: the example is shown as of then. */
  asOf: CalendarDate
}

const exampleSchema = v.object({
  planId: v.string(),
  departmentIds: v.array(v.string()),
  personIds: v.array(v.string()),
  asOf: v.pipe(v.string(), v.isoDate()),
})

/** The example's record, or null when there is none (or what is stored is not one: then nothing is the example). */
export async function getExample(source: RowSource): Promise<ExampleRecord | null> {
  const record = await source.table<SettingRecord, string>('settings').get(EXAMPLE_KEY)
  const parsed = v.safeParse(exampleSchema, record?.value)
  return parsed.success ? parsed.output : null
}
