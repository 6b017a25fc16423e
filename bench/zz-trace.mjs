import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { readFileSync } from 'node:fs'
import { findChromium } from '../tests/e2e/support/chromium.mjs'
const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } })
const base = `http://127.0.0.1:${server.httpServer.address().port}/`
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] })
const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 } })
const page = await ctx.newPage()
const cdp = await ctx.newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE || 4) })
await browser.startTracing(page, { path: '/tmp/prof/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] })
await page.goto(base + (process.argv[2] || ''))
await page.waitForLoadState('networkidle')
await page.waitForTimeout(3000)
await browser.stopTracing()
await browser.close(); server.httpServer.close()
const events = JSON.parse(readFileSync('/tmp/prof/trace.json', 'utf8')).traceEvents
const main = events.filter((e) => e.name === 'RunTask' && e.dur > 50000)
const t0 = Math.min(...events.filter((e) => e.name === 'navigationStart' || e.name==='TracingStartedInBrowser').map((e) => e.ts))
let tbt = 0
for (const task of main) {
  tbt += task.dur / 1000 - 50
  const inside = events.filter((e) => e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur || 0) <= task.ts + task.dur && e.dur && e !== task)
  const parts = new Map()
  for (const e of inside) { let key = e.name; if (['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'ParseHTML', 'ParseAuthorStyleSheet'].includes(e.name)) key += ' ' + String(e.args?.data?.url || e.args?.data?.functionName || e.args?.fileName || '').split('/').pop(); parts.set(key, (parts.get(key) || 0) + e.dur / 1000) }
  console.log(`\ntask @${((task.ts - t0) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms`)
  console.log([...parts].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `  ${v.toFixed(0)} ${k}`).join('\n'))
}
console.log('TBT-ish', tbt.toFixed(0))
