// Bundles a TypeScript entry of src/ for Node with Vite (as production code, not the dev module runner, whose
// per-import getters would distort hot loops) and imports it.
import { build } from 'vite'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** @template T @param {string} entry e.g. 'src/domain/index.ts' @returns {Promise<T>} */
export async function loadSource(entry) {
  // One folder per source: Node caches a module by its URL, so two sources built to one path would both be the first.
  const outDir = join(process.cwd(), 'node_modules/.bench', entry.replace(/[^\w.-]+/g, '_'))
  await build({
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    resolve: { alias: { '@': join(process.cwd(), 'src') } },
    build: { ssr: entry, outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { entryFileNames: 'entry.mjs' } } },
  })
  return /** @type {T} */ (await import(pathToFileURL(join(outDir, 'entry.mjs')).href))
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2
}
