import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createRouter, createWebHashHistory } from 'vue-router'
import { followEarlyAddressChanges } from '@/router'

const view = { render: () => null }
const hashChanged = () => new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }))

describe('an address changed while the first screen is still loading', () => {
  afterEach(() => window.history.replaceState(null, '', '/'))

  it.each([
    ['is opened once the router is ready', true, '/settings'],
    ['is lost without it (what vue-router does alone)', false, '/log'],
  ])('%s', async (_name, follow, expected) => {
    window.history.replaceState(null, '', '/#/log')
    let arrive = () => {}
    const logLoaded = new Promise<typeof view>((resolve) => (arrive = () => resolve(view)))
    const router = createRouter({
      history: createWebHashHistory(),
      routes: [
        { path: '/log', component: () => logLoaded },
        { path: '/settings', component: view },
      ],
    })
    if (follow) followEarlyAddressChanges(router)
    const first = router.push(router.options.history.location)
    const changed = hashChanged()
    window.location.hash = '#/settings'
    await changed
    arrive()
    await first
    await router.isReady()
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe(expected)
    expect(window.location.hash).toBe(`#${expected}`)
  })
})
