import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import App from '@/App.vue'
import { getIdentity } from '@/db'
import { mountWithApp } from '../mount-app'

// liveQuery results and writes arrive on later ticks than Vue's: wait for what should appear, not a fixed time.
const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 3000, interval: 10 })

describe('first run', () => {
  it('asks who is using the app, refuses an empty name, then stores name and department', async () => {
    const { storage } = await mountWithApp(App)
    await eventually(() => expect(document.querySelector('[data-testid="identity-dialog"]')?.textContent).toContain('首次使用'))

    const [name, department] = [...document.querySelectorAll<HTMLInputElement>('[data-testid="identity-dialog"] input')]
    const button = document.querySelector<HTMLButtonElement>('[data-testid="identity-dialog"] .el-dialog__footer button')!
    button.click()
    await eventually(() => expect(document.querySelector('[data-testid="identity-dialog"]')?.textContent).toContain('请填写姓名'))
    expect(await getIdentity(storage.db)).toBeNull()

    name!.value = '王芳'
    name!.dispatchEvent(new Event('input'))
    department!.value = '办公室'
    department!.dispatchEvent(new Event('input'))
    await flushPromises()
    button.click()
    await eventually(async () => expect(await getIdentity(storage.db)).not.toBeNull())
    const identity = await getIdentity(storage.db)
    const [office] = await storage.departments.list()
    expect(office).toMatchObject({ name: '办公室', updatedBy: '王芳' })
    // The user is a person commitments can be assigned to; the identity names that person by id.
    const [person] = await storage.people.list()
    expect(person).toMatchObject({ name: '王芳', departmentId: office!.id })
    expect(identity).toEqual({ personId: person!.id, name: '王芳', departmentId: office!.id })
    // Department, person and identity are one batch.
    const batches = new Set((await storage.db.audit.toArray()).map((r) => r.batch))
    expect(batches.size).toBe(1)
  })

  it('says at the field that a name or department is too long, with the limit, and stores nothing', async () => {
    const { storage } = await mountWithApp(App)
    await eventually(() => expect(document.querySelector('[data-testid="identity-dialog"]')?.textContent).toContain('首次使用'))
    const [name, department] = [...document.querySelectorAll<HTMLInputElement>('[data-testid="identity-dialog"] input')]
    name!.value = '王'.repeat(41)
    name!.dispatchEvent(new Event('input'))
    department!.value = '办'.repeat(600)
    department!.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid="identity-dialog"] .el-dialog__footer button')!.click()
    const errors = () => [...document.querySelectorAll('[data-testid="identity-dialog"] .el-form-item__error')].map((e) => e.textContent?.trim())
    await eventually(() => expect(errors()).toEqual(['不能超过40字（现为41字）', '不能超过40字（现为600字）']))
    expect(await getIdentity(storage.db)).toBeNull()
    expect(await storage.db.audit.count()).toBe(0)
  })
})
