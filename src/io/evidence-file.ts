import { fitWithin, MAX_FILE_BYTES, PHOTO, THUMBNAIL, type Attachment, type ValidationIssue } from '@/domain'
import { evidenceType, TYPE_HEAD, TYPE_TAIL, type EvidenceRefusal } from './evidence-type'
import { sha256Hex } from './sha256'

/**
 * A file chosen as evidence (#17), made ready to store before any transaction opens (decoding and hashing are not
 * IndexedDB work, and awaiting them inside one would end it): typed by its bytes, a photo drawn again at
 * PHOTO.longEdge as JPEG (the camera's EXIF orientation applied, and its EXIF, GPS position included, left
 * behind) with a thumbnail; any other kept file stored as it is, up to MAX_FILE_BYTES.
 */
export interface PreparedEvidence {
  /** The row's fields besides its id and entry. */
  fields: Omit<Attachment, 'id' | 'entryId'>
  file: Blob
  thumbnail: Blob | null
}

/** What a file input offers to choose: images (the camera among them), PDF, Word, Excel and WPS's own. */
export const EVIDENCE_ACCEPT = 'image/*,.pdf,.doc,.docx,.xls,.xlsx,.wps,.et'

export type Prepared = { ok: true; value: PreparedEvidence } | { ok: false; name: string; issue: ValidationIssue }


const REFUSALS: Record<EvidenceRefusal, ValidationIssue['code']> = { markup: 'fileMarkup', unsupported: 'fileUnsupported', empty: 'fileEmpty' }

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer())

async function draw(bitmap: ImageBitmap, longEdge: number, quality: number): Promise<Blob> {
  const { width, height } = fitWithin(bitmap.width, bitmap.height, longEdge)
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2d context')
  // A transparent PNG becomes a JPEG on white, as it looks on a page, not on black.
  context.fillStyle = '#fff'
  context.fillRect(0, 0, width, height)
  context.imageSmoothingQuality = 'high'
  context.drawImage(bitmap, 0, 0, width, height)
  return canvas.convertToBlob({ type: 'image/jpeg', quality })
}

/** Reads, checks and (for a photo) downscales one chosen file. */
export async function prepareEvidence(file: File): Promise<Prepared> {
  const refuse = (code: ValidationIssue['code'], extra: Partial<ValidationIssue> = {}): Prepared => ({ ok: false, name: file.name, issue: { path: file.name, code, ...extra } })
  const found = evidenceType(await bytesOf(file.slice(0, TYPE_HEAD)), await bytesOf(file.slice(Math.max(0, file.size - TYPE_TAIL))), file.name)
  if (!found.ok) return refuse(REFUSALS[found.refusal])
  const { type } = found
  let stored: Blob
  let thumbnail: Blob | null = null
  if (type.decodable) {
    let bitmap: ImageBitmap
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
    } catch {
      // Its first bytes say image, but it does not decode: damaged, or not what it claims.
      return refuse('fileUnsupported')
    }
    try {
      stored = await draw(bitmap, PHOTO.longEdge, PHOTO.quality)
      thumbnail = await draw(bitmap, THUMBNAIL.longEdge, THUMBNAIL.quality)
    } finally {
      bitmap.close()
    }
  } else {
    stored = new Blob([file], { type: type.mime })
  }
  if (stored.size > MAX_FILE_BYTES) return refuse('fileTooLarge', { limit: MAX_FILE_BYTES, found: stored.size })
  const mime = type.decodable ? 'image/jpeg' : type.mime
  return {
    ok: true,
    value: {
      fields: { name: file.name.trim() || `file.${type.extension}`, kind: type.kind, mime, size: stored.size, sha256: sha256Hex(await bytesOf(stored)) },
      file: stored,
      thumbnail,
    },
  }
}
