import { watch } from 'vue'
import { START_LOCATION, type LocationQuery, type RouteLocationNormalized, type Router } from 'vue-router'
import { isCalendarDate, type CalendarDate, type Id } from '@/domain'

/**
 * The plan the user works in and the 截至 date they look at live in one place (the plans store) and are
 * reflected in the URL here, and only here, so a choice made on one screen carries to the next and a bookmark
 * or a shared link opens the same view.
 *
 * - A screen with `meta.workspace: 'plan'` carries both as `?plan=&asOf=`; one with `'asOf'` (its plan is in
 *   its path) carries the date only.
 * - Arriving from another screen, what the URL names is adopted and what it leaves out is carried over from
 *   the store. Within one screen the URL is the truth: a query without `asOf` means the default date.
 * - A choice made in the store (a select, the 截至 control) rewrites the current screen's query.
 */

export type WorkspaceMeta = 'plan' | 'asOf'

declare module 'vue-router' {
  interface RouteMeta {
    /** What of the workspace (current plan, 截至 date) this screen's URL carries. */
    workspace?: WorkspaceMeta
  }
}

/** What the sync needs of the plans store. */
export interface Workspace {
  readonly currentId: Id | null
  readonly chosenAsOf: CalendarDate | null
  choose(id: Id): void
  chooseAsOf(date: CalendarDate | null): void
}

const single = (value: LocationQuery[string] | undefined) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)

/** The workspace as a screen's URL names it: undefined where the URL says nothing. */
export function workspaceFromQuery(query: LocationQuery): { plan: Id | undefined; asOf: CalendarDate | null | undefined } {
  const plan = single(query.plan)
  const asOf = single(query.asOf)
  return { plan: plan ?? undefined, asOf: asOf === null ? undefined : isCalendarDate(asOf) ? asOf : null }
}

/** The query a screen should carry: the other keys as they are, the workspace's as the store has them. */
export function workspaceQuery(query: LocationQuery, meta: WorkspaceMeta, workspace: Pick<Workspace, 'currentId' | 'chosenAsOf'>): LocationQuery {
  const { plan: _plan, asOf: _asOf, ...rest } = query
  return {
    ...rest,
    // Before the plans have loaded the store has no current plan yet: keep what the URL names.
    ...(meta === 'plan' && (workspace.currentId ?? _plan) ? { plan: workspace.currentId ?? _plan } : {}),
    ...(workspace.chosenAsOf ? { asOf: workspace.chosenAsOf } : {}),
  }
}

const sameQuery = (a: LocationQuery, b: LocationQuery) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null))
}

function adopt(to: RouteLocationNormalized, from: RouteLocationNormalized, workspace: Workspace) {
  const named = workspaceFromQuery(to.query)
  const planId = typeof to.params.planId === 'string' ? to.params.planId : named.plan
  if (planId) workspace.choose(planId)
  const sameScreen = to.path === from.path && from.matched.length > 0
  if (named.asOf !== undefined) workspace.chooseAsOf(named.asOf)
  else if (sameScreen && to.meta.workspace) workspace.chooseAsOf(null)
}

const navigations = new WeakMap<Router, { to: RouteLocationNormalized | null }>()

/**
 * Follows the router's navigations from its first, so that code installed later (the workspace sync starts when
 * the database opens) knows whether one is under way: a new navigation, such as a query rewritten, would cancel
 * it and take the user back to the screen they were leaving. Call once, before the router is installed.
 */
export function trackNavigations(router: Router): void {
  const state: { to: RouteLocationNormalized | null } = { to: null }
  navigations.set(router, state)
  router.beforeEach((to) => {
    state.to = to
  })
  // The end of a navigation cancelled by a newer one says nothing of the newer one.
  const ended = (to: RouteLocationNormalized) => {
    if (state.to === to) state.to = null
  }
  router.afterEach(ended)
  router.onError((_error, to) => ended(to))
}

function navigationUnderWay(router: Router): () => boolean {
  const state = navigations.get(router)
  if (!state) throw new Error('trackNavigations(router) must be called when the router is created')
  return () => state.to !== null
}

/**
 * Keeps the store and the URL in step from now on, starting with the screen already open; returns a function
 * that stops it. While a navigation runs, the URL is left alone: its guard here puts the store's state into its
 * target (a navigation that began before the sync did is adopted when it ends), and the URL is brought in step
 * once it has.
 */
export function installWorkspaceSync(router: Router, workspace: Workspace): () => void {
  const underWay = navigationUnderWay(router)
  const reflect = () => {
    if (underWay()) return
    const route = router.currentRoute.value
    const meta = route.meta.workspace
    if (!meta) return
    const query = workspaceQuery(route.query, meta, workspace)
    if (!sameQuery(query, route.query)) void router.replace({ query })
  }
  if (!underWay()) adopt(router.currentRoute.value, START_LOCATION, workspace)
  reflect()
  const guarded = new WeakSet<RouteLocationNormalized>()
  const removeGuard = router.beforeEach((to, from) => {
    guarded.add(to)
    adopt(to, from, workspace)
    const meta = to.meta.workspace
    if (!meta) return
    const query = workspaceQuery(to.query, meta, workspace)
    // A redirect keeps the navigation's own push or replace: forcing replace would overwrite the screen left.
    return sameQuery(query, to.query) ? undefined : { path: to.path, query, hash: to.hash }
  })
  const removeAfter = router.afterEach((to, from, failure) => {
    if (!failure && !guarded.has(to)) adopt(to, from, workspace)
    reflect()
  })
  const stopWatch = watch(() => [workspace.currentId, workspace.chosenAsOf], reflect)
  return () => {
    removeGuard()
    removeAfter()
    stopWatch()
  }
}
