import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { asKind, detectColumns, draftFromStatement, rowBefore, withRequirement, entryFromOutcome, extractStatements, importRows, ledgerDate, mainYear, readLedgerRows, outcomeDate, sectionTitle, similarity, suggestCommitment, type Statement } from '@/domain/extract'
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
    ['dates', '2025年3月12日召开会议。'],
    ['a document number', '根据《关于印发方案的通知》(政办发〔2025〕37号)要求。'],
    ['a hotline', '畅通12345热线。'],
    ['list numbering', '1.加强学习。(2)完善制度。一是强化意识。第一,提高认识。'],
    ['slogans', '坚持两个确立,落实三重一大决策制度,推进八五普法,履行第一责任人职责,增强四个意识,落实两个责任。'],
    ['place names', '走访二街村和三道河子镇。'],
    ['words with numerals', '进一步统一思想,一定成绩,一批问题,每一项条款都要审查。'],
    ['a page note', '---此处隐藏4456字,下载后查看---'],
  ])('%s', (_name, text) => {
    expect(found(REPORT + text)).toEqual([])
  })
})

describe('extractStatements: units of the genre', () => {
  it.each<[string, Partial<Statement>]>([
    ['投入资金50万元', { value: 500_000, unit: '元', targetType: 'count' }],
    ['争取资金1.2亿元', { value: 120_000_000, unit: '元' }],
    ['吸引超过2千万人次观看', { value: 20_000_000, unit: '人次' }],
    ['人均收入9630元', { value: 9630, unit: '元' }],
    ['办理时限压缩至5天', { value: 5, unit: '天', targetType: 'level' }],
    ['每次学习半天', { value: 0.5, unit: '天' }],
    ['每次不少于3个小时', { value: 3, unit: '小时', comparator: '>=' }],
    ['汇报一般不超过10分钟', { value: 10, unit: '分钟', comparator: '<=' }],
    ['审批由15个工作日缩短至5个工作日', { value: 5, unit: '工作日', targetType: 'level' }],
    ['脱产培训累计3个月', { value: 3, unit: '个月' }],
    ['文件一般不超过3000字', { value: 3000, unit: '字', comparator: '<=' }],
    ['年满18周岁', { value: 18, unit: '周岁' }],
    ['新建法治学校2所', { value: 2, unit: '所' }],
    ['征集作品120幅', { value: 120, unit: '幅' }],
    ['开设法治课40堂', { value: 40, unit: '堂' }],
    ['走访企业36家', { value: 36, unit: '家' }],
    ['帮扶困难群众200户', { value: 200, unit: '户' }],
    ['举办培训班3期', { value: 3, unit: '期' }],
    ['编印手册2000本', { value: 2000, unit: '本' }],
    ['化解矛盾219宗', { value: 219, unit: '宗' }],
    ['收到表扬信8封', { value: 8, unit: '封' }],
    ['翻译成43种语言', { value: 43, unit: '种' }],
    ['实施手术5例', { value: 5, unit: '例' }],
    ['新建沼气池30口', { value: 30, unit: '口' }],
    ['重建公路26.5公里', { value: 26.5, unit: '公里' }],
    ['流转土地3000亩', { value: 3000, unit: '亩' }],
    ['开展实地督察2轮', { value: 2, unit: '轮' }],
    ['分解5大类任务', { value: 5, unit: '类' }],
    ['出生率控制在4‰以内', { value: 4, unit: '‰', comparator: '<=' }],
    ['请假时间不得超过总学时的1/7', { value: 14.29, unit: '%', comparator: '<=', targetType: 'ratio' }],
    ['女性干部不少于三分之一', { value: 33.33, unit: '%', comparator: '>=' }],
    ['每年撰写1-2篇调研报告', { value: 1, unit: '篇', comparator: '>=', targetType: 'per_period', period: 'year' }],
    ['项目投资1.1亿元', { value: 110_000_000, unit: '元' }],
    ['粮食产量1.37万亿斤', { value: 1_370_000_000_000, unit: '斤' }],
    ['收购生猪500公斤', { value: 500, unit: '公斤' }],
    ['居民消费价格上涨0.9%', { value: 0.9, targetType: 'percent_change' }],
    ['巡河长度需要达到300米以上', { value: 300, unit: '米', comparator: '>=' }],
    ['覆盖企业1500家次', { value: 1500, unit: '家次' }],
    ['间隔要大于96小时', { value: 96, unit: '小时', comparator: '>=' }],
    ['按1500/人的标准发放补贴', { value: 1500, unit: '' }],
    ['党支部党员大会每三个月召开一次', { value: 1, unit: '次', targetType: 'per_period', period: 'quarter' }],
    ['一天内由分管主任审批', { value: 1, unit: '天', comparator: '<=' }],
    ['事假要求至少提前一天申请', { value: 1, unit: '天', comparator: '>=' }],
    ['在24小时内报人力资源部', { value: 24, unit: '小时', comparator: '<=' }],
    ['迟到每月超3次予以批评', { value: 3, comparator: '>=', targetType: 'per_period', period: 'month' }],
    ['人均预期寿命达到78.5岁', { value: 78.5, unit: '岁', comparator: '>=' }],
    ['孕产妇死亡率下降到10/10万', { value: 10, unit: '', comparator: '<=', targetType: 'level' }],
    ['村网格员的活跃度达到8天/月', { value: 8, unit: '天', comparator: '>=', targetType: 'per_period', period: 'month' }],
    ['信息录入率达9成以上', { value: 90, unit: '%', comparator: '>=', targetType: 'ratio' }],
    ['信息采集准确率达100%', { value: 100, comparator: '>=' }],
    ['年度考核,一年一次', { value: 1, unit: '次', targetType: 'per_period', period: 'year' }],
  ])('%s', (clause, expected) => {
    const statements = found('某局工作制度\n' + clause + '。')
    expect(statements).toHaveLength(1)
    expect(statements[0]).toMatchObject(expected)
  })
})

