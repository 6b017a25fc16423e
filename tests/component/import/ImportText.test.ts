import { describe, expect, it } from 'vitest'
import ImportText from '@/components/import/ImportText.vue'
import { extractStatements } from '@/domain/extract'
import { mountWithApp } from '../mount-app'

/** The text as shown: each block a run of lines, a block's end standing for the line break it replaces. */
const shownText = (body: Element) => [...body.querySelectorAll('.import-text__block')].map((block) => block.textContent).join('\n')

describe('the text with its statements highlighted', () => {
  const line = (n: number) => (n % 3 === 0 ? `${n}. 全年组织集中学习${n}次，开展专题调研${n + 1}次。` : `第${n}行说明文字，没有数字。`)
  it.each([
    ['one line', [line(3)].join('\n')],
    ['39 lines', Array.from({ length: 39 }, (_, n) => line(n)).join('\n')],
    ['40 lines, the last one empty', `${Array.from({ length: 39 }, (_, n) => line(n)).join('\n')}\n`],
    ['1,000 lines with blank ones', Array.from({ length: 1000 }, (_, n) => (n % 7 === 0 ? '' : line(n))).join('\n')],
    ['a line break inside a statement’s run', '明年组织不少于\n15次集中学习。\n'.repeat(90)],
  ])('%s: every character shown once, in order, in blocks of at most 40 lines', async (_name, text) => {
    const statements = extractStatements(text)
    const { wrapper } = await mountWithApp(ImportText, { props: { text, statements } })
    const body = wrapper.find('.import-text__body').element
    expect(shownText(body)).toBe(text)
    for (const block of body.querySelectorAll('.import-text__block')) expect(block.textContent!.split('\n').length).toBeLessThanOrEqual(40)
    expect(body.querySelectorAll('mark[data-statement]')).toHaveLength(new Set(statements.map((s) => s.start)).size)
  })

  it('words what a statement was understood as when it is first hovered', async () => {
    const text = '2025年组织不少于15次集中学习。'
    const { wrapper } = await mountWithApp(ImportText, { path: '/import', props: { text, statements: extractStatements(text) } })
    const mark = wrapper.find('mark[data-statement]')
    expect(mark.attributes('title')).toBeUndefined()
    await mark.trigger('mouseover')
    expect(mark.attributes('title')).toMatch(/目标任务：.*不少于15次/)
  })
})
