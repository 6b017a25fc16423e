import { keepFetchedFile, type AttachmentRecord, type PaceDatabase } from '@/db'
import { evidenceTypeOfBytes } from '@/io/evidence-type'
import { sha256Hex } from '@/io/sha256'
import { FILE, fileDocumentId } from './documents'

/**
 * Evidence files on demand (#17): a device that pulled a shared dataset holds each attachment's row and thumbnail;
 * the file itself stays at the hub until someone opens it (or exports it). Then it is fetched from the hub's
 * document API on this origin (the session cookie signs the request), checked against its row (size, SHA-256 and
 * the type its bytes are), and kept on this device like a file logged here.
 */

/** Why a file could not be fetched: the hub unreachable, the file not uploaded yet, the session gone, or not its bytes. */
export type FetchFailure = 'offline' | 'notUploaded' | 'signedOut' | 'damaged'

export class FetchFileError extends Error {
  constructor(readonly code: FetchFailure) {
    super(`evidence file not fetched: ${code}`)
    this.name = 'FetchFileError'
  }
}

/** Fetches one evidence file from the hub at `base` (e.g. /db), database `database`, and keeps it here. */
export async function fetchEvidenceFile(db: PaceDatabase, hub: { base: string; database: string }, attachment: AttachmentRecord): Promise<Blob> {
  const url = `${hub.base}/${encodeURIComponent(hub.database)}/${encodeURIComponent(fileDocumentId(attachment.id))}/${FILE}`
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin' })
  } catch {
    throw new FetchFileError('offline')
  }
  if (response.status === 404) throw new FetchFileError('notUploaded')
  if (response.status === 401 || response.status === 403) throw new FetchFileError('signedOut')
  if (!response.ok) throw new FetchFileError('offline')
  const bytes = new Uint8Array(await response.arrayBuffer())
  const hash = sha256Hex(bytes)
  const found = evidenceTypeOfBytes(bytes, attachment.name)
  if (bytes.length !== attachment.size || hash !== attachment.sha256 || !found.ok || found.type.mime !== attachment.mime) throw new FetchFileError('damaged')
  const file = new Blob([bytes], { type: attachment.mime })
  await keepFetchedFile(db, attachment.id, file, hash)
  return file
}
