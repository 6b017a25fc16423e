import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { detectColumns, draftFromStatement, entryFromOutcome, extractStatements, importRows, ledgerDate, mainYear, readLedgerRows, outcomeDate, sectionTitle, similarity, suggestCommitment, type Statement } from '@/domain/extract'
import { commitment } from './fixtures'

const PLAN = '三、2025年工作谋划\n(一)强化思想建设。'
const REPORT = '一、2024年工作总结\n(一)强化思想建设。'

function found(text: string, year?: number): Statement[] {
  const statements = extractStatements(text, year === undefined ? {} : { year })
  for (const s of statements) expect(text.slice(s.start, s.end)).toBe(s.quote)
  return statements
}
const pick = ({ value, unit, comparator, targetType, kind }: Statement) => ({ value, unit, comparator, targetType, kind })

describe('extractStatements: commitments in a plan', () => {
  it.each<[string, Partial<Statement>]>([
    ['组织不少于15次的集中学习', { value: 15, unit: '次', comparator: '>=', targetType: 'count' }],
    ['每年至少开展2次回头看活动', { value: 2, unit: '次', comparator: '>=', targetType: 'per_period', period: 'year' }],
    ['干部参学率不低于95%', { value: 95, unit: '%', comparator: '>=', targetType: 'ratio' }],
    ['培训覆盖500人以上', { value: 500, unit: '人', comparator: '>=', targetType: 'count' }],
    ['信访投诉不超过10件', { value: 10, unit: '件', comparator: '<=', targetType: 'count' }],
    ['案件办理控制在30件以内', { value: 30, unit: '件', comparator: '<=' }],
    ['力争发表论文20篇', { value: 20, unit: '篇', comparator: '>=' }],
    ['工作效率提升30%以上', { value: 30, unit: '%', comparator: '>=', targetType: 'percent_change' }],
    ['法治风险降低20%以上', { value: 20, unit: '%', comparator: '>=', targetType: 'reduction' }],
    ['专家库扩充至50人以上', { value: 50, unit: '人', comparator: '>=', targetType: 'level' }],
    ['考核占比不低于20%', { value: 20, unit: '%', comparator: '>=', targetType: 'ratio' }],
    ['每月集中学习交流不少于一次', { value: 1, unit: '次', comparator: '>=', targetType: 'per_period', period: 'month' }],
    ['每季度召开形势分析会1次', { value: 1, unit: '次', comparator: '=', targetType: 'per_period', period: 'quarter' }],
    ['每半年开展一次督导检查', { value: 1, unit: '次', targetType: 'per_period', period: 'half_year' }],
    ['每周更新信息不少于两条', { value: 2, unit: '条', comparator: '>=', targetType: 'per_period', period: 'week' }],
    ['新增法治文化展示区3处', { value: 3, unit: '处', comparator: '=', targetType: 'count' }],
    ['举办讲座十五场', { value: 15, unit: '场' }],
    ['开展培训1 5场次', { value: 15, unit: '场次' }],
    ['完成学时40学时', { value: 40, unit: '学时' }],
  ])('%s', (sentence, expected) => {
    const [statement, ...rest] = found(PLAN + sentence + '。')
    expect(rest).toEqual([])
    expect(statement).toMatchObject({ kind: 'commitment', year: 2025, section: '(一)强化思想建设', ...expected })
  })

  it('reads a range as two statements: at least the first, at most the second', () => {
    expect(found(PLAN + '每个科室确定联络员2名以上5名以下。').map(pick)).toEqual([
      { value: 2, unit: '名', comparator: '>=', targetType: 'count', kind: 'commitment' },
      { value: 5, unit: '名', comparator: '<=', targetType: 'count', kind: 'commitment' },
    ])
  })
})

