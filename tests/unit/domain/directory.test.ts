import { describe, expect, it } from 'vitest'
import { repointCommitmentDepartment, repointCommitmentPerson, repointField } from '@/domain'
import { commitment } from './fixtures'

const count = { kind: 'count' as const, value: 15, direction: 'at_least' as const, unit: '次' }

describe('repointCommitmentDepartment', () => {
  it.each([
    ['the lead', { leadDepartmentId: 'dup', coDepartmentIds: ['x'] }, { leadDepartmentId: 'keep', coDepartmentIds: ['x'] }],
    ['a co-department', { leadDepartmentId: 'x', coDepartmentIds: ['dup', 'y'] }, { leadDepartmentId: 'x', coDepartmentIds: ['keep', 'y'] }],
    ['a co-department already listed', { leadDepartmentId: 'x', coDepartmentIds: ['dup', 'keep'] }, { leadDepartmentId: 'x', coDepartmentIds: ['keep'] }],
    ['a co-department that is the kept lead', { leadDepartmentId: 'keep', coDepartmentIds: ['dup'] }, { leadDepartmentId: 'keep', coDepartmentIds: [] }],
    ['the lead, with the kept one as co', { leadDepartmentId: 'dup', coDepartmentIds: ['keep', 'y'] }, { leadDepartmentId: 'keep', coDepartmentIds: ['y'] }],
  ])('re-points %s', (_name, given, expected) => {
    expect(repointCommitmentDepartment(commitment(count, given), 'dup', 'keep')).toMatchObject(expected)
  })

  it('leaves a commitment that does not mention the duplicate alone', () => {
    expect(repointCommitmentDepartment(commitment(count, { leadDepartmentId: 'x', coDepartmentIds: ['y'] }), 'dup', 'keep')).toBeNull()
  })
})

describe('repointCommitmentPerson', () => {
  it.each([
    ['the leader', { leaderId: 'dup', ownerId: 'x' }, { leaderId: 'keep', ownerId: 'x' }],
    ['the responsible person', { leaderId: 'x', ownerId: 'dup' }, { leaderId: 'x', ownerId: 'keep' }],
    ['both', { leaderId: 'dup', ownerId: 'dup' }, { leaderId: 'keep', ownerId: 'keep' }],
  ])('re-points %s', (_name, given, expected) => {
    expect(repointCommitmentPerson(commitment(count, given), 'dup', 'keep')).toMatchObject(expected)
  })

  it('leaves others alone', () => {
    expect(repointCommitmentPerson(commitment(count, { leaderId: 'x', ownerId: null }), 'dup', 'keep')).toBeNull()
  })
})

describe('repointField', () => {
  it.each([
    [{ departmentId: 'dup' }, { departmentId: 'keep' }],
    [{ departmentId: 'x' }, null],
    [{ departmentId: null }, null],
  ])('%o becomes %o', (row, expected) => {
    expect(repointField(row, 'departmentId', 'dup', 'keep')).toEqual(expected)
  })
})
