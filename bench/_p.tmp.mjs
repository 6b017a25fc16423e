import { performance } from 'node:perf_hooks'
import { readFileSync, writeFileSync } from 'node:fs'
import { loadSource } from './load-ts.mjs'
const src = readFileSync('bench/evaluate.bench.mjs', 'utf8')
writeFileSync('bench/_mk.tmp.mjs', src.slice(src.indexOf('function random'), src.indexOf('function time')) + '\nexport { makePlan }\n')
const { makePlan } = await import('./_mk.tmp.mjs')
const d = await loadSource('src/domain/index.ts')
const { commitments, entries } = makePlan(d.addDays)
const ids = new Set(commitments.map((c) => c.id))
const t = (label, fn) => { for (let i = 0; i < 5; i++) fn(); const s = []; for (let i = 0; i < 11; i++) { const a = performance.now(); fn(); s.push(performance.now() - a) } s.sort((a, b) => a - b); console.log(label, s[5].toFixed(1), 'ms') }
const half = entries.filter((e) => e.date <= '2025-07-02')
t('dayTotals(half)', () => d.dayTotals(half, ids))
const sorted = [...half].sort((a, b) => (a.date < b.date ? -1 : 1))
t('dayTotals(sorted half)', () => d.dayTotals(sorted, ids))