describe('extractStatements: kind from the clause, not only the heading', () => {
  const MIXED = '某局2024年工作总结和2025年工作计划\n一、深入学习贯彻党的二十大精神,加大学法力度\n'
  it.each<[string, string, Statement['kind']]>([
    ['a topic heading under a report-and-plan title holds results', '全年组织学习12次。', 'outcome'],
    ['已 marks a result', '已建成调解室8个。', 'outcome'],
    ['了 marks a result', '开展了专题培训3期。', 'outcome'],
    ['a floor is a commitment, even in a report part', '按要求每月学习不少于1次。', 'commitment'],
    ['力争 is an aim', '力争培育示范点3个。', 'commitment'],
    ['原则上 is a rule', '会议原则上每年不超过1次。', 'commitment'],
    ['一般不超过 is a ceiling', '发言一般不超过2分钟。', 'commitment'],
    ['将 meaning 把 is not a promise', '将学法情况纳入考核,考核单位32个。', 'outcome'],
    ['学习计划 is a noun, not a plan', '制定学习计划5份。', 'outcome'],
  ])('%s', (_name, sentence, kind) => {
    expect(found(MIXED + sentence).map((s) => s.kind)).toEqual([kind])
  })

  it('takes the plan part after the report, and its year, from a heading that speaks', () => {
    const text = '某局2024年工作总结\n一、强化学习\n全年组织学习12次。\n二、下一步工作打算\n组织学习15次。'
    expect(found(text).map((s) => [s.kind, s.year])).toEqual([
      ['outcome', 2024],
      ['commitment', 2025],
    ])
  })
})

