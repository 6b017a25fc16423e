import { evidencePaths, type Attachment, type Commitment, type Entry, type EvidenceItem, type Id, type Section } from '@/domain'

/** An evidence file with the entry it proves, as storage reads it. */
export interface EvidenceSource {
  attachment: Attachment
  entry: Pick<Entry, 'date' | 'note' | 'commitmentIds'>
}

/** One file of the evidence zip: where it goes, and which stored file it is. */
export interface PlacedFile {
  path: string
  attachmentId: Id
}

/** The evidence zip's layout: every file placed, and each commitment's files as its 台账 row lists them. */
export interface EvidenceLayout {
  files: PlacedFile[]
  byCommitment: Map<Id, string[]>
}

/** The extension a stored file is named with: a photo is kept as JPEG whatever it came as; any other file keeps its own. */
export function storedExtension(attachment: Pick<Attachment, 'name' | 'kind' | 'mime'>): string {
  if (attachment.mime === 'image/jpeg') return 'jpg'
  return /\.([A-Za-z0-9]{1,8})$/.exec(attachment.name)?.[1] ?? (attachment.kind === 'pdf' ? 'pdf' : 'bin')
}

/** What a file shows, in a few words: the entry's note, else the file's own name without its extension. */
const labelOf = ({ attachment, entry }: EvidenceSource) => entry.note.trim() || attachment.name.replace(/\.[^.]*$/, '')

/**
 * Where each evidence file of these commitments goes (`evidencePaths`: the plan's numbering, as the Excel 台账 beside
 * it numbers the same commitments) and the paths each commitment's row lists. An entry counting toward two of the
 * commitments has its files under both. Files come in the order given (date order).
 */
export function evidenceLayout(sections: readonly Section[], commitments: readonly Commitment[], evidence: readonly EvidenceSource[]): EvidenceLayout {
  const shown = new Set(commitments.map((c) => c.id))
  const items: EvidenceItem[] = []
  const attachmentOf = new Map<string, Id>()
  for (const source of evidence) {
    for (const commitmentId of new Set(source.entry.commitmentIds)) {
      if (!shown.has(commitmentId)) continue
      const key = `${commitmentId}\u0000${source.attachment.id}`
      attachmentOf.set(key, source.attachment.id)
      items.push({ key, commitmentId, date: source.entry.date, label: labelOf(source), extension: storedExtension(source.attachment) })
    }
  }
  const paths = evidencePaths(sections, commitments, items)
  const files: PlacedFile[] = []
  const byCommitment = new Map<Id, string[]>()
  for (const item of items) {
    const path = paths.get(item.key)
    if (path === undefined) continue
    files.push({ path, attachmentId: attachmentOf.get(item.key)! })
    const list = byCommitment.get(item.commitmentId)
    if (list) list.push(path)
    else byCommitment.set(item.commitmentId, [path])
  }
  return { files, byCommitment }
}
