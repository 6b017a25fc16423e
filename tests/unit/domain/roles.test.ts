import { describe, expect, it } from 'vitest'
import { entryRefusal, rowRefusal, taskRefusal, type Account, type Role, type RoleRefusal, type Subject, type Task } from '@/domain'
import { validateDocUpdate } from '../../../scripts/sharing/design.mjs'

const as = (role: Role | null, name = '张三'): Account => ({ name, role })
const stamp = { updatedAt: '2025-03-01T08:00:00.000Z', updatedBy: '张三', deletedAt: null }
const entry = (fields: Record<string, unknown> = {}) => ({ id: 'e1', commitmentIds: ['c1'], date: '2025-03-12', type: 'quantity', quantity: 1, note: '', ...stamp, ...fields })
const review = (fields: Record<string, unknown> = {}) => ({
  id: 'r1',
  planId: 'p1',
  title: '2025年第一季度调度',
  meetingDate: null,
  attendees: '',
  decisions: '',
  notes: [],
  snapshot: null,
  ...stamp,
  ...fields,
})
const gone = { deletedAt: '2025-03-02T08:00:00.000Z' }
const attachment = (fields: Record<string, unknown> = {}) => ({ id: 'a1', entryId: 'e1', name: '签到表.jpg', kind: 'image', mime: 'image/jpeg', size: 1024, sha256: '0'.repeat(64), ...stamp, ...fields })

type Row = Record<string, unknown>
/** account, what it writes, over what is stored, and why it is refused (null: allowed). */
const CASES: [string, Account | null, Subject, Row, Row | undefined, RoleRefusal | null][] = [
  ['sharing off: anything', null, 'plans', { id: 'p1', name: '计划', ...stamp }, undefined, null],
  ['the keeper writes a commitment', as('keeper'), 'commitments', { id: 'c1', title: '组织集中学习', ...stamp }, undefined, null],
  ['the keeper edits anyone’s entry', as('keeper'), 'entries', entry({ quantity: 2, owner: '李四' }), entry({ owner: '李四' }), null],
  ['staff add a commitment', as('staff'), 'commitments', { id: 'c1', title: '组织集中学习', ...stamp }, undefined, 'keeperOnly'],
  ['staff log an entry', as('staff'), 'entries', entry(), undefined, null],
  ['staff edit their own entry', as('staff'), 'entries', entry({ quantity: 3, owner: '张三' }), entry({ owner: '张三' }), null],
  ['staff remove their own entry', as('staff'), 'entries', entry({ ...gone, owner: '张三' }), entry({ owner: '张三' }), null],
  ['staff edit another’s entry', as('staff'), 'entries', entry({ quantity: 3, owner: '李四' }), entry({ owner: '李四' }), 'ownEntriesOnly'],
  ['staff remove another’s entry', as('staff'), 'entries', entry({ ...gone, owner: '李四' }), entry({ owner: '李四' }), 'ownEntriesOnly'],
  ['staff log an entry as someone else', as('staff'), 'entries', entry({ owner: '李四' }), undefined, 'ownEntriesOnly'],
  ['staff write a review’s notes', as('staff'), 'reviews', review({ decisions: '加快进度' }), review(), 'keeperOnly'],
  ['staff rename a department', as('staff'), 'departments', { id: 'd1', name: '办公室', ...stamp }, { id: 'd1', name: '综合科', ...stamp }, 'keeperOnly'],
  ['anyone adds themself to the people list', as('staff'), 'people', { id: 'x', name: '张三', departmentId: null, ...stamp }, undefined, null],
  ['staff add someone else', as('staff'), 'people', { id: 'x', name: '李四', departmentId: null, ...stamp }, undefined, 'keeperOnly'],
  ['staff change their own person', as('staff'), 'people', { id: 'x', name: '张三', departmentId: 'd1', ...stamp }, { id: 'x', name: '张三', departmentId: null, ...stamp }, 'keeperOnly'],
  ['a leader writes decisions and notes', as('leader', '李局长'), 'reviews', review({ decisions: '加快进度', notes: [{ commitmentId: 'c1', narrative: null, problems: '慢', nextSteps: '' }], updatedBy: '李局长' }), review(), null],
  ['a leader sets the meeting date and attendees', as('leader', '李局长'), 'reviews', review({ meetingDate: '2025-04-03', attendees: '班子成员', updatedBy: '李局长' }), review(), null],
  ['a leader renames a review', as('leader', '李局长'), 'reviews', review({ title: '改名', updatedBy: '李局长' }), review(), 'meetingOnly'],
  ['a leader removes a review', as('leader', '李局长'), 'reviews', review({ ...gone, updatedBy: '李局长' }), review(), 'meetingOnly'],
  ['a leader creates a review', as('leader', '李局长'), 'reviews', review({ updatedBy: '李局长' }), undefined, 'keeperOnly'],
  ['a leader logs an entry', as('leader', '李局长'), 'entries', entry({ updatedBy: '李局长' }), undefined, 'leadersRead'],
  ['staff attach evidence to their own entry', as('staff'), 'attachments', attachment({ owner: '张三' }), undefined, null],
  ['staff remove their own evidence', as('staff'), 'attachments', attachment({ ...gone, owner: '张三' }), attachment({ owner: '张三' }), null],
  ['staff remove another’s evidence', as('staff'), 'attachments', attachment({ ...gone, owner: '李四' }), attachment({ owner: '李四' }), 'ownEntriesOnly'],
  ['a leader attaches evidence', as('leader', '李局长'), 'attachments', attachment({ updatedBy: '李局长' }), undefined, 'leadersRead'],
  ['the keeper removes anyone’s evidence', as('keeper'), 'attachments', attachment({ ...gone, owner: '李四' }), attachment({ owner: '李四' }), null],
  ['a leader edits a commitment', as('leader', '李局长'), 'commitments', { id: 'c1', title: '改', ...stamp }, { id: 'c1', title: '原', ...stamp }, 'keeperOnly'],
]

