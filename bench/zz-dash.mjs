import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findChromium } from '../tests/e2e/support/chromium.mjs'
import { createRequire } from 'node:module'
const { SourceMapConsumer } = createRequire(import.meta.url)('source-map-js')
const maps = new Map()
function original(url, line, column) {
  const file = url.split('/').pop()
  if (!file.endsWith('.js')) return file
  if (!maps.has(file)) { try { maps.set(file, new SourceMapConsumer(readFileSync('dist/assets/' + file + '.map', 'utf8'))) } catch { maps.set(file, null) } }
  const m = maps.get(file); if (!m) return file
  const o = m.originalPositionFor({ line: line + 1, column })
  return (o.source || file).replace(/.*node_modules\//, '').replace(/^\.\.\/\.\.\//, '').replace(/^((?:@[^/]+\/)?[^/]+\/(?:es\/|dist\/|lib\/)?(?:components\/|hooks\/|utils\/)?[^/]+).*/, '$1')
}
const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } })
const base = `http://127.0.0.1:${server.httpServer.address().port}/`
const profileDir = process.env.PROFILE_DIR || await mkdtemp(join(tmpdir(), 'pace-prof-'))
const opts = { executablePath: findChromium(), args: ['--no-sandbox'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 412, height: 823 } }
if (!process.env.PROFILE_DIR && !process.env.FRESH) {
  const context = await chromium.launchPersistentContext(profileDir, opts)
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(base)
  const dialog = page.getByTestId('identity-dialog')
  await dialog.getByRole('textbox').first().fill('王芳')
  await dialog.getByRole('textbox').nth(1).fill('办公室')
  await dialog.getByRole('button').last().click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByTestId('load-example').click()
  await page.getByTestId('plan-outline').waitFor({ timeout: 120_000 })
  await context.close()
  console.log('PROFILE_DIR', profileDir)
}
const context = await chromium.launchPersistentContext(profileDir, opts)
const browser = context.browser()
const page = context.pages()[0] ?? (await context.newPage())
await page.goto('about:blank')
const cdp = await context.newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE || 4) })
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' })
await cdp.send('Profiler.start')
await page.goto(base + (process.argv[2] ?? '#/dashboard'))
await page.waitForLoadState('networkidle')
await page.waitForTimeout(4000)
const { profile } = await cdp.send('Profiler.stop')
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
await cdp.send('Tracing.end')
const { stream } = await done
let text = ''; for (;;) { const c = await cdp.send('IO.read', { handle: stream }); text += c.data; if (c.eof) break }
await context.close(); server.httpServer.close()
const events = JSON.parse(text).traceEvents ?? JSON.parse(text)
const mainTid = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 50000))
const tasks = events.filter((e) => e.name === 'RunTask' && e.dur > 50000 && e.tid === mainTid.tid && e.pid === mainTid.pid)
const byId = new Map(profile.nodes.map((n) => [n.id, n])); const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id)
const times = []; let t = profile.startTime; for (let i = 0; i < profile.samples.length; i++) { t += profile.timeDeltas[i]; times.push(t) }
let tbt = 0
for (const task of tasks) {
  tbt += task.dur / 1000 - 50
  const parts = new Map()
  for (let i = 0; i < times.length; i++) { if (times[i] < task.ts || times[i] > task.ts + task.dur) continue
    const n = byId.get(profile.samples[i]); let id = n.id; const chain = []
    while (id) { const f = byId.get(id).callFrame; if (f.url) chain.push(original(f.url, f.lineNumber, f.columnNumber)); id = parent.get(id) }
    const key = (chain.slice(0, Number(process.env.DEPTH || 2)).join(' < ') || n.callFrame.functionName)
    parts.set(key, (parts.get(key) || 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000) }
  console.log(`\ntask +${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms`)
  console.log([...parts].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 8)).map(([k, v]) => `  ${v.toFixed(0)} ${k}`).join('\n'))
}
console.log('TBT (4x, real)', tbt.toFixed(0))
