import { toDayNumber, type CalendarDate, type DateWindow } from './calendar'
import type { Commitment, Id, Section } from './model'
import { documentOrder, sectionOutline } from './outline'
import type { DayTotals } from './progress/totals'

/**
 * Where each evidence file (佐证材料, #17) goes in the zip handed to an inspection: a folder per section as the plan
 * numbers it, a folder per commitment named with its 台账 number and title, and the file named by its date and
 * label, numbered from 01: `一/（二）/3 开展专题调研/2025-06-12 调研会 01.jpg`. Every name is one Windows accepts
 * (no \ / : * ? " < > |, no control characters, no trailing dot or space, no reserved device name), and short
 * enough that the whole path stays well within Windows' 260 characters.
 */

/** One file to place: an attachment of an entry, under one of the commitments the entry counts toward. */
export interface EvidenceItem {
  /** What the caller maps the path back to (the attachment, and the commitment when an entry counts toward several). */
  key: string
  commitmentId: Id
  date: CalendarDate
  /** What the file shows, in a few words: the entry's note, else the attachment's own name. */
  label: string
  extension: string
}

const TITLE_LIMIT = 40
const LABEL_LIMIT = 24
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i
// Made on first use: the domain loads with the app, and a segmenter's construction loads ICU data at start-up.
let graphemes: Intl.Segmenter | null = null

/** A name Windows (and every zip tool) accepts, cut to `limit` characters as a reader counts them (never half an emoji or a character with its marks). */
export function safeFileName(text: string, limit: number, fallback: string): string {
  const cleaned = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const cut = Array.from((graphemes ??= new Intl.Segmenter('zh', { granularity: 'grapheme' })).segment(cleaned), (g) => g.segment)
    .slice(0, limit)
    .join('')
    .replace(/[. ]+$/, '')
  const name = cut === '' ? fallback : cut
  return RESERVED.test(name) ? `_${name}` : name
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The path of every item, by its key. Commitments are numbered in plan order as the ledger numbers the same list
 * (pass the same commitments as the Excel 台账 beside it); items of a commitment go in the order given, numbered
 * per date and label.
 */
export function evidencePaths(sections: readonly Section[], commitments: readonly Commitment[], items: readonly EvidenceItem[]): Map<string, string> {
  const outline = sectionOutline(sections)
  const folderOf = new Map<Id, string>()
  for (const row of outline) {
    const parent = row.section.parentId ? folderOf.get(row.section.parentId) : undefined
    const own = safeFileName(row.number.replace(/、$/, ''), 12, '_')
    folderOf.set(row.section.id, parent ? `${parent}/${own}` : own)
  }
  const commitmentFolder = new Map<Id, string>()
  documentOrder(commitments, sections).forEach((c, i) => {
    const own = `${i + 1} ${safeFileName(c.title, TITLE_LIMIT, '目标任务')}`
    const section = c.sectionId ? folderOf.get(c.sectionId) : undefined
    commitmentFolder.set(c.id, section ? `${section}/${own}` : own)
  })
  const counts = new Map<string, number>()
  const paths = new Map<string, string>()
  for (const item of items) {
    const folder = commitmentFolder.get(item.commitmentId)
    if (folder === undefined) continue
    const stem = `${item.date} ${safeFileName(item.label, LABEL_LIMIT, '佐证材料')}`
    const group = `${folder}/${stem}`
    const n = (counts.get(group) ?? 0) + 1
    counts.set(group, n)
    const extension = safeFileName(item.extension.replace(/^\./, '').toLowerCase(), 8, 'bin')
    paths.set(item.key, `${group} ${pad(n)}.${extension}`)
  }
  return paths
}

/** How photos are kept (#17): downscaled to this long edge, re-encoded as JPEG at this quality, with a thumbnail. */
export const PHOTO = { longEdge: 1600, quality: 0.8 } as const
export const THUMBNAIL = { longEdge: 320, quality: 0.7 } as const

/** The size an image of `width` × `height` is drawn at so that its long edge is at most `longEdge`: never enlarged, at least 1 px. */
export function fitWithin(width: number, height: number, longEdge: number): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** How many entries a commitment's day totals hold between two dates (both included). */
export function entriesWithin(totals: DayTotals | undefined, window: DateWindow): number {
  if (!totals) return 0
  const from = toDayNumber(window.start)
  const to = toDayNumber(window.end)
  let n = 0
  for (let i = 0; i < totals.days.length; i++) {
    const day = totals.days[i]!
    if (day >= from && day <= to) n += totals.quantityEntries[i]! + totals.measurements[i]! + totals.milestoneEntries[i]!
  }
  return n
}

/**
 * 缺佐证: the commitments with entries in the window of which none has evidence — what an inspection would ask
 * about first. `evidenced` holds the commitments that have at least one evidence file among the window's entries.
 * A commitment with nothing logged lacks progress, not evidence, and is not listed.
 */
export function lackingEvidence(commitmentIds: Iterable<Id>, totals: ReadonlyMap<Id, DayTotals>, evidenced: ReadonlySet<Id>, window: DateWindow): Set<Id> {
  const lacking = new Set<Id>()
  for (const id of commitmentIds) if (!evidenced.has(id) && entriesWithin(totals.get(id), window) > 0) lacking.add(id)
  return lacking
}