describe('extractStatements: outcomes in a report', () => {
  it.each<[string, Partial<Statement>]>([
    ['开展法治专题调研15次', { value: 15, unit: '次', comparator: '=', targetType: 'count' }],
    ['组织学习活动达20余次', { value: 20, comparator: '~>' }],
    ['累计解决纠纷190余起', { value: 190, unit: '起', comparator: '~>' }],
    ['阅读总量突破10万人次', { value: 100_000, unit: '人次', comparator: '~>' }],
    ['覆盖群众两万余人', { value: 20_000, unit: '人', comparator: '~>' }],
    ['收到意见二十余条', { value: 20, unit: '条', comparator: '~>' }],
    ['发放资料300多份', { value: 300, unit: '份', comparator: '~>' }],
    ['参训人员达到500人以上', { value: 500, unit: '人', comparator: '~>' }],
    ['考试通过率100%', { value: 100, unit: '%', comparator: '=', targetType: 'ratio' }],
    ['工作效率提升了25%', { value: 25, unit: '%', comparator: '=', targetType: 'percent_change' }],
    ['办案周期缩短了12%', { value: 12, unit: '%', targetType: 'reduction' }],
    ['全年组织会议60余场', { value: 60, unit: '场', comparator: '~>', period: 'year' }],
    ['组建志愿服务队3支', { value: 3, unit: '支' }],
    ['编印手册2部', { value: 2, unit: '部' }],
  ])('%s', (sentence, expected) => {
    const [statement, ...rest] = found(REPORT + sentence + '。')
    expect(rest).toEqual([])
    expect(statement).toMatchObject({ kind: 'outcome', year: 2024, ...expected })
  })
})

describe('extractStatements: what is not a quantity', () => {
  it.each([
    ['dates', '2025年3月12日召开会议,会期2天半。'.replace('2天半', '半天')],
    ['a document number', '根据《关于印发方案的通知》(政办发〔2025〕37号)要求。'],
    ['a hotline', '畅通12345热线。'],
    ['list numbering', '1.加强学习。(2)完善制度。一是强化意识。第一,提高认识。'],
    ['slogans', '坚持两个确立,落实三重一大决策制度,推进八五普法,履行第一责任人职责,增强四个意识,落实两个责任。'],
    ['money and durations', '投入资金50万元,办理时限压缩至5天。'],
    ['place names', '走访二街村和三道河子镇。'],
    ['words with numerals', '进一步统一思想,一定成绩,一批问题,每一项条款都要审查。'],
    ['a page note', '---此处隐藏4456字,下载后查看---'],
  ])('%s', (_name, text) => {
    expect(found(REPORT + text)).toEqual([])
  })
})

