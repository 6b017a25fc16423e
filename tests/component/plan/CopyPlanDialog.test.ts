import { describe, expect, it } from 'vitest'
import CopyPlanDialog from '@/components/plan/CopyPlanDialog.vue'
import { mountWithApp } from '../mount-app'
import { PLAN, settle } from '../forms'

describe('copying a plan to next year', () => {
  it('opens with next year\'s dates even when it is mounted already open (as the plan list does)', async () => {
    await mountWithApp(CopyPlanDialog, { props: { open: true, plan: PLAN } })
    await settle()
    const dates = [...document.querySelectorAll<HTMLInputElement>('[data-testid="copy-plan-dialog"] input')].map((input) => input.value)
    expect(dates).toEqual(['2026-01-01', '2026-12-31'])
  })
})
