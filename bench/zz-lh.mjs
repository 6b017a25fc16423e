import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readFile } from 'node:fs/promises'
import { preview } from 'vite'
import { findChromium } from '../tests/e2e/support/chromium.mjs'
const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } })
const base = `http://127.0.0.1:${server.httpServer.address().port}/`
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', ...(process.env.PROFILE ? [`--user-data-dir=${process.env.PROFILE}`] : [])]
const args = ['-y', 'lighthouse@13.5.0', base + (process.argv[2] || ''), '--quiet', '--output=json', '--output-path=/tmp/prof/lh.json', `--chrome-flags=${flags.join(' ')}`, '--only-categories=performance']
if (process.env.PROFILE) args.push('--disable-storage-reset')
await promisify(execFile)('npx', args, { env: { ...process.env, CHROME_PATH: findChromium() }, maxBuffer: 64 << 20 })
server.httpServer.close()
const r = JSON.parse(await readFile('/tmp/prof/lh.json', 'utf8'))
const a = r.audits
console.log('perf', r.categories.performance.score, 'TBT', a['total-blocking-time'].numericValue, 'FCP', a['first-contentful-paint'].numericValue, 'LCP', a['largest-contentful-paint'].numericValue, 'SI', a['speed-index'].numericValue, 'CLS', a['cumulative-layout-shift'].numericValue)
for (const id of ['mainthread-work-breakdown', 'bootup-time', 'long-tasks', 'render-blocking-insight', 'largest-contentful-paint-element', 'lcp-breakdown-insight', 'network-dependency-tree-insight']) {
  const d = a[id]?.details; if (!d) continue
  console.log('\n#', id, a[id].displayValue || '')
  const items = d.items || []
  for (const it of items.slice(0, 14)) console.log(' ', JSON.stringify(it).slice(0, 300))
}
