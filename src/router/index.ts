import type { Component } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import { ensureNamespace, IMPORT_MESSAGES, REVIEW_MESSAGES, type NamespaceLoader } from '@/i18n/namespaces'
import { trackNavigations } from './workspace'
import { DataAnalysis, EditPen, House, List, Notebook, OfficeBuilding, Setting } from '@element-plus/icons-vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the navigation label; routes without it stay out of the navigation. */
    navKey?: string
    /** Icon shown beside the label in the navigation. */
    navIcon?: Component
    /** Takes the whole window: no header or navigation (the big screen). */
    bare?: boolean
    /** Messages only this screen uses, loaded before it opens. */
    messages?: NamespaceLoader
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { navKey: 'nav.home', navIcon: House } },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('@/views/DashboardView.vue'),
    meta: { navKey: 'nav.dashboard', navIcon: DataAnalysis, workspace: 'plan' },
  },
  { path: '/dashboard/screen', name: 'dashboard-screen', component: () => import('@/views/DashboardScreenView.vue'), meta: { bare: true, workspace: 'plan' } },
  {
    path: '/plans',
    name: 'plans',
    component: () => import('@/views/PlansView.vue'),
    meta: { navKey: 'nav.plans', navIcon: List },
  },
  { path: '/import', name: 'import', component: () => import('@/views/ImportView.vue'), meta: { messages: IMPORT_MESSAGES } },
  { path: '/plans/:planId', name: 'plan', component: () => import('@/views/PlanView.vue'), meta: { workspace: 'asOf' } },
  { path: '/commitments/:commitmentId', name: 'commitment', component: () => import('@/views/CommitmentView.vue'), meta: { workspace: 'asOf' } },
  {
    path: '/reviews',
    name: 'reviews',
    component: () => import('@/views/ReviewsView.vue'),
    meta: { navKey: 'nav.reviews', navIcon: Notebook, messages: REVIEW_MESSAGES, workspace: 'plan' },
  },
  { path: '/reviews/compare', name: 'review-compare', component: () => import('@/views/ReviewCompareView.vue'), meta: { messages: REVIEW_MESSAGES } },
  { path: '/reviews/:reviewId', name: 'review', component: () => import('@/views/ReviewView.vue'), meta: { messages: REVIEW_MESSAGES } },
  {
    path: '/log',
    name: 'log',
    component: () => import('@/views/LogView.vue'),
    meta: { navKey: 'nav.log', navIcon: EditPen, workspace: 'plan' },
  },
  { path: '/log/batch', name: 'batch-entry', component: () => import('@/views/BatchEntryView.vue'), meta: { workspace: 'plan' } },
  {
    path: '/directory',
    name: 'directory',
    component: () => import('@/views/DirectoryView.vue'),
    meta: { navKey: 'nav.directory', navIcon: OfficeBuilding },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/SettingsView.vue'),
    meta: { navKey: 'nav.settings', navIcon: Setting },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
]

/**
 * Hash history: Pace is deployed as static files on intranet servers we do not configure, often in a sub-folder;
 * hash URLs need no server rewrite rule and keep working from the service worker cache.
 */
export function createAppRouter(i18n?: Parameters<typeof ensureNamespace>[0], history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({ history, routes })
  trackNavigations(router)
  if (i18n) installMessageLoading(router, i18n)
  return router
}

/** Loads a screen's own messages (`meta.messages`) before the screen opens. */
function installMessageLoading(router: Router, i18n: Parameters<typeof ensureNamespace>[0]) {
  router.beforeResolve(async (to) => {
    for (const record of to.matched) if (record.meta.messages) await ensureNamespace(i18n, record.meta.messages)
  })
}

/**
 * vue-router follows the address bar only once its first navigation has ended (the first screen's code loaded):
 * an address changed before then (a bookmark or a typed address opened while the app is still loading on a slow
 * phone) would be lost, and that first navigation writes its own address over it. Call before the router is
 * installed; the latest such address is opened once the router is ready.
 */
export function followEarlyAddressChanges(router: Router, target: Window = window): void {
  let latest: string | null = null
  const note = () => {
    latest = target.location.hash.slice(1) || '/'
  }
  const stop = () => target.removeEventListener('hashchange', note)
  target.addEventListener('hashchange', note)
  router.isReady().then(() => {
    stop()
    if (latest !== null && latest !== router.currentRoute.value.fullPath) void router.replace(latest)
  }, stop)
}