/** The row as the hub sees it: the document the bridge sends (src/sharing/documents.ts). */
function asDocument(subject: Subject, row: Row, author: string, owner?: unknown): Row & { _id: string } {
  const doc = { ...row, _id: `${subject}:${String(row.id)}`, table: subject, updatedBy: author }
  return subject === 'entries' || subject === 'attachments' ? { ...doc, owner: owner ?? row.owner ?? author } : doc
}

describe('what a role may write', () => {
  it.each(CASES)('%s', (_, account, subject, after, before, expected) => {
    expect(rowRefusal(account, subject, after, before)).toBe(expected)
  })

  it.each(CASES.filter(([, account]) => account !== null))('the hub says the same: %s', (_, account, subject, after, before) => {
    const user = { name: account!.name, roles: [account!.role!] }
    const old = before ? asDocument(subject, before, String(before.updatedBy)) : null
    const hub = () => validateDocUpdate(asDocument(subject, after, account!.name, old?.owner), old, user)
    if (rowRefusal(account, subject, after, before)) expect(hub).toThrow()
    else expect(hub).not.toThrow()
  })
})

describe('what a role may do on a screen', () => {
  const TASKS: Task[] = ['plan', 'directory', 'review', 'meeting', 'log', 'dataset']
  const expected: Record<string, (RoleRefusal | null)[]> = {
    none: [null, null, null, null, null, null],
    keeper: [null, null, null, null, null, null],
    staff: ['keeperOnly', 'keeperOnly', 'keeperOnly', 'keeperOnly', null, 'keeperOnly'],
    leader: ['keeperOnly', 'keeperOnly', 'keeperOnly', null, 'leadersRead', 'keeperOnly'],
  }
  it.each(Object.entries(expected))('%s', (role, refusals) => {
    const account = role === 'none' ? null : as(role as Role)
    expect(TASKS.map((task) => taskRefusal(account, task))).toEqual(refusals)
  })

  it.each([
    ['staff, an entry never shared (logged here)', as('staff'), {}, null],
    ['staff, their own', as('staff'), { owner: '张三' }, null],
    ['staff, another’s', as('staff'), { owner: '李四' }, 'ownEntriesOnly'],
    ['a leader', as('leader'), { owner: '张三' }, 'leadersRead'],
    ['the keeper, another’s', as('keeper'), { owner: '李四' }, null],
    ['sharing off', null, { owner: '李四' }, null],
  ] as const)('changing an entry: %s', (_, account, owned, refusal) => {
    expect(entryRefusal(account, owned)).toBe(refusal)
  })
})
