// `node scripts/build-extract-gold.mjs`: turns each tests/fixtures/extract/<split>/labels.txt (one statement a line:
// doc | quote | value | unit | kind | comparator | target type | period | year | metric) into that split's
// gold.jsonl, in the fields and conventions of ../shared/seeds/gold-dev.jsonl: start and end are where the quote
// stands in its document (quote@n: its n-th occurrence), section is the nearest heading line before it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/extract')
const HEADING = /^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+条|\d{1,2}[.、．](?!\d))/
const KIND = { c: 'commitment', o: 'outcome' }

function sectionAt(text, at) {
  const lines = text.slice(0, at).split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (i === lines.length - 1 ? text.slice(at - lines[i].length).split('\n')[0] : lines[i]).trim()
    if (HEADING.test(line)) {
      const stop = line.search(/[。.](?!\d)/)
      return (stop > 0 ? line.slice(0, stop) : line).slice(0, 80)
    }
  }
  return ''
}

function find(text, quote, nth, where, explicit) {
  let at = -1
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(quote, at + 1)
    if (at < 0) throw new Error(`${where}: «${quote}» occurs fewer than ${nth} times`)
  }
  if (!explicit && text.indexOf(quote, at + 1) >= 0) throw new Error(`${where}: «${quote}» occurs more than once; write quote@n`)
  return at
}

for (const split of readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory())) {
  const dir = join(root, split)
  const rows = []
  const counters = new Map()
  for (const [index, line] of readFileSync(join(dir, 'labels.txt'), 'utf8').split('\n').entries()) {
    if (!line.trim() || line.startsWith('#')) continue
    const where = `${split}/labels.txt:${index + 1}`
    const [doc, rawQuote, value, unit, kind, comparator, targetType, period, year, metric] = line.split('|').map((cell) => cell.trim())
    if (metric === undefined || !KIND[kind]) throw new Error(`${where}: expected 10 cells and kind c or o`)
    const [, quote, nth] = /^(.*?)(?:@(\d+))?$/.exec(rawQuote)
    const text = readFileSync(join(dir, doc), 'utf8')
    const start = find(text, quote, Number(nth ?? 1), where, nth !== undefined)
    const n = (counters.get(doc) ?? 0) + 1
    counters.set(doc, n)
    rows.push({
      id: `${doc.slice(0, 2)}-${String(n).padStart(2, '0')}`,
      doc,
      quote,
      kind: KIND[kind],
      metric,
      value: Number(value),
      unit,
      comparator,
      target_type: targetType,
      period: period || null,
      year: year ? Number(year) : null,
      section: sectionAt(text, start),
      start,
      end: start + quote.length,
    })
  }
  writeFileSync(join(dir, 'gold.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n') + '\n')
  console.log(`${split}: ${rows.length} statements in ${new Set(rows.map((r) => r.doc)).size} documents with statements`)
}
