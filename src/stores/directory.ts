import { defineStore } from 'pinia'
import { mergeDepartments, mergePeople, type DepartmentRecord, type PersonRecord } from '@/db'
import { useLiveQuery } from '@/composables/use-live-query'
import { useIdentityStore } from './identity'
import { useStorageStore } from './storage'

const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))

/** Departments and people: live, sorted lists and the edits a coordinator makes to them, each one batch that undo reverts. */
export const useDirectoryStore = defineStore('directory', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()
  const { data: departments } = useLiveQuery<DepartmentRecord[]>(async () => byName(await storage.departments.list()), [])
  const { data: people } = useLiveQuery<PersonRecord[]>(async () => byName(await storage.people.list()), [])

  const writer = () => identity.requireWriter()

  return {
    departments,
    people,
    saveDepartment: (department: { id?: string; name: string }) => storage.write({ writes: [{ table: 'departments', row: department }] }, writer()),
    savePerson: (person: { id?: string; name: string; departmentId: string | null }) => storage.write({ writes: [{ table: 'people', row: person }] }, writer()),
    mergeDepartments: (from: string, into: string) => mergeDepartments(storage, from, into, writer()),
    mergePeople: (from: string, into: string) => mergePeople(storage, from, into, writer()),
    undo: (batch: string) => storage.undo(batch, writer()),
  }
})
