import { describe, expect, it } from 'vitest'
import DateField from '@/components/form/DateField.vue'
import { mountWithApp } from '../mount-app'
import { settle } from '../forms'

async function typeDate(text: string) {
  const input = document.querySelector<HTMLInputElement>('.el-date-editor input')!
  input.focus()
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await settle()
}

describe('the date field', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-04-31', '2025-2-30'])('refuses the typed day that does not exist, %s, keeping the date it had', async (text) => {
    const { wrapper } = await mountWithApp(DateField, { props: { modelValue: '2025-03-12' } })
    await typeDate(text)
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    expect(wrapper.emitted('change')).toBeUndefined()
    expect(wrapper.get('[data-testid="date-refused"]').text()).toBe(`“${text}”这一天不存在，未采用，请重新选择日期`)
    wrapper.unmount()
  })

  it('takes a real typed date, and clears the refusal', async () => {
    const { wrapper } = await mountWithApp(DateField, { props: { modelValue: '2025-03-12' } })
    await typeDate('2025-02-29')
    await typeDate('2025-02-28')
    expect(wrapper.emitted('update:modelValue')).toEqual([['2025-02-28']])
    expect(wrapper.find('[data-testid="date-refused"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
