/**
 * The words of the genre the extraction rules use: units of count, comparators, target cues, section kinds and the
 * set phrases that contain numerals without counting anything. General to Chinese plans and reports, never tied to a
 * particular sentence.
 */

/** Units that make a number a quantity, longest first so 人次 wins over 人. */
export const UNITS = ['个百分点', '人次', '场次', '学时', '%', '次', '项', '场', '人', '名', '件', '条', '篇', '份', '处', '个', '起', '支', '部'] as const

/** At least: 不少于15次, 占比不低于20%, 至少2次, 50人以上, 超过, 突破. */
export const AT_LEAST_BEFORE = ['不少于', '不低于', '不下于', '至少', '最少', '多于', '高于', '超过', '突破', '力争达到', '力争', '达到', '逾']
/** At most: 不超过, 控制在…以内, 以下. */
export const AT_MOST_BEFORE = ['不超过', '不高于', '不多于', '最多', '至多', '低于', '少于', '控制在']
export const AT_MOST_AFTER = ['以内', '以下', '之内']
/** "More than about" in an outcome: 20余次, 突破10万, 300多条. */
export const ABOUT_MORE = ['余', '多', '有余', '突破', '以上', '超过', '逾']

/** Level targets: 扩充至50人, 增至, 提高到 (not 达到, which counts: 累计达到100次). */
export const LEVEL_BEFORE = /(?<!达)(?:至|到)\s*$/
/** Percent changes. */
export const INCREASE = /(提升|提高|增长|增加|上升|增幅|增速|增效|扩大)/
export const DECREASE = /(降低|下降|减少|压减|压缩|缩短|减少了|降幅)/
export const RATIO = /(占比|比例|比重|覆盖率|率|占)/

/** Recurring periods: 每年, 每月, 每季度. */
export const PERIOD_WORDS: readonly [RegExp, 'year' | 'half_year' | 'quarter' | 'two_months' | 'month' | 'week' | 'day'][] = [
  [/每(?:半年|半个年度)/, 'half_year'],
  [/每(?:两个月|两月|双月)/, 'two_months'],
  [/每(?:个)?季度?/, 'quarter'],
  [/每(?:个)?月/, 'month'],
  [/每(?:一)?年(?:度)?/, 'year'],
  [/每(?:个)?(?:周|星期)/, 'week'],
  [/每(?:天|日)/, 'day'],
]
/** An outcome counted over the year: 全年组织会议60余场, 年内开展督查50余次. */
export const WHOLE_YEAR = /(全年|年内|今年|本年度|本年|年度内)/

/** Words that make a statement a promise rather than a result, wherever it stands. */
export const COMMITMENT_CUES = /(不少于|不低于|至少|力争|预计|计划|拟|将|确保|每年|每月|每季度|每半年|每周|争取|不超过|控制在)/

/** Headings of a plan part and of a report part. */
export const PLAN_HEADING = /(谋划|计划|打算|思路|安排|要点|目标|举措|措施|规划|下一步|展望)/
export const REPORT_HEADING = /(总结|成效|成绩|报告|回顾|完成情况|工作情况|主要工作|进展)/

/** Set phrases with numerals that count nothing. */
export const SET_PHRASES = [
  '两个确立', '两个维护', '四个意识', '四个自信', '四个全面', '五位一体', '三重一大', '两学一做', '三会一课', '三严三实',
  '一岗双责', '一把手', '一体化', '一站式', '一张网', '一网通办', '一次性', '一盘棋', '一揽子', '一系列', '一线', '一流',
  '八五普法', '七五普法', '九五普法', '第一责任人', '三定', '一事一议', '一案一策', '一企一策', '一村一', '一户一', '一人一',
  '两不愁三保障', '三个代表', '一国两制', '两会', '双一流', '一带一路', '两个责任', '两个务必', '三个务必', '两个毫不动摇',
  '两个结合', '两个大局', '两个一百年', '四个全面', '五个必由之路', '三个区分开来', '六个必须坚持', '一个中心', '两个基本点',
]
