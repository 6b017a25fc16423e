import { describe, expect, it } from 'vitest'
import { defaultScope, inScope, matchesSearch, type CommitmentScope } from '@/domain'
import { commitment } from './fixtures'

const target = { kind: 'count', value: 15, direction: 'at_least', unit: '次' } as const
const owned = commitment(target, { id: 'a', ownerId: 'me', leadDepartmentId: 'office' })
const led = commitment(target, { id: 'b', leaderId: 'me', leadDepartmentId: 'law' })
const coDept = commitment(target, { id: 'c', leadDepartmentId: 'law', coDepartmentIds: ['office'] })
const other = commitment(target, { id: 'd', leadDepartmentId: 'law' })
const all = [owned, led, coDept, other]
const me = { personId: 'me', departmentId: 'office' }

describe('inScope', () => {
  it.each<[CommitmentScope, string[]]>([
    ['mine', ['a', 'b']],
    ['department', ['a', 'c']],
    ['all', ['a', 'b', 'c', 'd']],
  ])('%s', (scope, ids) => {
    expect(all.filter((c) => inScope(c, me, scope)).map((c) => c.id)).toEqual(ids)
  })

  it('shows nothing as "mine" to someone not in the directory', () => {
    expect(all.filter((c) => inScope(c, { personId: null, departmentId: null }, 'mine'))).toEqual([])
  })
})

describe('defaultScope', () => {
  it.each([
    ['a person with their own commitments', me, all, 'mine'],
    ['a person whose department has some', { personId: 'nobody', departmentId: 'office' }, all, 'department'],
    ['a newcomer', { personId: null, departmentId: null }, all, 'all'],
  ] as const)('%s', (_name, viewer, commitments, scope) => {
    expect(defaultScope(commitments, viewer)).toBe(scope)
  })
})

describe('matchesSearch', () => {
  it.each([
    ['组织集中学习', '集中 学习', true],
    ['Study sessions', 'STUDY', true],
    ['组织集中学习', '调研', false],
    ['anything', '', true],
  ])('%s ~ %s → %s', (title, query, match) => expect(matchesSearch(title, query)).toBe(match))
})
