import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'

/** Settings: identity, storage state, backup and restore. */
export class SettingsPage {
  readonly identityName: Locator
  readonly exportButton: Locator
  readonly fileInput: Locator
  readonly preview: Locator
  /** Why a chosen backup file was refused. */
  readonly fileError: Locator

  constructor(readonly page: Page) {
    this.identityName = page.getByTestId('identity-name')
    this.exportButton = page.getByTestId('export-backup')
    this.fileInput = page.getByTestId('backup-file')
    this.preview = page.getByTestId('import-preview')
    this.fileError = page.getByTestId('backup-error')
  }

  /** Opens Settings and waits for its own content (a heading could still be the previous screen's). */
  async open() {
    await this.page.goto('./#/settings')
    await this.exportButton.waitFor()
  }

  /** Exports a backup and returns the file's text. */
  async exportBackup(): Promise<string> {
    const download = this.page.waitForEvent('download')
    await this.exportButton.click()
    return readFile(await (await download).path(), 'utf8')
  }

  /** The backup as downloaded: a zip when the device holds evidence files. */
  async exportArchive(): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download')
    await this.exportButton.click()
    const file = await download
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
  }

  async chooseArchive(name: string, bytes: Buffer) {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/zip', buffer: bytes })
  }

  async chooseFile(name: string, text: string) {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
  }

  previewRow(table: string): Locator {
    return this.preview.getByRole('row').filter({ hasText: table })
  }
}
