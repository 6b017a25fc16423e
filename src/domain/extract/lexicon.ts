/**
 * The words of the genre the extraction rules use: units of count, comparators, target cues, section kinds and the
 * set phrases that contain numerals without counting anything. General to Chinese plans and reports, never tied to a
 * particular sentence.
 */

/**
 * Units that make a number a quantity: counts of things and people, durations, money, lengths and areas. Matched
 * longest first, so 人次 wins over 人 and 个月 over 个. A unit spelled two ways is read as one (个小时 → 小时).
 */
const UNIT_WORDS = [
  '个百分点', '人次', '场次', '批次', '户次', '件次', '家次', '学时', '课时', '个工作日', '工作日', '个小时', '小时', '分钟', '个月', '周岁', '岁',
  '元', '平方米', '平方公里', '立方米', '公里', '千米', '厘米', '米', '亩', '吨', '公斤', '千克', '斤', '千瓦时', '千瓦', '%', '‰', '㎡',
  '次', '项', '场', '人', '名', '位', '件', '条', '篇', '份', '处', '个', '起', '支', '部', '宗', '封', '期', '类', '种', '天', '本',
  '字', '所', '幅', '堂', '户', '家', '例', '口', '台', '套', '册', '轮', '批', '门', '节', '讲', '座', '栋', '间', '张', '块', '辆', '首', '集', '课', '组',
]
export const UNITS: readonly string[] = [...new Set(UNIT_WORDS)].sort((a, b) => b.length - a.length)
/** A unit written two ways, and the way statements give it. */
export const UNIT_SPELLING: Readonly<Record<string, string>> = { 个小时: '小时', 个工作日: '工作日', 千米: '公里', 千克: '公斤' }
/**
 * Units that count only after an Arabic number: after a Chinese numeral they name (三组 of a village) or are vague
 * (一批问题, 一课).
 */
export const ARABIC_ONLY_UNITS = new Set(['组', '口', '门', '节', '讲', '集', '首', '课', '间', '座', '批'])

/** At least: 不少于15次, 占比不低于20%, 至少2次, 50人以上, 超过, 突破. */
export const AT_LEAST_BEFORE = ['不少于', '不少', '不低于', '不下于', '至少', '最少', '多于', '高于', '大于', '超过', '超出', '突破', '力争达到', '力争', '达到', '逾']
/** At most: 不超过, 控制在…以内, 以下. */
export const AT_MOST_BEFORE = ['不超过', '不得超过', '不高于', '不多于', '不大于', '最多', '至多', '低于', '少于', '控制在']
export const AT_MOST_AFTER = ['以内', '以下', '之内', '内']
/** The future in a sentence: 将组织开展, 拟举办, 计划新建. */
export const FUTURE = /将(?:要)?(?:组织|开展|举办|召开|实施|推进|启动|推出|出台|投入|建成|建设|培训|打造|新建|发布|完成|实现|新增)|拟(?:于|在)?(?:组织|开展|举办|召开|实施|新建|建设)|计划(?:于|在)?(?:组织|开展|举办|召开|实施|新建|建设)/
/** Units of time: a Chinese numeral before one counts (三天内, 十分钟), it never names a set. */
export const DURATION_UNITS = new Set(['天', '小时', '分钟', '个月', '工作日', '学时', '课时'])
/** Units of age: before a noun they bound a group (60岁以上老年人口, 5岁以下儿童), not a quantity. */
export const AGE_UNITS = new Set(['岁', '周岁'])
/** What follows a figure describing how things are (占比32%的现状): a result, even in a plan. */
export const STATE_AFTER = /^的?(?:现状|现实|实际情况|基础上)/
/** A floor stated in a result (配备不少于3名): at least, so "more than about". Not 达到, which reports a level. */
export const FLOOR_BEFORE = /(?:不少于?|不低于|至少)\s*$/
/** Words marking a statement as the state of things now (截至目前, 现有): of the year the page was published. */
export const CURRENT = /(截至目前|截止目前|截至今年|目前|现有|至今)/
/** "More than about" in an outcome: 20余次, 突破10万, 300多条. */
export const ABOUT_MORE = ['余', '多', '有余', '突破', '以上', '超过', '逾']

/** Level targets: 扩充至50人, 增至, 提高到 (not 达到, which counts: 累计达到100次). */
export const LEVEL_BEFORE = /(?<!达)(?:至|到)\s*$/
/** Percent changes. */
export const INCREASE = /(提升|提高|增长|增加|上升|上涨|涨幅|增幅|增速|增效|扩大)/
export const DECREASE = /(降低|下降|减少|压减|压缩|缩短|减少了|降幅)/
export const RATIO = /(占比|比例|比重|覆盖率|率|占)/

/** Recurring periods: 每年, 每月, 每季度. */
export const PERIOD_WORDS: readonly [RegExp, 'year' | 'half_year' | 'quarter' | 'two_months' | 'month' | 'week' | 'day'][] = [
  [/每(?:半年|半个年度|六个月|6个月)/, 'half_year'],
  [/每(?:两个月|两月|双月|2个月)/, 'two_months'],
  [/每(?:个)?季度?|每(?:三个月|3个月)/, 'quarter'],
  [/每(?:个)?月/, 'month'],
  [/每(?:一)?年(?:度)?/, 'year'],
  [/每(?:个)?(?:周|星期)/, 'week'],
  [/每(?:天|日)/, 'day'],
  // 平时考核每月一次, 年度考核一年一次: 一年 right before the count is its period.
  [/一年$/, 'year'],
  [/一(?:个)?季度?$/, 'quarter'],
  [/一(?:个)?月$/, 'month'],
  [/一(?:个)?周$/, 'week'],
]
/** An outcome counted over the year: 全年组织会议60余场, 年内开展督查50余次. */
export const WHOLE_YEAR = /(全年|年内|今年|本年度|本年|年度内)/

