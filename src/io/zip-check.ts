import { Unzip, UnzipInflate, unzipSync } from 'fflate'

/**
 * Limits for a zip-based document (.docx, .xlsx) before anything unpacks it: a zip bomb (21 KB that unpacks to
 * 20 MiB, 1 MB to 1 GiB) is refused with its figures instead of hanging or crashing the tab.
 */
export interface ZipLimits {
  totalBytes: number
  ratioFrom: number
  ratio: number
}

export const ZIP_LIMITS: ZipLimits = {
  /** All entries together, unpacked. A year's report with its pictures is a few MiB. */
  totalBytes: 100 * 1024 * 1024,
  /** An entry larger than this unpacked must not have packed smaller than 1/ratio of it. */
  ratioFrom: 1024 * 1024,
  /** Text XML packs about 10:1; hundreds to one is a constructed file. */
  ratio: 200,
}

export type ZipProblem =
  | { code: 'notZip' }
  | { code: 'tooLarge'; bytes: number; limit: number }
  | { code: 'bomb'; entry: string; bytes: number; ratio: number }

/** Whether an entry's sizes, declared or found, pass the limits; the total is checked by the caller. */
function entryProblem(limits: ZipLimits, entry: string, packed: number, unpacked: number): ZipProblem | null {
  if (unpacked > limits.ratioFrom && unpacked > Math.max(packed, 1) * limits.ratio) {
    return { code: 'bomb', entry, bytes: unpacked, ratio: Math.round(unpacked / Math.max(packed, 1)) }
  }
  return null
}

/**
 * Checks a zip's sizes without unpacking it, then unpacks it once into nothing, counting, and stops at the
 * first entry or total past the limits: a file whose headers understate its sizes is caught as well.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipProblem | null {
  let declaredTotal = 0
  let declared: ZipProblem | null = null
  try {
    unzipSync(bytes, {
      filter: (file) => {
        declaredTotal += file.originalSize
        declared ??= entryProblem(limits, file.name, file.size, file.originalSize)
        return false
      },
    })
  } catch {
    return { code: 'notZip' }
  }
  if (declared) return declared
  if (declaredTotal > limits.totalBytes) return { code: 'tooLarge', bytes: declaredTotal, limit: limits.totalBytes }
  return countedProblem(bytes, limits)
}

/** Unpacks every entry, keeping no output, and stops as soon as what comes out passes a limit. */
function countedProblem(bytes: Uint8Array, limits: ZipLimits): ZipProblem | null {
  let total = 0
  let problem: ZipProblem | null = null
  const unzip = new Unzip((file) => {
    let unpacked = 0
    file.ondata = (error, chunk) => {
      if (problem) return
      if (error) {
        problem = { code: 'notZip' }
        return
      }
      unpacked += chunk.length
      total += chunk.length
      problem = entryProblem(limits, file.name, file.size ?? bytes.length, unpacked) ?? (total > limits.totalBytes ? { code: 'tooLarge', bytes: total, limit: limits.totalBytes } : null)
      if (problem) file.terminate()
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    // In slices, so a stop is seen between them rather than after the whole file has been inflated: deflate
    // unpacks at most about 1032 : 1, so no slice brings out more than some 8 MiB.
    const SLICE = 8 * 1024
    for (let at = 0; at < bytes.length && !problem; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
  } catch {
    return problem ?? { code: 'notZip' }
  }
  return problem
}