describe('extractStatements: standing rules are commitments, dated only when they say so', () => {
  it.each([
    ['值班管理办法', '每周值班不少于4小时。', { comparator: '>=', targetType: 'per_period', period: 'week', unit: '小时' }],
    ['会议管理规定', '汇报一般不超过10分钟。', { comparator: '<=', targetType: 'count', unit: '分钟' }],
    ['人民调解工作制度', '每个社区配备调解员一名。', { comparator: '=', value: 1, unit: '名' }],
    ['关于印发学习制度的通知', '中心组每月集中学习一次。', { targetType: 'per_period', period: 'month' }],
    ['培训实施方案', '迟到一次罚款20元。', { value: 20, unit: '元' }],
  ])('%s: %s', (title, sentence, expected) => {
    const statements = found(`${title}\n${sentence}`)
    expect(statements).toHaveLength(1)
    expect(statements[0]).toMatchObject({ kind: 'commitment', year: null, ...expected })
  })

  it('reads the clauses after a sentence announcing targets as commitments, across its semicolons', () => {
    const text = '报告指出,今年发展主要预期目标是:国内生产总值增长5.5%左右;城镇新增就业1100万人以上。'
    expect(found(text).map((s) => [s.kind, s.comparator])).toEqual([
      ['commitment', '='],
      ['commitment', '>='],
    ])
  })

  it('reads a table flattened to text: a target, then what was done against it', () => {
    const text = '2023年3月份暖民心行动进展情况表\n2.募集青年就业见习岗位325个 完成330个,完成率101.54%'
    expect(found(text).map((s) => [s.value, s.kind])).toEqual([
      [325, 'commitment'],
      [330, 'outcome'],
      [101.54, 'outcome'],
    ])
  })

  it('lets only a heading speak for its part: a long numbered paragraph of rules does not', () => {
    const text = '“三会一课”制度\n四、党员每季应向党组织汇报一次自己的思想、学习和工作情况,自觉接受党组织的监督。'
    expect(found(text).map((s) => [s.kind, s.period])).toEqual([['commitment', 'quarter']])
  })

  it('takes a sentence\'s future for a clause with no word of its own', () => {
    expect(found('在此期间全市41个单位、45所高校将组织开展宣传活动6000余场。').map((s) => [s.value, s.kind, s.comparator])).toEqual([
      [41, 'commitment', '='],
      [45, 'commitment', '='],
      [6000, 'commitment', '>='],
    ])
  })

  it('reads a recurring figure in a report as a result, and a floor in a result as "more than about"', () => {
    const text = '截至目前,全省共有调解员1.9万人,各类调解组织每年化解纠纷50万件以上,成功率达98.5%。调委会分别配备不少3名、2名调解员。'
    expect(found(text).map((s) => [s.value, s.kind, s.comparator])).toEqual([
      [19_000, 'outcome', '='],
      [500_000, 'outcome', '~>'],
      [98.5, 'outcome', '='],
      [3, 'outcome', '~>'],
      [2, 'outcome', '~>'],
    ])
  })

  it('reads a sentence aiming at a year ahead as a commitment, and 截至 (as of) as no aim', () => {
    expect(found('三部门印发方案。\n《方案》指出,到2027年,全国完成新改建农村公路30万公里,技术状况优良路率保持在70%以上。').map((s) => [s.kind, s.comparator, s.year])).toEqual([
      ['commitment', '=', 2027],
      ['commitment', '>=', 2027],
    ])
    expect(found('2020年调解工作数据统计\n截止到2020年11月30日,全市受理调解案件6368件。').map((s) => s.kind)).toEqual(['outcome'])
  })

  it('reads a rule without a title by its shape', () => {
    expect(found('每个社区配备调解员一名。').map((s) => s.kind)).toEqual(['commitment'])
  })
})

describe('extractStatements: the year a statement is about', () => {
  it.each<[string, string, number | null]>([
    ['the title', '某局2025年度法治政府建设工作报告\n全年组织学习12次。', 2025],
    ['the opening sentence', '2025年上半年,我局坚持学习。\n共组织学习6次。', 2025],
    ['a publication date early the next year', '某局法治政府建设年度报告\n发布时间:2024-03-28\n全年组织学习12次。', 2023],
    ['a date line under the signature', '某局法治政府建设年度报告\n全年组织学习12次。\n某局\n2024年1月15日', 2023],
    ['本年度 in the sentence', '某局2025年工作总结\n一、学习\n本年度组织学习12次。', 2025],
    ['明年 in the sentence', '某局2025年工作总结\n一、学习\n明年力争组织学习15次。', 2026],
    ['下一年度 in a heading', '某局2025年工作总结\n一、学习\n组织学习12次。\n二、下一年度工作安排\n组织学习15次。', 2026],
    ['a target year earlier in the sentence', '某市乡村建设实施方案\n到2027年年底前,全市农村自来水普及率达到94%。', 2027],
    ['a year carried across the semicolons of its sentence', '某市实施方案\n到2027年年底前,普及率达到94%;通达率达到100%。', 2027],
    ['a deadline later in the sentence of a commitment', '某市实施方案\n实施供水、物流7项行动,到2027年年底前完成。', 2027],
    ['the publication year for the state of things now', '2022年全国调解纠纷1494万件\n发布时间:2023-10-09\n截至目前,调解委员会已发展到69.3万个。', 2023],
    ['a year after a bracketed label, for the sentences after it', '【人民调解】 2003年,开展培训。整顿后现有调委会2599个。', 2003],
    ['a date line with its time and source', '全市将开展6000余场普法活动\n2025年12月04日 00:12 来源:劳动午报\n今年4月至11月,共征集作品3282部。', 2025],
    ['not a year inside a title', '某局2023年工作总结\n一、学习\n审议《2022年度报告》等文件4份。', 2023],
    ['none for an undated rule', '中心组学习制度\n每月集中学习不少于2次。', null],
    ['a year opening a clause, for the sentences after it', '报告表示,2021年,我国生产总值增长8.1%。城镇新增就业1269万人。', 2021],
    ['none for 今年 when the document names no year of its own', '3月5日,全国人大会议在北京开幕。\n报告表示,2021年,我国生产总值增长8.1%。今年目标是:新增就业1100万人以上。', null],
  ])('%s', (_name, text, year) => {
    expect(found(text).at(-1)?.year).toBe(year)
  })
})

