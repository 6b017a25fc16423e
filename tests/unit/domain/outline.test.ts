import { describe, expect, it } from 'vitest'
import { chineseNumeral, documentOrder, nextOrder, reorder, sectionNumber, sectionOutline, sectionSubtree, topSectionOf, type Section } from '@/domain'

const section = (id: string, parentId: string | null, order: number, title = id): Section => ({ id, planId: 'p', parentId, title, order })

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
    [99, '九十九'],
    [100, '100'],
    [0, '0'],
  ])('%d → %s', (n, text) => expect(chineseNumeral(n)).toBe(text))
})

describe('sectionNumber', () => {
  it.each([
    [0, 3, '三、'],
    [1, 1, '（一）'],
    [1, 11, '（十一）'],
    [2, 2, '二是'],
    [3, 4, '4.'],
  ])('depth %d, position %d → %s', (depth, position, text) => expect(sectionNumber(depth, position)).toBe(text))
})

describe('sectionOutline', () => {
  it('lists sections in document order with their heading numbers', () => {
    const sections = [
      section('b', 'top', 1, '优法治服务'),
      section('top', null, 0, '2025年工作谋划'),
      section('a', 'top', 0, '固法治根本'),
      section('a2', 'a', 1, '制度精修强基'),
      section('a1', 'a', 0, '思维重塑铸魂'),
    ]
    expect(sectionOutline(sections).map((r) => `${r.depth}:${r.number}${r.section.title}`)).toEqual([
      '0:一、2025年工作谋划',
      '1:（一）固法治根本',
      '2:一是思维重塑铸魂',
      '2:二是制度精修强基',
      '1:（二）优法治服务',
    ])
  })

  it('keeps a section whose parent is gone, at the top level', () => {
    expect(sectionOutline([section('orphan', 'deleted', 0)]).map((r) => [r.depth, r.number])).toEqual([[0, '一、']])
  })

  it('survives a cycle in damaged data without looping', () => {
    const rows = sectionOutline([section('x', 'y', 0), section('y', 'x', 0)])
    expect(rows).toEqual([])
  })
})

describe('sectionSubtree', () => {
  it('finds a section and everything below it', () => {
    const sections = [section('top', null, 0), section('a', 'top', 0), section('a1', 'a', 0), section('b', null, 1)]
    expect([...sectionSubtree(sections, 'top')].sort()).toEqual(['a', 'a1', 'top'])
    expect([...sectionSubtree(sections, 'b')]).toEqual(['b'])
  })
})

describe('reorder', () => {
  const items = [
    { id: 'a', order: 0 },
    { id: 'b', order: 1 },
    { id: 'c', order: 5 },
  ]
  it.each<[string, string, -1 | 1, [string, number][]]>([
    ['moves up', 'b', -1, [['b', 0], ['a', 1], ['c', 2]]],
    ['moves down, closing gaps', 'a', 1, [['b', 0], ['a', 1], ['c', 2]]],
    ['stays at the top', 'a', -1, []],
    ['stays at the bottom', 'c', 1, []],
    ['ignores an unknown id', 'zz', 1, []],
  ])('%s', (_name, id, delta, expected) => {
    const changes = reorder(items, id, delta)
    const after = new Map(items.map((item) => [item.id, changes.get(item.id) ?? item.order]))
    if (expected.length === 0) expect(changes.size).toBe(0)
    else expect([...after.entries()].sort((x, y) => x[1] - y[1])).toEqual(expected)
  })

  it('appends after the largest order', () => {
    expect(nextOrder(items)).toBe(6)
    expect(nextOrder([])).toBe(0)
  })
})

describe('documentOrder', () => {
  const sections: Section[] = [
    { id: 'b', planId: 'p', parentId: null, title: '二', order: 1 },
    { id: 'a', planId: 'p', parentId: null, title: '一', order: 0 },
    { id: 'a1', planId: 'p', parentId: 'a', title: '（一）', order: 0 },
  ]
  it.each<[string, { id: string; sectionId: string | null; order: number }[], string[]]>([
    ['section by section in outline order, sub-sections inside their parent', [{ id: 'x', sectionId: 'b', order: 0 }, { id: 'y', sectionId: 'a1', order: 0 }, { id: 'z', sectionId: 'a', order: 5 }], ['z', 'y', 'x']],
    ['by order within a section', [{ id: 'x', sectionId: 'a', order: 2 }, { id: 'y', sectionId: 'a', order: 1 }], ['y', 'x']],
    ['without a section, or with one that is gone, last', [{ id: 'n', sectionId: null, order: 0 }, { id: 'g', sectionId: 'gone', order: 1 }, { id: 'x', sectionId: 'b', order: 9 }], ['x', 'n', 'g']],
  ])('%s', (_name, commitments, expected) => {
    expect(documentOrder(commitments, sections).map((c) => c.id)).toEqual(expected)
  })
})

describe('topSectionOf', () => {
  it.each<[string, string | null, string | null]>([
    ['a top-level section is its own top', 'a', 'a'],
    ['a sub-sub-section climbs to its top', 'a1x', 'a'],
    ['no section has no top', null, null],
    ['a cycle stops instead of looping', 'c1', 'c1'],
  ])('%s', (_name, id, expected) => {
    const sections = [
      { id: 'a', planId: 'p', parentId: null, title: '一', order: 0 },
      { id: 'a1', planId: 'p', parentId: 'a', title: '（一）', order: 0 },
      { id: 'a1x', planId: 'p', parentId: 'a1', title: '一是', order: 0 },
      { id: 'c1', planId: 'p', parentId: 'c2', title: '环', order: 0 },
      { id: 'c2', planId: 'p', parentId: 'c1', title: '环', order: 0 },
    ]
    expect(topSectionOf(sections)(id)).toBe(expected)
  })
})
