import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { findChromium } from '/work/main/tests/e2e/support/chromium.mjs'
process.chdir('/work/main')
const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } })
const base = `http://127.0.0.1:${server.httpServer.address().port}/`
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] })
const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 } })
const page = await ctx.newPage()
const cdp = await ctx.newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration), JSON.stringify(e.attribution?.map(a=>a.containerSrc||a.name))]) }).observe({ type: 'longtask', buffered: true }) })
await cdp.send('Profiler.start')
await page.goto(base + (process.argv[2] || ''))
await page.waitForLoadState('networkidle')
await page.waitForTimeout(3000)
const { profile } = await cdp.send('Profiler.stop')
console.log('longtasks', JSON.stringify(await page.evaluate(() => window.__lt)))
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map()
const dt = profile.timeDeltas
for (let i = 0; i < profile.samples.length; i++) { const n = byId.get(profile.samples[i]); const f = n.callFrame; const key = `${(f.url.split('/').pop()||'(native)')} ${f.functionName||'(anon)'}:${f.lineNumber}`; self.set(key, (self.get(key) || 0) + (dt[i+1] ?? 0) / 1000) }
const byFile = new Map()
for (const [k, v] of self) { const f = k.split(' ')[0]; byFile.set(f, (byFile.get(f) || 0) + v) }
console.log('by file', [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${v.toFixed(0)} ${k}`).join('\n'))
console.log('by fn', [...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(0)} ${k}`).join('\n'))

const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id)
let t = profile.startTime, cluster = null; const clusters = []
for (let i = 0; i < profile.samples.length; i++) { t += dt[i]; const n = byId.get(profile.samples[i]); const idle = n.callFrame.functionName === '(idle)'
  if (!idle) { if (!cluster || t - cluster.end > 3000) { cluster = { start: t, end: t, parts: new Map() }; clusters.push(cluster) } cluster.end = t
    let id = n.id, name = n.callFrame.functionName; let chain = []; while (id) { const f = byId.get(id).callFrame; if (f.url) chain.push(f.url.split('/').pop() + ':' + (f.functionName||'anon')); id = parent.get(id) }
    const key = chain.length ? chain[chain.length - 1] + ' > ' + (chain[0]) : name; cluster.parts.set(key, (cluster.parts.get(key) || 0) + (dt[i+1] ?? 0) / 1000) } }
for (const c of clusters) { const d = (c.end - c.start) / 1000; if (d < 40) continue; console.log(`\n@${((c.start - profile.startTime)/1000).toFixed(0)} ms, ${d.toFixed(0)} ms`); console.log([...c.parts].sort((a,b)=>b[1]-a[1]).slice(0, 12).map(([k,v])=>`  ${v.toFixed(0)} ${k}`).join('\n')) }
await browser.close(); server.httpServer.close()
