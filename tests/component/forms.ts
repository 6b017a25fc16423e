import { flushPromises } from '@vue/test-utils'
import type { Component } from 'vue'
import { identityChange, type PlanRecord } from '@/db'
import type { Commitment } from '@/domain'
import { mountWithApp } from './mount-app'

/**
 * Lets pending work run: Vue's updates, and the IndexedDB requests (fake-indexeddb answers on later macrotasks)
 * and liveQuery results they lead to. It counts turns of the event loop, never time, so a busy machine changes
 * nothing. What a test then expects of the screen or of storage it still waits for with `vi.waitFor`.
 */
export async function settle() {
  for (let i = 0; i < 25; i++) await flushPromises()
}

export const PLAN: PlanRecord = {
  id: 'plan-2025',
  name: '2025年工作谋划',
  organisation: '市委政研室',
  window: { start: '2025-01-01', end: '2025-12-31' },
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: '王芳',
  deletedAt: null,
}

/**
 * Mounts a form dialog closed, names the user and stores the 2025 plan (and the commitments given, which entries
 * count toward), then opens it: the state a coordinator is in when the dialog opens.
 */
export async function mountForm(component: Component, props: Record<string, unknown>, { planProp = true, openProp = true, commitments = [] as readonly Commitment[] } = {}) {
  const app = await mountWithApp(component, { props: { ...(openProp ? { open: false } : {}), ...(planProp ? { plan: PLAN } : {}), ...props } })
  await app.storage.write(identityChange({ name: '王芳', department: '' }), { actor: '王芳' })
  const { updatedAt: _u, updatedBy: _b, deletedAt: _d, ...plan } = PLAN
  await app.storage.write({ writes: [{ table: 'plans', row: plan }, ...commitments.map((row) => ({ table: 'commitments' as const, row }))] }, { actor: '王芳' })
  if (openProp) await app.wrapper.setProps({ open: true })
  await settle()
  return app
}

/** The dialog's visible text (Element Plus teleports dialogs to the body). */
export const dialogText = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? ''

/** The error shown at the form item that contains the element with this test id. */
export function fieldError(testId: string): string {
  const item = document.querySelector(`[data-testid="${testId}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

export async function click(testId: string) {
  document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!.click()
  await settle()
}

export async function type(testId: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`)!
  input.value = value
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
  await settle()
}

