import { describe, expect, it } from 'vitest'
import { dayTotals, entriesWithin, evidencePaths, fitWithin, lackingEvidence, PHOTO, safeFileName, THUMBNAIL, type EvidenceItem, type Section } from '@/domain'
import { commitment, measure, qty, stageDone } from './fixtures'

const section = (id: string, parentId: string | null, order: number, title = id): Section => ({ id, planId: 'p1', parentId, title, order })
const SECTIONS = [section('s1', null, 0, '深入学习'), section('s1a', 's1', 0), section('s1b', 's1', 1), section('s2', null, 1, '推进依法决策')]
const count = { kind: 'count', value: 15, direction: 'at_least', unit: '次' } as const
const COMMITMENTS = [
  commitment(count, { id: 'study', sectionId: 's1a', order: 0, title: '组织集中学习' }),
  commitment(count, { id: 'visit', sectionId: 's1b', order: 0, title: '开展实地走访' }),
  commitment(count, { id: 'survey', sectionId: 's1b', order: 1, title: '开展专题调研' }),
  commitment(count, { id: 'rules', sectionId: 's2', order: 0, title: '修订完善制度' }),
  commitment(count, { id: 'loose', sectionId: null, order: 0, title: '其他工作' }),
]
const item = (key: string, commitmentId: string, date: string, label: string, extension = 'jpg'): EvidenceItem => ({ key, commitmentId, date, label, extension })

describe('the evidence zip lays files out as the 台账 numbers them', () => {
  it('a folder per section number and per numbered commitment, files by date and label from 01', () => {
    const paths = evidencePaths(SECTIONS, COMMITMENTS, [
      item('a', 'survey', '2025-06-12', '调研会'),
      item('b', 'survey', '2025-06-12', '调研会'),
      item('c', 'survey', '2025-06-12', '签到表', 'PDF'),
      item('d', 'study', '2025-03-01', '集中学习', '.docx'),
      item('e', 'rules', '2025-05-01', '印发通知', 'pdf'),
      item('f', 'loose', '2025-07-01', '照片'),
      item('g', 'gone', '2025-07-01', '照片'),
    ])
    expect(Object.fromEntries(paths)).toEqual({
      a: '一/（二）/3 开展专题调研/2025-06-12 调研会 01.jpg',
      b: '一/（二）/3 开展专题调研/2025-06-12 调研会 02.jpg',
      c: '一/（二）/3 开展专题调研/2025-06-12 签到表 01.pdf',
      d: '一/（一）/1 组织集中学习/2025-03-01 集中学习 01.docx',
      e: '二/4 修订完善制度/2025-05-01 印发通知 01.pdf',
      f: '5 其他工作/2025-07-01 照片 01.jpg',
    })
  })

  it('numbers only the commitments given, as the ledger of the same list does', () => {
    const paths = evidencePaths(SECTIONS, COMMITMENTS.slice(2, 3), [item('a', 'survey', '2025-06-12', '调研会')])
    expect(paths.get('a')).toBe('一/（二）/1 开展专题调研/2025-06-12 调研会 01.jpg')
  })

  it.each([
    ['characters Windows refuses', '会议:纪要/第1期*?"<>|', 40, '会议 纪要 第1期'],
    ['control characters and runs of space', '调研\u0000会\n\t 纪要', 40, '调研 会 纪要'],
    ['trailing dots and spaces', '总结报告. . ', 40, '总结报告'],
    ['a reserved device name', 'CON', 40, '_CON'],
    ['nothing left', ' /// ', 40, '佐证材料'],
    ['a long note, cut by whole characters', '🏛️'.repeat(3) + '开展专题调研活动并形成调研报告', 4, '🏛️🏛️🏛️开'],
  ])('a safe name: %s', (_, text, limit, expected) => {
    expect(safeFileName(text, limit, '佐证材料')).toBe(expected)
  })
})

describe('the size a photo and its thumbnail are kept at', () => {
  it.each([
    ['a phone photo, landscape', 4032, 3024, PHOTO.longEdge, { width: 1600, height: 1200 }],
    ['a phone photo, portrait', 3024, 4032, PHOTO.longEdge, { width: 1200, height: 1600 }],
    ['its thumbnail', 4032, 3024, THUMBNAIL.longEdge, { width: 320, height: 240 }],
    ['a small image is never enlarged', 800, 600, PHOTO.longEdge, { width: 800, height: 600 }],
    ['exactly the long edge', 1600, 900, PHOTO.longEdge, { width: 1600, height: 900 }],
    ['a long strip keeps at least a pixel', 20000, 10, THUMBNAIL.longEdge, { width: 320, height: 1 }],
    ['a scan of odd size rounds', 2481, 3509, PHOTO.longEdge, { width: 1131, height: 1600 }],
  ])('%s', (_name, width, height, longEdge, expected) => {
    expect(fitWithin(width, height, longEdge)).toEqual(expected)
  })
})

describe('缺佐证: commitments with entries in the window and no evidence for any of them', () => {
  const totals = dayTotals([
    qty('2025-03-01', 2, ['study']),
    qty('2025-06-12', 1, ['survey', 'study']),
    { ...measure('2025-06-30', 80), commitmentIds: ['rate'] },
    { ...stageDone('2025-09-01', 'draft'), commitmentIds: ['rules'] },
  ])
  const Q2 = { start: '2025-04-01', end: '2025-06-30' }
  const YEAR = { start: '2025-01-01', end: '2025-12-31' }

  it.each([
    // window, evidenced, lacking
    [YEAR, [], ['study', 'survey', 'rate', 'rules']],
    [YEAR, ['study', 'rules'], ['survey', 'rate']],
    [Q2, [], ['survey', 'study', 'rate']],
    [Q2, ['survey', 'study', 'rate'], []],
    [{ start: '2025-10-01', end: '2025-12-31' }, [], []],
    [{ start: '2025-09-01', end: '2025-09-01' }, [], ['rules']],
  ])('in %o, evidenced %o: lacking %o', (window, evidenced, expected) => {
    const ids = ['study', 'survey', 'rate', 'rules', 'idle']
    expect([...lackingEvidence(ids, totals, new Set(evidenced), window)].sort()).toEqual([...expected].sort())
  })

  it.each([
    ['study', YEAR, 2],
    ['study', Q2, 1],
    ['study', { start: '2025-03-01', end: '2025-03-01' }, 1],
    ['rate', Q2, 1],
    ['rules', YEAR, 1],
    ['idle', YEAR, 0],
  ])('%s within %o holds %i entries, counted from day totals', (id, window, n) => {
    expect(entriesWithin(totals.get(id), window)).toBe(n)
  })
})