/**
 * Words that make a statement a promise or a rule wherever it stands: a floor or a ceiling, an aim, an obligation.
 * 将 alone is not one (将…纳入 is 把), nor 计划 as a noun (学习计划).
 */
export const COMMITMENT_CUES =
  /(不少于|不低于|不下于|不超过|不得超过|不高于|不多于|不大于|至少|最少|最多|力争|争取|确保|预计|拟(?!定|订|稿)|计划(?=[开组举完实新建培办推达增提引发])|将(?=于|在|继续|进一步|力争|达到|超过|突破|完成|实现|新增|扩大|提高|提升|开展|组织|举办|召开|实施|推进|启动|推出|出台|投入|建成|建设|培训|打造|新建|发布)|应当|原则上|一般(?:不超过|在|为|控制)|控制在|(?<![重主需只])要(?=[开组举完实新建培办推达确力做撰联按])|须)/
/**
 * Words that make a statement a rule when nothing else decides: a recurring period (每月一次) or a distribution
 * (每个社区配备调解员一名).
 */
export const RULE_CUES = /每(?:个|一个|所|家|位|名)?[\u4e00-\u9fff]{0,4}?(?:年|月|季度?|半年|周|星期|天|日|社区|村|乡镇|街道|单位|部门|科室|学校|支部|人)/
/** Words that make a statement a result even in a plan part: what is already done (已, …了). */
export const OUTCOME_CUES = /(已经|已(?!有的)|(?<![为除罢])了(?!解))/

/** Headings of a plan part and of a report part. */
export const PLAN_HEADING = /(谋划|计划|打算|思路|安排|要点|目标|举措|措施|规划|下一步|展望)/
export const REPORT_HEADING = /(总结|成效|成绩|报告|回顾|完成情况|工作情况|开展情况|主要工作|进展|年报|自查|述职|做法)/
/** Titles of standing rules, plans and notices: what they state are commitments, dated only when they say so. */
export const RULES_TITLE = /(制度|办法|规定|规则|细则|条例|通知|方案|意见|要点|标准|守则|须知|要求|规程|公约)/

/** A number right before these counts each time something happens, not a quantity: 迟到一次罚款20元. */
export const EACH_TIME_AFTER = /^(?:罚款|罚|扣除|扣|处罚|记过|通报批评)/
/**
 * The last characters of a verb or comparator a Chinese-numeral count follows (开展两次, 完成一篇, 不少于三场):
 * a Chinese numeral after anything else, with a noun right after its unit, names a set (中央八项规定, 十件实事).
 */
export const COUNT_BEFORE = /(?:[展织办开成行习报写定台立通育送施前增发印订达至于过超逾共计了每约近有是为加与读训查谈看议讲访评映排仅只]|\d)$/
/** Verbs ending in a counting verb's last character that name rather than count: 发展十件实事. */
export const NAMING_BEFORE = /(?:发展|进展|拓展|施展|预设|假设)$/
/** A plant or project named by its capacity (年产6万吨蔬菜烘干项目): the capacity before, the project after. */
export const CAPACITY_BEFORE = /(?:年产|日产|年处理|日处理|年加工|年出栏|年吞吐|装机)$/
export const PROJECT_AFTER = /^[^，,。；;、]{0,14}(?:项目|工程|生产线|基地|工厂|厂)/
/**
 * A sentence announcing targets (今年发展主要预期目标是:…; 具体目标:…): the clauses after its colon are commitments,
 * each up to the sentence's end, across semicolons.
 */
export const TARGETS_ANNOUNCED = /(?:目标(?:任务)?|指标|任务)(?:是|为)?\s*[:：]|预期目标/
/** What a number introducing a list is followed by: 4项重点工作。一是…; 从以下五个方面: */
export const LIST_AFTER = /^[^，,。；;]{0,12}(?:[:：]|[。，,；;]\s*(?:一是|第一|[(（]一[)）]|1[.、．])|(?:[，,][^。；;]{0,10}?)?如下)/
/** What follows a target that the line compares with what was done: 开发公益性岗位540个 完成838个. */
export const ACTUAL_AFTER = /^[ \t\u3000]*[，,；;]?[ \t\u3000]*(?:已|实际)?完成\s*\d/

/** Set phrases with numerals that count nothing. */
export const SET_PHRASES = [
  '两个确立', '两个维护', '四个意识', '四个自信', '四个全面', '五位一体', '三重一大', '两学一做', '三会一课', '三严三实',
  '一岗双责', '一把手', '一体化', '一站式', '一张网', '一网通办', '一次性', '一盘棋', '一揽子', '一系列', '一线', '一流',
  '八五普法', '七五普法', '九五普法', '第一责任人', '三定', '一事一议', '一案一策', '一企一策', '一村一', '一户一', '一人一',
  '两不愁三保障', '三个代表', '一国两制', '两会', '双一流', '一带一路', '两个责任', '两个务必', '三个务必', '两个毫不动摇',
  '两个结合', '两个大局', '两个一百年', '四个全面', '五个必由之路', '三个区分开来', '六个必须坚持', '一个中心', '两个基本点',
]
