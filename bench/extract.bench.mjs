// The extraction engine on a 1 MB document (the seed reports and the documents of the extraction corpus in
// tests/fixtures repeated, with every heading kept), in Node. Goals: at least 1 MB/s (issue 18), in linear time:
// also prints the time for half the text (full/half should be about 2).
import { readFileSync, readdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { loadSource, median } from './load-ts.mjs'

export const name = 'Text extraction (1 MB document)'

export async function run() {
  const { extractStatements } = await loadSource('src/domain/extract/index.ts')
  const folders = ['tests/fixtures/seeds', 'tests/fixtures/extract/dev', 'tests/fixtures/extract/validation']
  const sample = folders
    .flatMap((folder) => readdirSync(folder).filter((f) => /^\d+_.*\.txt$/.test(f)).map((f) => readFileSync(`${folder}/${f}`, 'utf8')))
    .join('\n')
  const build = (bytes) => {
    let text = ''
    while (Buffer.byteLength(text) < bytes) text += `${sample}\n`
    return text
  }
  const full = build(1_000_000)
  const half = build(500_000)
  const time = (text) => {
    extractStatements(text)
    const runs = []
    for (let i = 0; i < 7; i++) {
      const start = performance.now()
      extractStatements(text)
      runs.push(performance.now() - start)
    }
    return median(runs)
  }
  const fullMs = time(full)
  const halfMs = time(half)
  const bytes = Buffer.byteLength(full)
  console.log(`1 MB (${(bytes / 1e6).toFixed(2)} MB, ${full.length.toLocaleString('en')} characters): median ${fullMs.toFixed(0)} ms of 7 runs, ${(bytes / 1e6 / (fullMs / 1000)).toFixed(1)} MB/s, ${extractStatements(full).length.toLocaleString('en')} statements`)
  console.log(`half the text: median ${halfMs.toFixed(0)} ms; ratio full/half ${(fullMs / halfMs).toFixed(2)} (linear ≈ 2)`)
  const rate = bytes / 1e6 / (fullMs / 1000)
  console.log(`goal: at least 1 MB/s — ${rate.toFixed(1)} MB/s, ${rate >= 1 ? 'met' : 'NOT met'}`)
}
