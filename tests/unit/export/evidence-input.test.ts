import { describe, expect, it } from 'vitest'
import { evidenceLayout, storedExtension, type EvidenceSource } from '@/export/evidence-input'
import type { Attachment, Section } from '@/domain'
import { commitment } from '../domain/fixtures'

const count = { kind: 'count', value: 15, direction: 'at_least', unit: '次' } as const
const SECTIONS: Section[] = [
  { id: 's1', planId: 'p1', parentId: null, title: '深入学习', order: 0 },
  { id: 's1a', planId: 'p1', parentId: 's1', title: '集中学习', order: 0 },
  { id: 's2', planId: 'p1', parentId: null, title: '调查研究', order: 1 },
]
const STUDY = commitment(count, { id: 'study', sectionId: 's1a', order: 0, title: '组织集中学习' })
const SURVEY = commitment(count, { id: 'survey', sectionId: 's2', order: 0, title: '开展专题调研' })
const attachment = (id: string, name: string, mime = 'image/jpeg', kind: Attachment['kind'] = 'image'): Attachment => ({ id, entryId: `e-${id}`, name, kind, mime, size: 1, sha256: '' })
const source = (a: Attachment, date: string, note: string, commitmentIds = ['study']): EvidenceSource => ({ attachment: a, entry: { date, note, commitmentIds } })

describe('the evidence zip\'s layout and the 台账 lines beside it', () => {
  it('places each file under its commitment as the ledger numbers it, labelled by the entry\'s note or the file\'s name', () => {
    const layout = evidenceLayout(SECTIONS, [STUDY, SURVEY], [
      source(attachment('a1', 'IMG_0042.HEIC'), '2025-03-01', '集中学习宪法'),
      source(attachment('a2', '签到表.pdf', 'application/pdf', 'pdf'), '2025-03-01', ''),
      source(attachment('a3', '调研报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'word'), '2025-06-12', '  ', ['survey']),
      source(attachment('a4', 'IMG_0050.jpg'), '2025-06-12', '调研会', ['study', 'survey', 'study']),
    ])
    expect(layout.files).toEqual([
      { path: '一/（一）/1 组织集中学习/2025-03-01 集中学习宪法 01.jpg', attachmentId: 'a1' },
      { path: '一/（一）/1 组织集中学习/2025-03-01 签到表 01.pdf', attachmentId: 'a2' },
      { path: '二/2 开展专题调研/2025-06-12 调研报告 01.docx', attachmentId: 'a3' },
      { path: '一/（一）/1 组织集中学习/2025-06-12 调研会 01.jpg', attachmentId: 'a4' },
      { path: '二/2 开展专题调研/2025-06-12 调研会 01.jpg', attachmentId: 'a4' },
    ])
    expect(Object.fromEntries(layout.byCommitment)).toEqual({
      study: ['一/（一）/1 组织集中学习/2025-03-01 集中学习宪法 01.jpg', '一/（一）/1 组织集中学习/2025-03-01 签到表 01.pdf', '一/（一）/1 组织集中学习/2025-06-12 调研会 01.jpg'],
      survey: ['二/2 开展专题调研/2025-06-12 调研报告 01.docx', '二/2 开展专题调研/2025-06-12 调研会 01.jpg'],
    })
  })

  it('leaves out the commitments not shown, and numbers the shown ones as a ledger of them does', () => {
    const layout = evidenceLayout(SECTIONS, [SURVEY], [source(attachment('a1', 'x.jpg'), '2025-03-01', '学习'), source(attachment('a2', 'y.jpg'), '2025-06-12', '调研会', ['survey'])])
    expect(layout.files).toEqual([{ path: '二/1 开展专题调研/2025-06-12 调研会 01.jpg', attachmentId: 'a2' }])
  })

  it.each([
    [attachment('a', 'IMG_1.PNG'), 'jpg'],
    [attachment('a', '签到表.pdf', 'application/pdf', 'pdf'), 'pdf'],
    [attachment('a', '签到表', 'application/pdf', 'pdf'), 'pdf'],
    [attachment('a', '通知.wps', 'application/msword', 'word'), 'wps'],
    [attachment('a', '表格', 'application/vnd.ms-excel', 'excel'), 'bin'],
  ])('%o is named .%s', (a, extension) => {
    expect(storedExtension(a)).toBe(extension)
  })
})
