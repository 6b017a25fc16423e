// Restores a backup file into the app in a browser page, through the app's own settings screen (identity, file,
// merge), as a user would: benchmarks that need a big plan in IndexedDB start here.

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function seed(page, base, text) {
  await page.goto(`${base}#/settings`)
  const dialog = page.getByTestId('identity-dialog')
  await dialog.getByRole('textbox').first().fill('基准')
  await dialog.getByRole('textbox').nth(1).fill('办公室')
  await dialog.getByRole('button').last().click()
  await dialog.waitFor({ state: 'hidden' })
  // Handed over as a file on disk (Playwright takes at most 50 MB in memory), with no time limit but the benchmark's.
  const dir = await mkdtemp(join(tmpdir(), 'pace-seed-'))
  const file = join(dir, 'bench.json')
  await writeFile(file, text)
  // The browser reads the file from disk as the app reads it: removed once the restore is done.
  try {
    await page.getByTestId('backup-file').setInputFiles(file, { timeout: 0 })
    const preview = page.getByTestId('import-preview')
    const merge = preview.getByRole('button', { name: '合并导入' })
    const refused = page.getByTestId('backup-error')
    // A file the app refuses says why at once, rather than after the wait for a preview.
    await merge.or(refused).first().waitFor({ timeout: 600_000 })
    if (await refused.isVisible()) throw new Error(`the app refused the seed file: ${await refused.innerText()}`)
    await merge.click()
    await preview.waitFor({ state: 'hidden', timeout: 1_800_000 })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
