import { Zip, ZipPassThrough } from 'fflate'

/** One file of a zip being written: its path inside (folders with /) and its bytes. */
export interface ZipFile {
  path: string
  data: Uint8Array
  /** Its date in the zip's listing; now when not given. */
  modified?: Date
}

/**
 * Writes a zip of the files as they come, one at a time (only the zip itself is held, never all the sources at
 * once), stored without compression: photos, PDF and Office files are compressed already. A name outside ASCII is
 * written as UTF-8 with the zip's UTF-8 flag (general purpose bit 11) set, which fflate does for such names, so
 * Windows' own Explorer and every current unzip show Chinese names as they are.
 */
export async function writeZip(files: AsyncIterable<ZipFile> | Iterable<ZipFile>): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let failure: Error | null = null
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        failure = error
        reject(error)
        return
      }
      chunks.push(chunk as Uint8Array<ArrayBuffer>)
      if (final) resolve()
    })
    void (async () => {
      try {
        for await (const file of files) {
          if (failure) return
          const entry = new ZipPassThrough(file.path)
          entry.mtime = file.modified ?? new Date()
          zip.add(entry)
          entry.push(file.data, true)
        }
        zip.end()
      } catch (error) {
        zip.terminate()
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })()
  })
  await done
  return new Blob(chunks, { type: 'application/zip' })
}