describe('extractStatements: the document around the statement', () => {
  it('takes kind and year from the part headings, and the year of an untitled part from the title', () => {
    const text = '某局2025年度工作报告\n一、主要工作与成效\n(一)抓学习。全年组织学习4次。\n二、下一年度工作打算\n(一)抓落实。组织学习不少于6次。'
    expect(found(text).map((s) => [s.kind, s.year, s.value, s.section])).toEqual([
      ['outcome', 2025, 4, '(一)抓学习'],
      ['commitment', 2026, 6, '(一)抓落实'],
    ])
  })

  it('uses the given year for a document that names none, and an explicit year in the sentence first', () => {
    expect(found('开展调研12次。', 2023).map((s) => s.year)).toEqual([2023])
    expect(found('三、工作计划\n到2027年专家库扩充至80人。', 2025).map((s) => [s.year, s.targetType])).toEqual([[2027, 'level']])
  })

  it('keeps offsets in the original text when it has full-width digits', () => {
    const [statement] = found(PLAN + '组织学习不少于１５次。')
    expect(statement).toMatchObject({ value: 15, quote: '组织学习不少于１５次' })
  })

  it('reads the real seed documents exactly as labelled (see npm run eval:extract)', () => {
    const gold = readFileSync('tests/fixtures/seeds/gold-dev.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line))
    for (const doc of new Set(gold.map((g) => g.doc as string))) {
      const text = readFileSync(`tests/fixtures/seeds/${doc}`, 'utf8')
      const ours = found(text).map((s) => [s.start < 0, s.value, s.unit, s.comparator, s.targetType, s.kind, s.year])
      const theirs = gold.filter((g) => g.doc === doc).map((g) => [false, g.value, g.unit, g.comparator, g.target_type, g.kind, g.year])
      expect(ours).toEqual(theirs)
    }
  })
})

describe('extractStatements: robustness', () => {
  it('never throws and keeps every quote a slice of the text, on any input', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom('不少于', '以上', '余', '万', '亿', '%', '次', '(一)', '一、', '\n', '〔2025〕', '每年', '十', '两', '第', '至', '99999999999999999999'),
      fc.integer().map(String),
      fc.double().map(String),
      fc.nat(30).map((n) => '('.repeat(n) + '（'.repeat(n) + ')'.repeat(n)),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }), (text, year) => {
        for (const s of extractStatements(text, year === undefined ? {} : { year })) {
          expect(text.slice(s.start, s.end)).toBe(s.quote)
          expect(Number.isFinite(s.value)).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('drops numbers too large to be finite', () => {
    expect(found(`${'9'.repeat(400)}次,${'9'.repeat(305)}亿次`)).toEqual([])
  })

  it('answers nothing for empty or non-text input', () => {
    expect(extractStatements('')).toEqual([])
    expect(extractStatements(undefined as unknown as string)).toEqual([])
  })
})

describe('import: statements to drafts and entries', () => {
  const statement = (sentence: string, part = PLAN) => found(part + sentence + '。')[0]!

  it.each<[string, Partial<ReturnType<typeof draftFromStatement>>]>([
    ['组织不少于15次的集中学习', { kind: 'count', value: 15, unit: '次', direction: 'at_least', title: '集中学习' }],
    ['信访投诉不超过10件', { kind: 'count', value: 10, unit: '件', direction: 'at_most' }],
    ['每年至少开展2次回头看活动', { kind: 'recurring', period: 'year', minimum: 2, unit: '次' }],
    ['考核占比不低于20%', { kind: 'ratio', value: 20, direction: 'at_least' }],
    ['工作效率提升30%以上', { kind: 'percent_change', value: 30, changeDirection: 'increase', baseline: null }],
    ['法治风险降低20%以上', { kind: 'percent_change', value: 20, changeDirection: 'decrease' }],
    ['专家库扩充至50人以上', { kind: 'level', value: 50, unit: '人', direction: 'at_least' }],
  ])('%s', (sentence, expected) => {
    expect(draftFromStatement(statement(sentence))).toMatchObject(expected)
  })

  it.each([
    ['(一)持法治之尺', '持法治之尺'],
    ['（二）聚法治之力', '聚法治之力'],
    ['一、主要工作', '主要工作'],
    ['没有编号', '没有编号'],
  ])('sectionTitle(%s) is %s', (given, expected) => expect(sectionTitle(given)).toBe(expected))

  it('suggests the commitment an outcome reports on by the likeness of their words, or none', () => {
    const commitments = [
      { id: 'study', title: '组织集中学习' },
      { id: 'survey', title: '开展前瞻性法治调研' },
      { id: 'experts', title: '法治决策咨询专家库专家数量' },
    ]
    expect(suggestCommitment(statement('开展法治专题调研15次', REPORT), commitments)?.id).toBe('survey')
    expect(suggestCommitment(statement('组织集中学习20余次', REPORT), commitments)?.id).toBe('study')
    expect(suggestCommitment(statement('发放宣传资料5000余份', REPORT), commitments)).toBeNull()
    expect(similarity('集中学习', '集中学习')).toBe(1)
    expect(similarity('', '集中学习')).toBe(0)
  })

  it('logs an outcome as the entry its commitment takes, at its year\'s end inside the plan and not after today', () => {
    const window = { start: '2025-01-01', end: '2025-12-31' }
    const count = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' })
    const change = commitment({ kind: 'percent_change', percent: 30, direction: 'increase', baseline: 80, unit: '件' })
    const outcome = statement('开展调研15次', REPORT.replace('2024', '2025'))
    expect(outcomeDate(outcome, window, '2026-03-01')).toBe('2025-12-31')
    expect(outcomeDate(outcome, window, '2025-06-30')).toBe('2025-06-30')
    expect(outcomeDate(statement('开展调研15次', REPORT), window, '2026-03-01')).toBe('2025-12-31')
    expect(entryFromOutcome(outcome, count, '2025-12-31')).toMatchObject({ type: 'quantity', quantity: 15, commitmentIds: ['c1'], note: '开展调研15次' })
    expect(entryFromOutcome(statement('工作效率提升了25%', REPORT), change, '2025-12-31')).toMatchObject({ type: 'measurement', value: 100 })
    expect(entryFromOutcome(outcome, commitment({ kind: 'milestone', stages: [] }), '2025-12-31')).toBeNull()
  })

  it('finds the year most statements are about', () => {
    const text = readFileSync('tests/fixtures/seeds/000_19038bcaddf8b743.txt', 'utf8')
    const all = extractStatements(text)
    expect(mainYear(all.filter((s) => s.kind === 'commitment'))).toBe(2025)
    expect(mainYear(all.filter((s) => s.kind === 'outcome'))).toBe(2024)
    expect(mainYear([])).toBeNull()
  })
})

describe('reading an Excel 台账 back', () => {
  const table = {
    rows: [
      ['2025年工作谋划工作台账', '', '', '', '', ''],
      ['序号', '工作任务', '目标要求', '责任单位', '责任人', '完成时限'],
      ['一、固法治根本', '', '', '', '', ''],
      ['1', '组织集中学习', '不少于15次', '办公室', '王芳', '2025-12-31'],
      ['2', '法治思维考核占比', '不低于20%', '组织人事科', '李明', '2025年6月'],
      ['3', '完善制度机制', '持续推进', '办公室', '', ''],
      ['4', '', '不少于3次', '', '', ''],
      ['', '', '', '', '', ''],
      ['二、优法治服务', '二、优法治服务', '二、优法治服务', '二、优法治服务', '二、优法治服务', '二、优法治服务'],
      ['5', '每年开展民意回头看活动2次', '', '法治研究科', '', '2025.12.31'],
    ],
  }

  it('finds the heading row and the columns by their names', () => {
    expect(detectColumns(table)).toEqual({ headerRow: 1, mapping: { title: 1, requirement: 2, lead: 3, owner: 4, due: 5 } })
    expect(detectColumns({ rows: [['a', 'b']] })).toBeNull()
  })

  it('turns each row into a draft under its section, and says why a row is not one', () => {
    const rows = readLedgerRows(table, 1, { title: 1, requirement: 2, lead: 3, owner: 4, due: 5 })
    expect(rows.map((r) => [r.row, r.section, r.title, r.draft?.kind ?? null, r.draft?.value ?? r.draft?.minimum ?? null, r.due, r.problem])).toEqual([
      [4, '固法治根本', '组织集中学习', 'count', 15, '2025-12-31', null],
      [5, '固法治根本', '法治思维考核占比', 'ratio', 20, '2025-06-30', null],
      [6, '固法治根本', '完善制度机制', null, null, null, 'noTarget'],
      [7, '固法治根本', '', null, null, null, 'noTitle'],
      [10, '优法治服务', '每年开展民意回头看活动2次', 'recurring', 2, '2025-12-31', null],
    ])
    expect(rows[0]).toMatchObject({ lead: '办公室', owner: '王芳' })
  })

  it.each([
    ['2025-12-31', '2025-12-31'],
    ['2025/6/30', '2025-06-30'],
    ['2025年9月', '2025-09-30'],
    ['2024.2', '2024-02-29'],
    ['年底前', null],
    ['2025-13-01', null],
  ])('ledgerDate(%s) is %s', (text, expected) => expect(ledgerDate(text)).toBe(expected))
})

describe('importRows: what accepting an import adds', () => {
  const plan = { id: 'p', name: '2025年工作谋划', organisation: '', window: { start: '2025-01-01', end: '2025-12-31' } }
  const kept = { id: 's-old', planId: 'p', parentId: null, title: '固法治根本', order: 3 }
  const study = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { id: 'c-old', planId: 'p', order: 7 })
  const [draftStatement] = extractStatements('组织不少于15次集中学习。', { year: 2025 })
  const [result] = extractStatements('二、2025年工作总结\n开展专题调研15次。', { year: 2025 })
  let n = 0
  const rows = importRows(
    {
      plan,
      sections: [kept],
      commitments: [study],
      drafts: [
        { key: 'k1', section: ' 固法治根本 ', draft: draftFromStatement(draftStatement!) },
        { key: 'k2', section: '优法治服务', draft: draftFromStatement(draftStatement!) },
        { key: 'k3', section: '优法治服务', draft: draftFromStatement(draftStatement!) },
        { key: 'k4', section: '', draft: draftFromStatement(draftStatement!) },
      ],
      outcomes: [
        { statement: result!, countsToward: { draftKey: 'k2' } },
        { statement: result!, countsToward: { commitmentId: 'c-old' } },
        { statement: result!, countsToward: { commitmentId: 'gone' } },
      ],
      today: '2025-10-15',
    },
    () => `n${++n}`,
  )

  it('reuses a section of the same title and adds the others once, after the plan\'s own', () => {
    expect(rows.sections).toEqual([{ id: 'n2', planId: 'p', parentId: null, title: '优法治服务', order: 4 }])
    expect(rows.commitments.map((c) => [c.sectionId, c.order])).toEqual([['s-old', 8], ['n2', 9], ['n2', 10], [null, 11]])
  })

  it('logs each result against a draft or a commitment of the plan, dated no later than today, and drops one whose commitment is gone', () => {
    expect(rows.entries.map((e) => [e.commitmentIds[0], e.date, e.type === 'quantity' ? e.quantity : null])).toEqual([
      [rows.commitments[1]!.id, '2025-10-15', 15],
      ['c-old', '2025-10-15', 15],
    ])
  })
})
