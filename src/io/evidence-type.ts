/**
 * What an evidence file (佐证材料, #17) really is, by its bytes, never by its name: a photo or image, a PDF, a Word or
 * Excel document. Anything that a browser could render as markup or run (HTML, SVG, XML, script) is refused,
 * whatever it is called, and so is anything not of those kinds. No I/O: the caller reads the file's first and last
 * bytes (a zip's directory is at its end) and passes them.
 */

import type { EvidenceKind } from '@/domain'

export type { EvidenceKind }

export interface EvidenceType {
  kind: EvidenceKind
  /** The MIME type it is stored and offered for download as. */
  mime: string
  /** The extension its file name gets in an export (the type's own, whatever the name said). */
  extension: string
  /** Whether the browser can decode it as an image (so it is downscaled and gets a thumbnail). */
  decodable: boolean
}

export type EvidenceRefusal =
  /** HTML, SVG, XML or a script: it could run in the page. */
  | 'markup'
  /** Not an image, PDF, Word or Excel file. */
  | 'unsupported'
  /** Nothing in it. */
  | 'empty'

const ascii = (bytes: Uint8Array, at: number, text: string) => {
  if (bytes.length < at + text.length) return false
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false
  return true
}
const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b)

const JPEG = [0xff, 0xd8, 0xff]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP = [0x50, 0x4b, 0x03, 0x04]

const image = (mime: string, extension: string, decodable = true): EvidenceType => ({ kind: 'image', mime, extension, decodable })
const WORD: EvidenceType = { kind: 'word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', decodable: false }
const EXCEL: EvidenceType = { kind: 'excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', decodable: false }
const OLD_WORD: EvidenceType = { kind: 'word', mime: 'application/msword', extension: 'doc', decodable: false }
const OLD_EXCEL: EvidenceType = { kind: 'excel', mime: 'application/vnd.ms-excel', extension: 'xls', decodable: false }

/** Whether the text starts, after a byte-order mark and white space, with `<` (any markup) or a script's `#!`. */
function looksLikeMarkup(head: Uint8Array): boolean {
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) ? 2 : 0
  const wide = i === 2
  while (i < head.length) {
    const b = head[i]!
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || (wide && b === 0)) i++
    else return b === 0x3c || (b === 0x23 && head[i + 1] === 0x21)
  }
  return false
}

/** The names a zip's central directory lists (read from its tail: the end record and the directory before it). */
export function zipEntryNames(tail: Uint8Array): string[] {
  const names: string[] = []
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  for (let i = 0; i + 46 <= tail.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue
    const length = view.getUint16(i + 28, true)
    if (i + 46 + length > tail.length) break
    names.push(new TextDecoder().decode(tail.subarray(i + 46, i + 46 + length)))
    i += 45 + length + view.getUint16(i + 30, true) + view.getUint16(i + 32, true)
  }
  return names
}

/**
 * The type of a file from its first bytes (`head`, 64 or more) and, for a zip (Word and Excel files are zips), its
 * last bytes (`tail`, up to 64 KiB), where the directory of its parts is. `name` decides only between the two old
 * Office formats, which share one container.
 */
export function evidenceType(head: Uint8Array, tail: Uint8Array, name: string): { ok: true; type: EvidenceType } | { ok: false; refusal: EvidenceRefusal } {
  if (head.length === 0) return { ok: false, refusal: 'empty' }
  const found = (type: EvidenceType) => ({ ok: true as const, type })
  if (startsWith(head, JPEG)) return found(image('image/jpeg', 'jpg'))
  if (startsWith(head, PNG)) return found(image('image/png', 'png'))
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return found(image('image/gif', 'gif'))
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return found(image('image/webp', 'webp'))
  // iPhones' HEIC photos: kept as files (Chromium cannot decode them to downscale), never shown inline.
  if (ascii(head, 4, 'ftyp') && ['heic', 'heix', 'heif', 'mif1', 'msf1'].some((brand) => ascii(head, 8, brand))) return found(image('image/heic', 'heic', false))
  if (ascii(head, 0, '%PDF-')) return found({ kind: 'pdf', mime: 'application/pdf', extension: 'pdf', decodable: false })
  if (startsWith(head, ZIP)) {
    const parts = zipEntryNames(tail)
    if (parts.some((part) => part.startsWith('word/'))) return found(WORD)
    if (parts.some((part) => part.startsWith('xl/'))) return found(EXCEL)
    return { ok: false, refusal: 'unsupported' }
  }
  if (startsWith(head, OLE)) {
    const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase()
    if (extension === 'doc' || extension === 'wps') return found(OLD_WORD)
    if (extension === 'xls' || extension === 'et') return found(OLD_EXCEL)
    return { ok: false, refusal: 'unsupported' }
  }
  return { ok: false, refusal: looksLikeMarkup(head) ? 'markup' : 'unsupported' }
}

/**
 * How much of a file's start and end `evidenceType` reads: a zip's directory (Word, Excel) is at its end, and a
 * directory of a few hundred parts fits.
 */
export const TYPE_HEAD = 4096
export const TYPE_TAIL = 64 * 1024

/** The type of a file held whole in memory (one fetched from the hub), as `evidenceType` reads it from its ends. */
export function evidenceTypeOfBytes(bytes: Uint8Array, name: string) {
  return evidenceType(bytes.subarray(0, TYPE_HEAD), bytes.subarray(Math.max(0, bytes.length - TYPE_TAIL)), name)
}

/** The type of an image the browser shows inline (a thumbnail come from elsewhere), from its first bytes; else null. */
export function inlineImageType(head: Uint8Array): string | null {
  const found = evidenceType(head, new Uint8Array(), '')
  return found.ok && found.type.decodable ? found.type.mime : null
}
