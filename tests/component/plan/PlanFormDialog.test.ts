import { describe, expect, it, vi } from 'vitest'
import PlanFormDialog from '@/components/plan/PlanFormDialog.vue'
import { click, fieldError, mountForm, type } from '../forms'

describe('the plan form', () => {
  it('creates a plan for this year by default', async () => {
    const { storage } = await mountForm(PlanFormDialog, { plan: null }, { planProp: false })
    await type('plan-name', '2026年工作要点')
    await click('save-plan')
    const plans = (await storage.plans.list()).map((p) => p.name)
    expect(plans).toContain('2026年工作要点')
  })

  it('refuses an empty name at the field', async () => {
    const { storage } = await mountForm(PlanFormDialog, { plan: null }, { planProp: false })
    await type('plan-name', '  ')
    await click('save-plan')
    await vi.waitFor(() => expect(fieldError('plan-name')).toContain('不能为空'))
    expect((await storage.plans.list()).map((p) => p.name)).toEqual(['2025年工作谋划'])
  })

  it('refuses a pasted document as the name, naming the limit, and changes nothing stored', async () => {
    const { storage } = await mountForm(PlanFormDialog, { plan: null }, { planProp: false })
    const before = await storage.plans.list()
    await type('plan-name', '工作要点'.repeat(1000))
    await click('save-plan')
    await vi.waitFor(() => expect(fieldError('plan-name')).toContain('不能超过500字（现为4,000字）'))
    expect(await storage.plans.list()).toEqual(before)
  })
})
