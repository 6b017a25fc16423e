import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { installWorkspaceSync, trackNavigations, workspaceFromQuery, workspaceQuery, type Workspace } from '@/router/workspace'

/** The store's part the sync needs: choosing another plan forgets the date travelled to. */
function fakeWorkspace(initial: { currentId: string | null; chosenAsOf: string | null }): Workspace {
  const state = reactive({ ...initial })
  return {
    get currentId() {
      return state.currentId
    },
    get chosenAsOf() {
      return state.chosenAsOf
    },
    choose(id) {
      if (id !== state.currentId) state.chosenAsOf = null
      state.currentId = id
    },
    chooseAsOf(date) {
      state.chosenAsOf = date
    },
  }
}

const view = { render: () => null }
/** A screen whose code arrives when the test says so, as a lazy route's chunk does over the network. */
function slowScreen() {
  let arrive = () => {}
  const loaded = new Promise<typeof view>((resolve) => (arrive = () => resolve(view)))
  return { component: () => loaded, arrive: () => arrive() }
}
function appRouter(slow: Record<string, ReturnType<typeof slowScreen>> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: view },
      { path: '/dashboard', component: slow.dashboard?.component ?? view, meta: { workspace: 'plan' } },
      { path: '/log', component: slow.log?.component ?? view, meta: { workspace: 'plan' } },
      { path: '/settings', component: slow.settings?.component ?? view },
      { path: '/plans/:planId', component: view, meta: { workspace: 'asOf' } },
    ],
  })
  trackNavigations(router)
  return router
}
async function app(workspace: Workspace, start: string) {
  const router = appRouter()
  await router.push(start)
  installWorkspaceSync(router, workspace)
  await settled()
  return router
}
/** Lets the navigations the sync started finish (they are turns of the event loop, not time). */
const settled = () => new Promise((resolve) => setImmediate(resolve))
const query = (router: Awaited<ReturnType<typeof app>>) => router.currentRoute.value.query

describe('the workspace in the URL', () => {
  it.each([
    ['nothing', {}, { plan: undefined, asOf: undefined }],
    ['a plan and a date', { plan: 'p1', asOf: '2025-06-30' }, { plan: 'p1', asOf: '2025-06-30' }],
    ['an impossible date (read as the default)', { plan: 'p1', asOf: '2025-02-30' }, { plan: 'p1', asOf: null }],
    ['blanks', { plan: ' ', asOf: '' }, { plan: undefined, asOf: undefined }],
  ])('reads %s', (_name, given, expected) => {
    expect(workspaceFromQuery(given)).toEqual(expected)
  })

  it.each([
    ['a plan screen keeps other filters and adds plan and date', { section: 's1' }, 'plan' as const, { currentId: 'p1', chosenAsOf: '2025-06-30' }, { section: 's1', plan: 'p1', asOf: '2025-06-30' }],
    ['the default date is left out', { asOf: '2025-06-30' }, 'plan' as const, { currentId: 'p1', chosenAsOf: null }, { plan: 'p1' }],
    ['a screen whose plan is in its path carries the date only', { plan: 'p9' }, 'asOf' as const, { currentId: 'p1', chosenAsOf: '2025-06-30' }, { asOf: '2025-06-30' }],
    ['before the plans load, the URL’s plan stays', { plan: 'p9' }, 'plan' as const, { currentId: null, chosenAsOf: null }, { plan: 'p9' }],
  ])('writes: %s', (_name, given, meta, workspace, expected) => {
    expect(workspaceQuery(given, meta, workspace)).toEqual(expected)
  })

  it('carries the plan and date chosen on one screen to the next', async () => {
    const workspace = fakeWorkspace({ currentId: 'p1', chosenAsOf: null })
    const router = await app(workspace, '/plans/p2?asOf=2025-06-30')
    expect([workspace.currentId, workspace.chosenAsOf]).toEqual(['p2', '2025-06-30'])
    await router.push('/dashboard')
    expect(query(router)).toEqual({ plan: 'p2', asOf: '2025-06-30' })
    await router.push('/log')
    expect(query(router)).toEqual({ plan: 'p2', asOf: '2025-06-30' })
    // Carrying the workspace into a link does not overwrite the screen left: back returns to it.
    router.back()
    await settled()
    expect(router.currentRoute.value.path).toBe('/dashboard')
  })

  it('adopts what a link names, and a choice made in the store rewrites the screen’s URL', async () => {
    const workspace = fakeWorkspace({ currentId: 'p1', chosenAsOf: null })
    const router = await app(workspace, '/dashboard?plan=p3&section=s1')
    expect(workspace.currentId).toBe('p3')
    expect(query(router)).toEqual({ plan: 'p3', section: 's1' })
    workspace.chooseAsOf('2025-03-31')
    await nextTick()
    await settled()
    expect(query(router)).toEqual({ plan: 'p3', section: 's1', asOf: '2025-03-31' })
  })

  it('reads a date left out of the same screen’s URL as the default (clearing the filters)', async () => {
    const workspace = fakeWorkspace({ currentId: 'p1', chosenAsOf: null })
    const router = await app(workspace, '/dashboard?asOf=2025-03-31')
    expect(workspace.chosenAsOf).toBe('2025-03-31')
    expect(await router.replace({ query: { plan: 'p1' } })).toBeUndefined()
    expect(workspace.chosenAsOf).toBeNull()
    expect(query(router)).toEqual({ plan: 'p1' })
  })

  it('forgets the date of another plan when a screen names a new plan', async () => {
    const workspace = fakeWorkspace({ currentId: 'p1', chosenAsOf: '2025-03-31' })
    const router = await app(workspace, '/')
    await router.push('/plans/p2')
    expect([workspace.currentId, workspace.chosenAsOf]).toEqual(['p2', null])
    expect(query(router)).toEqual({})
  })

  describe('never takes the user back from a screen still opening', () => {
    it('when the sync starts (the database opened) in the middle of it', async () => {
      const settings = slowScreen()
      const router = appRouter({ settings })
      await router.push('/log')
      const opening = router.push('/settings')
      await settled()
      installWorkspaceSync(router, fakeWorkspace({ currentId: 'p1', chosenAsOf: null }))
      await settled()
      settings.arrive()
      await opening
      await settled()
      expect(router.currentRoute.value.fullPath).toBe('/settings')
    })

    it('when the plans load after an earlier navigation was cancelled by it', async () => {
      const log = slowScreen()
      const settings = slowScreen()
      const workspace = fakeWorkspace({ currentId: null, chosenAsOf: null })
      const router = appRouter({ log, settings })
      await router.push('/dashboard')
      installWorkspaceSync(router, workspace)
      const cancelled = router.push('/log')
      await settled()
      const opening = router.push('/settings')
      await settled()
      log.arrive()
      await cancelled
      workspace.choose('p1')
      await nextTick()
      await settled()
      settings.arrive()
      await opening
      await settled()
      expect(router.currentRoute.value.fullPath).toBe('/settings')
    })

    it('and a screen that was opening when the sync started still adopts and carries the workspace', async () => {
      const dashboard = slowScreen()
      const workspace = fakeWorkspace({ currentId: 'p1', chosenAsOf: null })
      const router = appRouter({ dashboard })
      const opening = router.push('/dashboard?plan=p3')
      await settled()
      installWorkspaceSync(router, workspace)
      dashboard.arrive()
      await opening
      await settled()
      expect(workspace.currentId).toBe('p3')
      workspace.chooseAsOf('2025-03-31')
      await nextTick()
      await settled()
      expect(query(router)).toEqual({ plan: 'p3', asOf: '2025-03-31' })
    })
  })
})
