// Restores a backup file into the app in a browser page, through the app's own settings screen (identity, file,
// merge), as a user would: benchmarks that need a big plan in IndexedDB start here.

export async function seed(page, base, text) {
  await page.goto(`${base}#/settings`)
  const dialog = page.getByTestId('identity-dialog')
  await dialog.getByRole('textbox').first().fill('基准')
  await dialog.getByRole('textbox').nth(1).fill('办公室')
  await dialog.getByRole('button').last().click()
  await dialog.waitFor({ state: 'hidden' })
  // A big file crosses to the browser slowly on a busy machine: no time limit but the benchmark's own.
  await page.getByTestId('backup-file').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(text) }, { timeout: 0 })
  const preview = page.getByTestId('import-preview')
  await preview.getByRole('button', { name: '合并导入' }).click({ timeout: 120_000 })
  await preview.waitFor({ state: 'hidden', timeout: 1_800_000 })
}
