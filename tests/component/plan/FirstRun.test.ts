import { afterEach, describe, expect, it, vi } from 'vitest'
import FirstRun from '@/components/plan/FirstRun.vue'
import { mountWithApp } from '../mount-app'

/** The example's 截至 date on a new device's first screen: a native date field that takes only days it can run to. */
describe('the first-run example date', () => {
  afterEach(() => vi.useRealTimers())

  it.each([
    { typed: '2025-06-30', kept: '2025-06-30', why: 'a day inside the plan, before today' },
    { typed: '2026-01-05', kept: '2025-09-30', why: 'after the plan (and today): not taken' },
    { typed: '2024-12-31', kept: '2025-09-30', why: 'before the plan: not taken' },
    { typed: '', kept: '2025-09-30', why: 'emptied: not taken' },
  ])('$typed: $why', async ({ typed, kept }) => {
    vi.useFakeTimers({ now: new Date('2025-10-15T02:00:00Z'), toFake: ['Date'] })
    const { wrapper } = await mountWithApp(FirstRun)
    const input = wrapper.get<HTMLInputElement>('[data-testid="example-as-of"] input')
    expect(input.element.value).toBe('2025-09-30')
    expect([input.attributes('min'), input.attributes('max')]).toEqual(['2025-01-01', '2025-10-15'])
    await input.setValue(typed)
    expect(input.element.value).toBe(kept)
  })
})
