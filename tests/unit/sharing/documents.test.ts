import { describe, expect, it } from 'vitest'
import PouchDB from 'pouchdb-core'
import memory from 'pouchdb-adapter-memory'
import { fromDocument, PULLED, resolveVersions, sameContent, toDocument, type RowDocument } from '@/sharing/documents'
import { activity } from '../db/helpers'

PouchDB.plugin(memory)

const stamp = { updatedAt: '2025-03-01T08:00:00.000Z', updatedBy: '王芳', deletedAt: null }
const version = (rev: string, fields: Partial<RowDocument> = {}): RowDocument => ({
  _id: 'commitments:c1',
  _rev: rev,
  table: 'commitments',
  id: 'c1',
  title: '组织集中学习',
  ...stamp,
  ...fields,
})

describe('a row as a document of the shared dataset', () => {
  it('is table:id with its table, stamped as the account that sends it', () => {
    const row = { ...activity('e1', '2025-03-12', 2), ...stamp }
    expect(toDocument('entries', row, 'zhang')).toEqual({ ...row, _id: 'entries:e1', table: 'entries', updatedBy: 'zhang', owner: 'zhang' })
    expect(toDocument('entries', row, 'li', { owner: 'zhang' }).owner).toBe('zhang')
    expect(toDocument('entries', { ...row, owner: 'zhao' }, 'li').owner).toBe('zhao')
    expect(toDocument('entries', { ...row, owner: 'zhao' }, 'li', { owner: 'zhang' }).owner).toBe('zhang')
    expect(toDocument('plans', { id: 'p', name: 'x', organisation: '', window: { start: '2025-01-01', end: '2025-12-31' }, ...stamp }, 'li')).not.toHaveProperty('owner')
  })

  it.each([
    ['a row', version('1-a'), { table: 'commitments', row: { id: 'c1', title: '组织集中学习', ...stamp } }],
    [
      'an entry, keeping its owner',
      { _id: 'entries:e1', _rev: '1-a', table: 'entries', id: 'e1', note: '', owner: 'zhang', ...stamp },
      { table: 'entries', row: { id: 'e1', note: '', owner: 'zhang', ...stamp } },
    ],
    ['the design document', { _id: '_design/pace', validate_doc_update: 'function(){}' }, null],
    ['an id that does not match its table', version('1-a', { _id: 'plans:c1' }), null],
    ['an unknown table', version('1-a', { _id: 'audit:c1', table: 'audit' as never }), null],
    ['no stamp', version('1-a', { updatedAt: undefined }), null],
    ['a deletedAt that is not a time', version('1-a', { deletedAt: 5 }), null],
  ])('reads back as a row: %s', (_, doc, expected) => {
    expect(fromDocument(doc as RowDocument)).toEqual(expected)
  })

  it('says the same thing when only revision, stamp or owner differ', () => {
    expect(sameContent(version('1-a'), version('2-b', { updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'li', owner: 'x' }))).toBe(true)
    expect(sameContent(version('1-a'), version('1-a', { title: '组织集中学习 ' }))).toBe(false)
    expect(sameContent({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true)
  })
})

describe('which of conflicting versions wins', () => {
  const early = version('2-fff', { title: 'A', updatedAt: '2025-03-01T08:00:00.000Z' })
  const late = version('2-aaa', { title: 'B', updatedAt: '2025-03-01T09:00:00.000Z' })
  const byLi = version('3-000', { title: 'C', updatedAt: '2025-03-01T08:00:00.000Z', updatedBy: '赵敏' })
  const sameTimeHigherRev = version('2-fffe', { title: 'D', updatedAt: '2025-03-01T08:00:00.000Z' })
  it.each([
    ['the later write, whatever its revision', [early, late], 'B', ['A']],
    ['on a tie, the author name that sorts last', [early, byLi], 'C', ['A']],
    ['on a tie of both, the revision', [early, sameTimeHigherRev], 'D', ['A']],
    ['a deleted branch never', [{ ...late, _deleted: true }, early], 'A', []],
    ['three versions: one winner, two logged', [early, late, byLi], 'B', ['A', 'C']],
  ])('%s', (_, versions, winner, losers) => {
    const resolved = resolveVersions(versions)!
    expect(resolved.winner.title).toBe(winner)
    expect(resolved.losers.map((l) => l.title).sort()).toEqual(losers)
  })

  it('is the same whatever order the versions arrive in', () => {
    const all = [early, late, byLi, sameTimeHigherRev]
    const orders = [all, [...all].reverse(), [all[2]!, all[0]!, all[3]!, all[1]!]]
    expect(new Set(orders.map((o) => resolveVersions(o)!.winner._rev)).size).toBe(1)
  })

  it('does not log a version that says the same as the winner, nor one twice', () => {
    const twin = version('2-bbb', { title: 'B', updatedAt: '2025-03-01T07:00:00.000Z', updatedBy: 'li' })
    expect(resolveVersions([late, twin, early, { ...early }])!.losers.map((l) => l._rev)).toEqual(['2-fff'])
  })

  it('has nothing to show when every version is deleted', () => {
    expect(resolveVersions([{ ...early, _deleted: true }])).toBeNull()
  })
})

describe('what a device pulls', () => {
  it('every document but the evidence files, by the selector PouchDB sends with the pull', async () => {
    const hub = new PouchDB<Record<string, unknown>>('pulled-by-selector', { adapter: 'memory' })
    const ids = ['attachments:a1', 'entries:e1', 'people:files:odd', 'files:a1', 'files:', '_design/pace']
    await hub.bulkDocs(ids.map((_id) => ({ _id })))
    const { results } = await hub.changes({ selector: PULLED })
    expect(results.map((r) => r.id).sort()).toEqual(['_design/pace', 'attachments:a1', 'entries:e1', 'people:files:odd'])
  })
})
