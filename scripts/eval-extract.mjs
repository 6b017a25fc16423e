// `npm run eval:extract -- FILE.jsonl`: scores src/domain/extract against a gold file (one JSON object per line:
// doc, quote, start, end, kind, metric, value, unit, comparator, target_type, period, year, section). The documents
// scored are every .txt file in the gold file's folder, so a document with nothing to find counts what is invented
// in it; the gold file's own documents are read from there too. A statement matches a gold one when their spans overlap and their values are equal;
// each is matched at most once. Prints precision, recall and F1 (all, commitments, outcomes), the accuracy of each
// field among matches, and a strict F1 that counts a statement only when every field is right. `--errors` lists
// what was missed, invented or read wrong.
import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { loadSource } from '../bench/load-ts.mjs'

const FIELDS = [
  ['kind', 'kind'],
  ['comparator', 'comparator'],
  ['unit', 'unit'],
  ['targetType', 'target_type'],
  ['year', 'year'],
]

const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--'))
if (!file) {
  console.error('usage: npm run eval:extract -- FILE.jsonl [--errors]')
  process.exit(2)
}
const showErrors = args.includes('--errors')
const gold = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line))
const { extractStatements } = await loadSource('src/domain/extract/index.ts')

const folder = dirname(file)
const others = basename(file) === 'gold-dev.jsonl' ? [] : readdirSync(folder).filter((name) => /^\d+_.*\.txt$/.test(name))
const docs = [...new Set([...gold.map((g) => g.doc), ...others])].sort()
const matches = []
const predictions = []
const missed = []
for (const doc of docs) {
  const text = readFileSync(resolve(folder, doc), 'utf8')
  const found = extractStatements(text).map((p) => ({ ...p, doc }))
  predictions.push(...found)
  const used = new Set()
  for (const g of gold.filter((row) => row.doc === doc)) {
    let best = null
    let bestOverlap = 0
    for (const [i, p] of found.entries()) {
      if (used.has(i) || Math.abs(p.value - g.value) > 1e-9) continue
      const overlap = Math.min(p.end, g.end) - Math.max(p.start, g.start)
      if (overlap > bestOverlap) [best, bestOverlap] = [i, overlap]
    }
    if (best === null) missed.push(g)
    else {
      used.add(best)
      matches.push({ gold: g, found: found[best] })
    }
  }
  for (const [i, p] of found.entries()) if (!used.has(i)) p.invented = true
}

const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r))
const pct = (x) => `${(x * 100).toFixed(1)}%`.padStart(7)
function scores(label, goldCount, predCount, tp) {
  const p = predCount ? tp / predCount : 0
  const r = goldCount ? tp / goldCount : 0
  console.log(`${label.padEnd(26)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1(p, r))}   (${tp} of ${goldCount} gold, ${predCount} found)`)
  return f1(p, r)
}

console.log(`gold: ${gold.length} statements in ${docs.length} documents (${file})`)
const goals = []
const goal = (label, value, target) => goals.push(`goal: ${label} ≥ ${pct(target).trim()} — ${pct(value).trim()}, ${value >= target ? 'met' : 'NOT met'}`)
goal('span F1', scores('statements (span + value)', gold.length, predictions.length, matches.length), 0.95)
for (const kind of ['commitment', 'outcome']) {
  const f = scores(`  ${kind}s`, gold.filter((g) => g.kind === kind).length, predictions.filter((p) => p.kind === kind).length, matches.filter((m) => m.gold.kind === kind && m.found.kind === kind).length)
  goal(`${kind} F1`, f, 0.9)
}
console.log('field accuracy among matches:')
for (const [ours, theirs] of FIELDS) {
  for (const kind of [null, 'commitment', 'outcome']) {
    const among = matches.filter((m) => kind === null || m.gold.kind === kind)
    const right = among.filter((m) => m.found[ours] === m.gold[theirs]).length
    if (among.length) console.log(`  ${(kind ? `${theirs} (${kind}s)` : theirs).padEnd(26)} ${pct(among.length ? right / among.length : 0)}  (${right}/${among.length})`)
    if (kind === null) goal(`${theirs} accuracy`, among.length ? right / among.length : 1, 0.95)
  }
}
const strict = matches.filter((m) => FIELDS.every(([ours, theirs]) => m.found[ours] === m.gold[theirs]))
goal('strict F1', scores('strict (every field right)', gold.length, predictions.length, strict.length), 0.85)
for (const line of goals) console.log(line)

if (showErrors) {
  for (const g of missed) console.log(`missed   ${g.doc.slice(0, 3)} ${g.value}${g.unit} «${g.quote}»`)
  for (const p of predictions.filter((p) => p.invented)) console.log(`invented ${p.doc.slice(0, 3)} ${p.value}${p.unit} «${p.quote}» ${p.kind}`)
  for (const m of matches) {
    const wrong = FIELDS.filter(([ours, theirs]) => m.found[ours] !== m.gold[theirs]).map(([ours, theirs]) => `${theirs}: ${m.found[ours]} ≠ ${m.gold[theirs]}`)
    if (wrong.length) console.log(`wrong    ${m.gold.doc.slice(0, 3)} «${m.gold.quote}» ${wrong.join(', ')}`)
  }
}
