import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, useTemplateRef } from 'vue'
import { mount } from '@vue/test-utils'
import { useNearViewport } from '@/composables/use-near-viewport'
import { fakeViewport } from '../support/viewport'

let viewport: ReturnType<typeof fakeViewport>
afterEach(() => viewport.restore())

function mountProbe() {
  let result!: ReturnType<typeof useNearViewport>
  const Probe = defineComponent({
    setup() {
      result = useNearViewport(useTemplateRef<HTMLElement>('box'))
      return () => h('div', { ref: 'box' })
    },
  })
  const wrapper = mount(Probe)
  return { wrapper, result }
}

describe('useNearViewport', () => {
  it('is false out of sight and becomes true, for good, when the element comes near the screen', () => {
    viewport = fakeViewport()
    const { result } = mountProbe()
    expect(result.near.value).toBe(false)
    expect(viewport.watched()).toBe(1)
    viewport.enter()
    expect(result.near.value).toBe(true)
    expect(viewport.watched()).toBe(0)
  })

  it('becomes true when printing starts, and at once when the page is printing already', () => {
    viewport = fakeViewport()
    const { result } = mountProbe()
    viewport.print()
    expect(result.near.value).toBe(true)
    expect(mountProbe().result.near.value).toBe(true)
  })

  it('becomes true on demand, and stops watching', () => {
    viewport = fakeViewport()
    const { result } = mountProbe()
    result.now()
    expect(result.near.value).toBe(true)
    expect(viewport.watched()).toBe(0)
  })

  it('stops watching when its component goes', () => {
    viewport = fakeViewport()
    const { wrapper, result } = mountProbe()
    wrapper.unmount()
    expect(viewport.watched()).toBe(0)
    expect(result.near.value).toBe(false)
  })
})
