// Initial download of the app shell: the JavaScript and CSS that index.html loads before the first screen
// renders (entry script, its static imports preloaded by Vite, stylesheets), gzip-compressed as a server would.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const name = 'Initial shell size'

/** @param {string} dist @returns {string[]} */
function initialAssets(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '')
  return [...new Set(refs)].map((ref) => ref.replace(/^\.?\//, ''))
}

export async function run() {
  // A production build whatever NODE_ENV an earlier benchmark left behind.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const dist = join(process.cwd(), 'dist')
  const rows = initialAssets(dist).map((file) => {
    const bytes = readFileSync(join(dist, file))
    return { file, kind: file.endsWith('.css') ? 'css' : 'js', raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
  const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1)
  for (const row of rows) console.log(`${row.kind.padEnd(4)} ${kb(row.raw).padStart(8)} KiB raw ${kb(row.gzip).padStart(7)} KiB gzip  ${row.file}`)
  for (const kind of ['js', 'css']) {
    const of = rows.filter((row) => row.kind === kind)
    const raw = of.reduce((sum, row) => sum + row.raw, 0)
    const gzip = of.reduce((sum, row) => sum + row.gzip, 0)
    console.log(`initial ${kind}: ${kb(raw)} KiB raw, ${kb(gzip)} KiB gzip (${of.length} files)`)
  }
}
