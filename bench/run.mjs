// `npm run bench`: runs every benchmark in bench/ and prints its figures. Benchmarks measure; tests never assert
// on time. Each benchmark module exports `name` and `run()`, which prints its own table and returns nothing.
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

const dir = dirname(fileURLToPath(import.meta.url))
const only = process.argv[2]
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => !only || file.includes(only))
  .sort()

for (const file of files) {
  const bench = await import(pathToFileURL(join(dir, file)).href)
  console.log(`\n## ${bench.name} (${file})`)
  await bench.run()
}