describe('extractStatements: counted words that are not quantities', () => {
  it.each([
    ['a number introducing a list', '一、工作\n《方案》明确了4项重点工作。一是科学编制规划。'],
    ['a list introduced by 以下', '一、工作\n从以下五个方面推进:'],
    ['a quoted slogan', '一、工作\n打好“三场硬仗”、打赢“一场人民战争”,聚焦“1+6+3”工作安排和“九大行动”。'],
    ['a quoted campaign', '一、工作\n组织开展“百名法学家百场报告会”,推行“综合查一次”。'],
    ['a set named by a Chinese numeral', '一、工作\n落实中央八项规定,贯彻“两个维护”十项制度机制,实施发展十件实事方案。'],
    ['each time, not a count', '考勤制度\n旷会一次罚款50元。'],
    ['a title in book marks', '一、工作\n印发《服务民营经济十件实事》。'],
    ['a plant named by its capacity', '一、工作\n佳盈农业年产6万吨蔬菜烘干项目进展顺利。'],
    ['a period of half a month', '会议制度\n办公会议一般每半个月召开。'],
    ['a date written with slashes', '一、工作\n更新时间:2021/03/29 11:30:01'],
    ['a list announced by 如下', '一、工作\n2024年我市实施47项民生实事,具体安排如下。'],
    ['a count of the items under a heading', '一、促进就业(3项)\n(6项指标)\n二、“新徽菜”行动(2项指标)'],
    ['a Chinese numeral before a quoted name', '一、工作\n要打造法治建设三个“先行军”。'],
    ['一起 meaning together', '一、工作\n县委、县政府、县人大等领导和群众一起感受法治氛围。'],
    ['each time something is done', '检查制度\n每检查一次后出通报。'],
    ['an age bounding a group', '一、工作\n为80岁以上独居老人、3-12岁儿童提供服务。'],
  ])('%s', (_name, text) => {
    expect(found(text).map((s) => s.value).filter((v) => v !== 50)).toEqual([])
  })

  it('marks a requirement in brackets as belonging to the clause before it', () => {
    const [statement] = found('培训实施方案\n组织全员参加网络培训(不少于40学时)。')
    expect(statement).toMatchObject({ value: 40, unit: '学时', comparator: '>=', kind: 'commitment', bracketed: true })
    expect(found(PLAN + '组织学习不少于6次。')[0]!.bracketed).toBe(false)
  })

  it('counts a number before a list of the next paragraph\'s points: only an introduction is no statement', () => {
    expect(found(REPORT + '整改执法问题8类。二是推进改革。').map((s) => s.value)).toEqual([8])
  })

  it('takes a bracket after a clause as restating it: its comparator and kind', () => {
    expect(found('巡河要求\n一、距离上次巡河结束时间,要大于96小时(4天)。').map((s) => [s.value, s.comparator, s.bracketed])).toEqual([
      [96, '>=', false],
      [4, '>=', true],
    ])
  })

  it('counts a Chinese numeral summing up a list just given', () => {
    expect(found(REPORT + '将家事、乡村振兴、营商环境等四类矛盾纠纷作为重点。').map((s) => [s.value, s.unit])).toEqual([[4, '类']])
  })

  it('reads values listed after one another as the first one reads', () => {
    expect(found('某市实施方案\n到2030年,婴儿死亡率、儿童死亡率分别下降到4.0‰、4.5‰。').map((s) => [s.value, s.comparator, s.targetType])).toEqual([
      [4, '<=', 'level'],
      [4.5, '<=', 'level'],
    ])
    expect(found('培训条例\n每年累计不少于12天或者90学时。').map((s) => [s.value, s.comparator])).toEqual([
      [12, '>='],
      [90, '>='],
    ])
  })

  it('lets a floor on a number counted each time govern that number alone', () => {
    expect(found('考勤制度\n每学期事假不得超过十天,每超出一天扣发考勤奖20元。').map((s) => [s.value, s.comparator])).toEqual([
      [10, '<='],
      [20, '='],
    ])
  })

  it('reads a figure of what already is as a result, even in a plan', () => {
    const text = '2026年社区工作计划\n一、民生\n针对2025年收集的127条意见建议,针对老年人口占比32%的现状,2026年将新建服务站2个。'
    expect(found(text).map((s) => [s.value, s.kind])).toEqual([
      [127, 'outcome'],
      [32, 'outcome'],
      [2, 'commitment'],
    ])
  })

  it('counts a number summing up a list just given', () => {
    expect(found(REPORT + '排查整改多头执法、重复执法、交叉执法等8类问题。').map((s) => [s.value, s.unit])).toEqual([[8, '类']])
  })

  it('starts each quote after the statement before it in the same clause', () => {
    expect(found(REPORT + '其中2个单位、3个乡镇进行了现场述法。').map((s) => s.quote)).toEqual(['其中2个', '3个'])
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

describe('the extraction corpus (tests/fixtures/extract, scored by npm run eval:extract)', () => {
  const split = (name: string) => {
    const gold = readFileSync(`tests/fixtures/extract/${name}/gold.jsonl`, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
    return { gold, text: (doc: string) => readFileSync(`tests/fixtures/extract/${name}/${doc}`, 'utf8') }
  }

  it('labels every statement by a quote that stands where its offsets say', () => {
    for (const name of ['dev', 'validation', 'blind-1', 'blind-2', 'blind-3', 'blind-4', 'blind-5', 'blind-6']) {
      const { gold, text } = split(name)
      for (const g of gold) expect(text(g.doc).slice(g.start, g.end), `${name} ${g.id}`).toBe(g.quote)
    }
  })

  it('reads the development documents as labelled (the validation split is scored, never asserted)', () => {
    const { gold, text } = split('dev')
    for (const doc of readdirSync('tests/fixtures/extract/dev').filter((name) => /^\d+_.*\.txt$/.test(name))) {
      const ours = found(text(doc)).map((s) => [s.value, s.unit, s.comparator, s.targetType, s.kind, s.year])
      const theirs = gold.filter((g) => g.doc === doc).map((g) => [g.value, g.unit, g.comparator, g.target_type, g.kind, g.year])
      expect(ours, doc).toEqual(theirs)
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

describe('import: what the user corrects', () => {
  it.each<[Statement['comparator'], Statement['kind'], Statement['comparator']]>([
    ['>=', 'outcome', '~>'],
    ['<=', 'outcome', '<='],
    ['=', 'outcome', '='],
    ['~>', 'commitment', '>='],
  ])('a %s statement read as a %s says %s', (comparator, kind, expected) => {
    const [statement] = found(PLAN + '组织学习不少于6次。')
    const from = { ...statement!, kind: kind === 'outcome' ? ('commitment' as const) : ('outcome' as const), comparator }
    expect(asKind(from, kind)).toMatchObject({ kind, comparator: expected, value: 6, quote: statement!.quote })
  })

  it.each([
    ['组织全员参加网络培训', '不少于40学时', '组织全员参加网络培训（不少于40学时）'],
    ['开展法治讲座4次 ', '（每次不少于2学时）', '开展法治讲座4次（每次不少于2学时）'],
    ['开展法治讲座', '  ', '开展法治讲座'],
  ])('writes a requirement into its row: %s + %s', (text, requirement, expected) => {
    expect(withRequirement(text, requirement)).toBe(expected)
  })

  it('finds the row a bracketed requirement belongs to: the one before it in the same sentence, or none', () => {
    const text = PLAN + '开展法治讲座4次(每次不少于2学时)。组织网络培训(不少于40学时)。'
    const rows = found(text).map((statement, i) => ({ key: `r${i}`, statement }))
    expect(rows.map((r) => [r.statement.value, r.statement.bracketed])).toEqual([
      [4, false],
      [2, true],
      [40, true],
    ])
    expect(rows.map((_, i) => rowBefore(rows, i, text)?.key ?? null)).toEqual([null, 'r0', null])
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
