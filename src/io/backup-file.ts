import * as v from 'valibot'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { sha256Hex } from './sha256'
import {
  attachmentSchema,
  commitmentSchema,
  departmentSchema,
  entrySchema,
  personSchema,
  planSchema,
  reviewSchema,
  sectionSchema,
  validate,
  type ValidationIssue,
} from '@/domain'
import type { BackupData, DataTableName } from '@/db'
import { CURRENT_VERSION, DATA_TABLES, upgradeRows } from '@/db'

/**
 * The backup file: one JSON document with its format version, the app and schema versions that wrote it, row
 * counts and a SHA-256 checksum of the data, so a truncated, edited or foreign file is refused before anything
 * is touched. (The hash is computed in JS: crypto.subtle is missing on plain-HTTP intranet hosts.)
 */
export const BACKUP_FORMAT = 'pace-backup'
export const BACKUP_FORMAT_VERSION = 1

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  appVersion: string
  schemaVersion: number
  exportedAt: string
  exportedBy: string
  counts: Record<DataTableName, number>
  checksum: string
}

export type BackupFileError =
  | { code: 'notJson' } // not JSON at all, or cut short
  | { code: 'foreign' } // JSON, but not a Pace backup
  | { code: 'newerFormat'; formatVersion: number } // written by a newer Pace: update first
  | { code: 'newerSchema'; schemaVersion: number } // its rows have a newer shape: reading them would lose fields
  | { code: 'duplicateId'; table: DataTableName; id: string } // two rows of one table share an id
  | { code: 'checksum' } // the data does not match its checksum or counts: damaged or edited
  | { code: 'invalidRows'; table: DataTableName; index: number; issues: ValidationIssue[] }

/**
 * A live entry in the file whose commitment the file has as deleted or not at all: it counts toward nothing.
 * (Older versions could store one when a commitment was deleted in another tab.) Reported, and kept as it is.
 */
export interface OrphanEntry {
  id: string
  date: string
}

export type ParsedBackup = { ok: true; header: BackupHeader; data: BackupData; orphans: OrphanEntry[] } | { ok: false; error: BackupFileError }

const stamp = {
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedBy: v.string(),
  deletedAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
}
const stampSchema = v.object(stamp)
const author = v.object({
  departmentId: v.nullable(v.string()),
  personId: v.nullable(v.string()),
  loggedOn: v.pipe(v.string(), v.isoDate()),
  owner: v.optional(v.string()),
})

const ROW_SCHEMAS: Record<DataTableName, v.GenericSchema> = {
  plans: v.intersect([planSchema, stampSchema]),
  sections: v.intersect([sectionSchema, stampSchema]),
  commitments: v.intersect([commitmentSchema, stampSchema]),
  entries: v.intersect([entrySchema, author, stampSchema]),
  departments: v.intersect([departmentSchema, stampSchema]),
  people: v.intersect([personSchema, stampSchema]),
  reviews: v.intersect([reviewSchema, stampSchema]),
  attachments: v.intersect([attachmentSchema, v.object({ owner: v.optional(v.string()) }), stampSchema]),
}

/** Tables added after the first schema, by the version that added them: a file written before has none of them. */
const TABLE_SINCE: Partial<Record<DataTableName, number>> = { attachments: 12 }

function checksumOf(data: BackupData): string {
  return `sha256:${sha256Hex(utf8ToBytes(JSON.stringify(data)))}`
}

function countsOf(data: BackupData): Record<DataTableName, number> {
  return Object.fromEntries(Object.entries(data).map(([name, rows]) => [name, rows.length])) as Record<DataTableName, number>
}

/** Writes a backup file's text. */
export function serializeBackup(
  data: BackupData,
  meta: { appVersion: string; schemaVersion: number; exportedAt: string; exportedBy: string },
): string {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    ...meta,
    counts: countsOf(data),
    checksum: checksumOf(data),
  }
  return JSON.stringify({ ...header, data })
}

const headerSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  appVersion: v.string(),
  schemaVersion: v.number(),
  exportedAt: v.string(),
  exportedBy: v.string(),
  counts: v.record(v.string(), v.number()),
  checksum: v.string(),
  data: v.record(v.string(), v.array(v.unknown())),
})

/** The dotted paths of `input` that `output` (what a schema made of it) no longer has. */
function droppedPaths(input: unknown, output: unknown, prefix = ''): string[] {
  if (!input || typeof input !== 'object' || !output || typeof output !== 'object') return []
  return Object.entries(input).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    if (value === undefined) return []
    if (!Object.hasOwn(output, key)) return [path]
    return droppedPaths(value, (output as Record<string, unknown>)[key], path)
  })
}

/** Reads and validates a whole backup file; any failure names its cause and nothing is returned to write. */
export function parseBackup(text: string): ParsedBackup {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, error: { code: 'notJson' } }
  }
  if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: { code: 'foreign' } }
  }
  const formatVersion = (json as { formatVersion?: unknown }).formatVersion
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    return { ok: false, error: { code: 'newerFormat', formatVersion } }
  }
  const parsed = v.safeParse(headerSchema, json)
  if (!parsed.success) return { ok: false, error: { code: 'foreign' } }
  const { data: fileData, ...header } = parsed.output
  if (header.schemaVersion > CURRENT_VERSION) return { ok: false, error: { code: 'newerSchema', schemaVersion: header.schemaVersion } }
  // Every table the file's schema had must be there, and nothing else; its checksum is of the data as written.
  const tables = DATA_TABLES.filter((name) => (TABLE_SINCE[name] ?? 0) <= header.schemaVersion)
  const names = Object.keys(fileData)
  if (names.length !== tables.length || !tables.every((name) => Object.hasOwn(fileData, name))) return { ok: false, error: { code: 'foreign' } }
  if (checksumOf(fileData as BackupData) !== header.checksum || tables.some((name) => header.counts[name] !== fileData[name]!.length)) {
    return { ok: false, error: { code: 'checksum' } }
  }
  const rawData = Object.fromEntries(DATA_TABLES.map((name) => [name, fileData[name] ?? []])) as Record<DataTableName, unknown[]>
  const data = {} as Record<DataTableName, unknown[]>
  for (const name of DATA_TABLES) {
    const rows: unknown[] = []
    const ids = new Set<string>()
    // A file from an older schema is brought to today's shape by the database's own upgrade transforms.
    for (const [index, row] of upgradeRows(name, rawData[name], header.schemaVersion).entries()) {
      const result = validate(ROW_SCHEMAS[name], row)
      if (!result.ok) return { ok: false, error: { code: 'invalidRows', table: name, index, issues: result.issues } }
      // The schemas drop keys they do not know; a file that has some is refused rather than stored stripped.
      const unknown = droppedPaths(row, result.value)
      if (unknown.length > 0) return { ok: false, error: { code: 'invalidRows', table: name, index, issues: unknown.map((path) => ({ path, code: 'unknownField' as const })) } }
      const id = (result.value as { id: string }).id
      if (ids.has(id)) return { ok: false, error: { code: 'duplicateId', table: name, id } }
      ids.add(id)
      rows.push(result.value)
    }
    data[name] = rows
  }
  const backup = data as BackupData
  return { ok: true, header: header as BackupHeader, data: backup, orphans: orphanEntries(backup) }
}

/** The file's live entries naming a commitment it does not hold live. */
export function orphanEntries(data: BackupData): OrphanEntry[] {
  const live = new Set(data.commitments.filter((c) => c.deletedAt === null).map((c) => c.id))
  return data.entries.filter((e) => e.deletedAt === null && e.commitmentIds.some((id) => !live.has(id))).map(({ id, date }) => ({ id, date }))
}
