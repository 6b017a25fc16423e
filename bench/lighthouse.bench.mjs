// Lighthouse (mobile preset: a mid-range phone, 4× CPU slowdown, slow 4G, simulated) on the built app served by
// `vite preview`, in Debian's Chromium (#19): the home page on a fresh profile, and the dashboard route with the
// example plan loaded first into a profile of its own (kept between runs: its service worker too). Lighthouse comes
// from the npm registry through npx (pinned), not from package.json: it is large and only this bench needs it.
// Goals: performance ≥ 0.9, TBT ≤ 200 ms, accessibility 1.0; SEO audits that apply to an intranet app.
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { findChromium } from '../tests/e2e/support/chromium.mjs'
import { median } from './load-ts.mjs'

export const name = 'Lighthouse, mobile (Chromium)'

const LIGHTHOUSE = 'lighthouse@13.5.0'
const RUNS = 3
// robots.txt asks crawlers to keep out (an intranet app): is-crawlable fails by design and is not counted here.
const NOT_APPLICABLE = new Set(['is-crawlable'])

async function lighthouse(url, chrome, profile) {
  const dir = await mkdtemp(join(tmpdir(), 'pace-lh-'))
  const output = join(dir, 'report.json')
  const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', ...(profile ? [`--user-data-dir=${profile}`] : [])]
  const args = ['-y', LIGHTHOUSE, url, '--quiet', '--output=json', `--output-path=${output}`, `--chrome-flags=${flags.join(' ')}`, '--only-categories=performance,accessibility,seo,best-practices']
  if (profile) args.push('--disable-storage-reset')
  // Not execFileSync: the preview server answering Lighthouse's page runs in this process.
  await promisify(execFile)('npx', args, { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 })
  const report = JSON.parse(await readFile(output, 'utf8'))
  await rm(dir, { recursive: true, force: true })
  return report
}

/** Loads the example plan into a profile of its own, as a user would on the first-run screen. */
async function seededProfile(base, chrome) {
  const profile = await mkdtemp(join(tmpdir(), 'pace-lh-profile-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: chrome, args: ['--no-sandbox', '--disable-gpu'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
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
  return profile
}

function summary(label, reports) {
  const score = (id) => median(reports.map((r) => r.categories[id].score))
  const audit = (id) => median(reports.map((r) => r.audits[id].numericValue))
  const failing = [...new Set(reports.flatMap((r) => Object.values(r.categories).flatMap((c) => c.auditRefs.filter((a) => a.weight > 0 && r.audits[a.id].score !== null && r.audits[a.id].score < 1 && c.id !== 'performance').map((a) => a.id))))].filter((id) => !NOT_APPLICABLE.has(id))
  const perf = score('performance')
  const tbt = audit('total-blocking-time')
  console.log(
    `${label.padEnd(10)} performance ${perf.toFixed(2)} (goal ≥ 0.9: ${perf >= 0.9 ? 'met' : 'NOT met'})   TBT ${tbt.toFixed(0)} ms (goal ≤ 200: ${tbt <= 200 ? 'met' : 'NOT met'})   ` +
      `FCP ${(audit('first-contentful-paint') / 1000).toFixed(1)} s   LCP ${(audit('largest-contentful-paint') / 1000).toFixed(1)} s   CLS ${audit('cumulative-layout-shift').toFixed(3)}   ` +
      `accessibility ${score('accessibility').toFixed(2)}   best practices ${score('best-practices').toFixed(2)}   SEO ${score('seo').toFixed(2)}`,
  )
  console.log(`${''.padEnd(10)} audits not passing (other than performance; is-crawlable left out by design): ${failing.length ? failing.join(', ') : 'none'}`)
}

export async function run() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } })
  const address = server.httpServer.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
  const chrome = findChromium()
  let profile
  try {
    const home = []
    for (let i = 0; i < RUNS; i++) home.push(await lighthouse(base, chrome, null))
    summary('home', home)
    profile = await seededProfile(base, chrome)
    const dashboard = []
    for (let i = 0; i < RUNS; i++) dashboard.push(await lighthouse(`${base}#/dashboard`, chrome, profile))
    summary('dashboard', dashboard)
    console.log(`medians of ${RUNS} runs; ${LIGHTHOUSE}, mobile preset, simulated throttling`)
  } finally {
    if (profile) await rm(profile, { recursive: true, force: true })
    await new Promise((resolve) => server.httpServer.close(resolve))
  }
}
