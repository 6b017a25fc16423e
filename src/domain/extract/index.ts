import {
  ABOUT_MORE,
  ACTUAL_AFTER,
  AGE_UNITS,
  ARABIC_ONLY_UNITS,
  AT_LEAST_BEFORE,
  AT_MOST_AFTER,
  AT_MOST_BEFORE,
  COMMITMENT_CUES,
  CAPACITY_BEFORE,
  COUNT_BEFORE,
  CURRENT,
  DURATION_UNITS,
  DECREASE,
  EACH_TIME_AFTER,
  FLOOR_BEFORE,
  FUTURE,
  INCREASE,
  LEVEL_BEFORE,
  LIST_AFTER,
  NAMING_BEFORE,
  OUTCOME_CUES,
  PROJECT_AFTER,
  RULE_CUES,
  PERIOD_WORDS,
  RATIO,
  SET_PHRASES,
  STATE_AFTER,
  TARGETS_ANNOUNCED,
  UNIT_SPELLING,
  UNITS,
  WHOLE_YEAR,
} from './lexicon'
import { arabicValue, chineseValue, halfWidth } from './numbers'
import { lastBefore, NEXT_YEAR, readStructure, THIS_YEAR, type StatementKind } from './structure'
import type { PeriodUnit } from '../periods'

export type Comparator = '>=' | '<=' | '=' | '~>'
export type TargetType = 'count' | 'level' | 'percent_change' | 'ratio' | 'reduction' | 'per_period'
/** A calendar unit a statement counts by: the model's units, and the day (每日, which no commitment counts by). */
export type StatementPeriod = PeriodUnit | 'day'

/** One quantitative statement of a plan (a commitment) or a report (an outcome), found in the text. */
export interface Statement {
  /** Exactly `text.slice(start, end)`. */
  quote: string
  start: number
  end: number
  kind: StatementKind
  /** A short label of what is counted: 集中学习, 法治专题调研. */
  metric: string
  value: number
  unit: string
  /** '~>' is "more than about" in an outcome: 20余次, 突破10万, 50人以上. */
  comparator: Comparator
  targetType: TargetType
  period: StatementPeriod | null
  year: number | null
  /** The nearest heading before the statement, as written up to its first full stop; '' when there is none. */
  section: string
  /** A requirement in brackets after a clause (……培训(不少于40学时)): it belongs to the statement or clause before. */
  bracketed: boolean
}

export interface ExtractOptions {
  /** The year of a document that does not say it (its title and headings win when they do). */
  year?: number
}

export type { StatementKind }

/**
 * A number: Arabic digits (spaces or page breaks inside allowed, 1,200, 12.5), a Chinese numeral, or 半 before a
 * duration (半天, 半个小时).
 */
const NUMBER = /\d(?:\d|,(?=\d{3}(?!\d))|[ \t\f\u3000\u00a0]{1,3}(?=\d)|\r?\n(?=\d))*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+|半(?=天|小时|个小时|个月)/g
/** Quoted names and titles (“三场硬仗”, 《2025年工作要点》), whose numbers name things rather than count them. */
const QUOTED = /“[^“”\n]{1,40}”|"[^"\n]{1,40}"|「[^「」\n]{1,40}」|『[^『』\n]{1,40}』|《[^《》\n]{1,60}》/g
/** A page's furniture, not its text: ---此处隐藏4456字,下载后查看---. */
const FURNITURE = /-{3,}[^\n-]{1,40}-{3,}/g
/** A range's dash: 1-2篇, 3～5项, 2至3次. */
const RANGE_DASH = /^[ \t]*(?:[-~～—－–]|至|到)[ \t]*(\d+(?:\.\d+)?)/
/** A heading line: 一、 or (一) at its start. */
const HEADING_LINE = /^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])/
/** What closes a bracket counting the items under a heading: 3项), 6项指标). */
const ITEMS_AFTER = /^[\u4e00-\u9fff]{0,4}[)）]/
/** A rate without its unit: 1500/人, 200/次, 10/10万. */
const RATE_PER = /^\/(?:人|户|次|天|日|月|年|场|件|\d+万)/
/** A fraction: 1/7, 三分之一. */
const FRACTION = /^\/(\d{1,3})(?![\d/])/
const CHINESE_FRACTION = /^分之([零〇一二两三四五六七八九十]+)/
/** What follows a baseline: 由15个工作日(缩短)至5个. */
const BASELINE_AFTER = /^[^，,。；;]{0,12}?(?:缩短|压缩|减少|降低|下降|提高|提升|增加|增长|扩大|扩充|调整)?(?:至|到)/
/** A distributive subject (每次, 每人) that a clause's own count is about, so the sentence's period is not. */
const EACH = /每(?:次|场|期|人|个人|名|位|项|篇|件|天|日)/
/** A year the sentence names outside titles: 到2025年年底前, 2024年. Not the end of a span (2021—2025年). */
const SENTENCE_YEAR = /(?<![\d—–\-~至])((?:19|20)\d{2})\s*年(?!度?工作)/g
const CLAUSE_BREAK = /[，,。；;！!？?：:\n\r(（)）]/
const MAX_CLAUSE = 90
const SPACE = /[ \t\f\u3000\u00a0]/

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null

/** A Chinese numeral counts only when it begins a word: not 统一, 进一步 or 一是's neighbours. */
function beginsWord(text: string, at: number): boolean {
  if (!segmenter) return true
  const from = Math.max(0, at - 6)
  for (const { index } of segmenter.segment(text.slice(from, at + 6))) {
    if (from + index === at) return true
    if (from + index > at) return false
  }
  return false
}

function inSetPhrase(text: string, at: number, length: number): boolean {
  const from = Math.max(0, at - 6)
  const window = text.slice(from, at + length + 6)
  for (const phrase of SET_PHRASES) {
    let i = window.indexOf(phrase)
    while (i >= 0) {
      if (from + i <= at && from + i + phrase.length >= at + length) return true
      i = window.indexOf(phrase, i + 1)
    }
  }
  return false
}

const startsWithAny = (text: string, words: readonly string[]) => words.find((w) => text.startsWith(w)) ?? null
const endsWithAny = (text: string, words: readonly string[]) => words.find((w) => text.endsWith(w)) ?? null

function skipSpaces(text: string, at: number, limit = 3): number {
  let i = at
  while (i < text.length && i - at < limit && SPACE.test(text[i]!)) i++
  return i
}

interface Reading {
  value: number
  unit: string
  /** Where the unit (and any 以上/以内 after it) ends. */
  end: number
  /** 余, 多 between number and unit. */
  aboutMore: boolean
  /** The low end of a range (1-2篇): at least this many. */
  range: boolean
  /** The period a figure is given per (8天/月), or null. */
  per: StatementPeriod | null
  after: string
}

function unitAt(text: string, at: number, chinese: boolean): string | null {
  const rest = text.slice(at, at + 6)
  const unit = UNITS.find((u) => rest.startsWith(u))
  if (!unit || (chinese && ARABIC_ONLY_UNITS.has(unit))) return null
  return unit
}

function finish(text: string, value: number, unit: string, unitStart: number, aboutMore: boolean, range: boolean): Reading {
  let unitEnd = unitStart + unit.length
  // 8天/月, 10条/月: so many a month.
  const per = PER_PERIOD.exec(text.slice(unitEnd, unitEnd + 4))
  if (per) unitEnd += per[0].length
  const trailing = startsWithAny(text.slice(unitEnd, unitEnd + 4), ['以上', ...AT_MOST_AFTER])
  if (trailing) unitEnd += trailing.length
  const period = per ? PER_PERIODS[per[1]!] : null
  return { value, unit: UNIT_SPELLING[unit] ?? unit, end: unitEnd, aboutMore, range, per: period ?? null, after: text.slice(unitEnd, unitEnd + 40) }
}

/** A unit per period after a figure: /月, /年, /周. */
const PER_PERIOD = /^\/(月|年|周|季度|季|天|日)/
const PER_PERIODS: Record<string, StatementPeriod> = { 月: 'month', 年: 'year', 周: 'week', 季度: 'quarter', 季: 'quarter', 天: 'day', 日: 'day' }

const MULTIPLIER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/**
 * The number at [start, end) with what follows it: a multiplier (万, 千万), 余/多, and a unit; a range's low end
 * (1-2篇); a fraction as a percentage (1/7, 三分之一). Null when no unit follows.
 */
function readQuantity(text: string, numberText: string, end: number): Reading | null {
  const chinese = !/\d/.test(numberText[0]!)
  let value = numberText === '半' ? 0.5 : chinese ? chineseValue(numberText) : arabicValue(numberText)
  if (value === null) return null
  let i = skipSpaces(text, end)
  // 按1500/人的标准, 10/10万: a rate per person or per 100,000, in the unit the document leaves unsaid.
  if (!chinese && RATE_PER.test(text.slice(i, i + 6))) return finish(text, value, '', i, false, false)
  const fraction = chinese ? CHINESE_FRACTION.exec(text.slice(i, i + 8)) : FRACTION.exec(text.slice(i, i + 5))
  if (fraction) {
    const denominator = chinese ? value : Number(fraction[1])
    const numerator = chinese ? chineseValue(fraction[1]!) : value
    if (numerator === null || denominator === 0 || numerator >= denominator) return null
    return finish(text, Math.round((numerator / denominator) * 10_000) / 100, '%', i + fraction[0].length, false, false)
  }
  let aboutMore = false
  // 10万, 两万余, 20余万, 2千万
  for (let step = 0; step < 3; step++) {
    const ch = text[i]!
    if (!chinese && ch in MULTIPLIER && (text[i + 1] === '万' || text[i + 1] === '亿')) {
      value *= MULTIPLIER[ch]!
      i += 1
    } else if (ch === '万' || ch === '亿') {
      value *= ch === '万' ? 10_000 : 100_000_000
      i = skipSpaces(text, i + 1)
    } else if (ch === '余' || ch === '多') {
      aboutMore = true
      i = skipSpaces(text, i + 1)
    }
  }
  if (!Number.isFinite(value)) return null
  // 1.1亿 is 110000000, not 110000000.00000001.
  value = Number(value.toPrecision(12))
  // 9成以上: nine tenths, a percentage.
  if (text[i] === '成' && !/^成(?:不|为|立|功|果|效|本|员|绩|熟|都|交)/.test(text.slice(i, i + 2))) return finish(text, value * 10, '%', i + 1 - '%'.length, aboutMore, false)
  // 5大类
  const unit = unitAt(text, i, chinese) ?? (text[i] === '大' && text[i + 1] === '类' ? (i++, '类') : null)
  if (unit) return finish(text, value, unit, i, aboutMore, false)
  const range = chinese ? null : RANGE_DASH.exec(text.slice(i, i + 12))
  if (range) {
    const at = skipSpaces(text, i + range[0].length)
    const high = unitAt(text, at, false)
    if (high && Number(range[1]) > value) return finish(text, value, high, at, aboutMore, true)
  }
  return null
}

/** Where the clause holding `at` begins: after the last break before it, at most MAX_CLAUSE characters back. */
function clauseStart(text: string, at: number): number {
  const from = Math.max(0, at - MAX_CLAUSE)
  for (let i = at - 1; i >= from; i--) if (CLAUSE_BREAK.test(text[i]!) || isColumnGap(text, i)) return i + 1
  return from
}

const CJK = /[\u4e00-\u9fff%*）)]/
/** A space between two Chinese words: prose has none, so it separates a table's columns (…标准 完成9个). */
function isColumnGap(text: string, i: number): boolean {
  return SPACE.test(text[i]!) && CJK.test(text[i - 1] ?? '') && /[\u4e00-\u9fff*]/.test(text[i + 1] ?? '')
}

/**
 * The comparator word before a number that governs it: the one ending last in the clause, the longest when two end
 * together (不少于 over 少于). Verbs may stand between it and the number: 至少开展2次.
 */
function governingWord(before: string): 'at_least' | 'at_most' | null {
  let best: { end: number; length: number; side: 'at_least' | 'at_most' } | null = null
  for (const [words, side] of [[AT_LEAST_BEFORE, 'at_least'], [AT_MOST_BEFORE, 'at_most']] as const) {
    for (const word of words) {
      const at = before.lastIndexOf(word)
      if (at < 0) continue
      const end = at + word.length
      if (!best || end > best.end || (end === best.end && word.length > best.length)) best = { end, length: word.length, side }
    }
  }
  return best?.side ?? null
}

function comparatorOf(kind: StatementKind, before: string, reading: Reading, unitTail: string): Comparator {
  const trailingAtLeast = /以上$/.test(unitTail)
  const trailingAtMost = AT_MOST_AFTER.some((w) => unitTail.endsWith(w))
  if (kind === 'outcome') {
    if (reading.aboutMore || trailingAtLeast || endsWithAny(before, ABOUT_MORE) !== null) return '~>'
    // 配备不少于3名、2名: the floor governs the numbers listed after it.
    if (FLOOR_BEFORE.test(before) || FLOOR_LISTED.test(before)) return '~>'
    return trailingAtMost || endsWithAny(before, AT_MOST_BEFORE) !== null ? '<=' : '='
  }
  if (trailingAtMost || LOWERED_TO.test(before)) return '<='
  // 超3次; 准确率达100%: a floor when promised.
  if (trailingAtLeast || reading.aboutMore || /(?:超|达)\s*$/.test(before)) return '>='
  const governing = governingWord(before)
  return governing === 'at_least' ? '>=' : governing === 'at_most' ? '<=' : '='
}

function targetTypeOf(before: string, unit: string): { targetType: TargetType; period: StatementPeriod | null } {
  if (unit === '%' || unit === '个百分点') {
    // The nearest cue before the number decides: 占比不低于20%, 效率提升30%, 风险降低20%.
    const cues: [number, TargetType][] = [
      [lastIndexOf(before, DECREASE), 'reduction'],
      [lastIndexOf(before, INCREASE), 'percent_change'],
      [lastIndexOf(before, RATIO), 'ratio'],
    ]
    const [position, type] = cues.reduce((best, cue) => (cue[0] > best[0] ? cue : best), [-1, 'ratio'] as [number, TargetType])
    if (position >= 0 && type !== 'ratio' && LEVEL_BEFORE.test(before)) return { targetType: 'ratio', period: null }
    return { targetType: position >= 0 ? type : 'ratio', period: null }
  }
  for (const [pattern, period] of PERIOD_WORDS) if (pattern.test(before)) return { targetType: 'per_period', period }
  const stripped = stripComparators(before)
  if (LEVEL_BEFORE.test(stripped)) return { targetType: 'level', period: WHOLE_YEAR.test(before) ? 'year' : null }
  return { targetType: 'count', period: WHOLE_YEAR.test(before) ? 'year' : null }
}

function lastIndexOf(text: string, pattern: RegExp): number {
  const global = new RegExp(pattern.source, 'g')
  let last = -1
  for (const match of text.matchAll(global)) last = match.index
  return last
}

function stripComparators(before: string): string {
  let text = before.trimEnd()
  for (let changed = true; changed; ) {
    changed = false
    const word = endsWithAny(text, [...AT_LEAST_BEFORE, ...AT_MOST_BEFORE])
    if (word) {
      text = text.slice(0, -word.length).trimEnd()
      changed = true
    }
  }
  return text
}

/** Time and list words before what is counted: 全年, 累计, 一是, 每年. */
const LEADING_TIME = /^(?:[一二三四五六七八九十]+是|其中|同时|此外|另外|全年|年内|今年|本年度?|每(?:半年|两个月|个?季度?|个?月|一?年度?|个?周|天|日)|累计|共计|共同|共|先后|预计|对|在)+/
/** Qualifiers: 各类, 积极, 深入. */
const LEADING_QUALIFIER = /^(?:各类|各项|积极|主动|深入|认真|全面|持续|扎实|重点|进一步)+/
/** The verbs that introduce what is counted; the words after the last one name it (组织开展各类法治专题学习活动). */
const INTRODUCING_VERB = /进行|开展|组织|举办|召开/
/** 通过官方网站、公众号等平台: the channel, not what is counted. */
const CHANNEL = /^.*(?:等|通过)[^，,]{0,8}?(?:平台|渠道|方式|形式|途径)/
/** 达 as in 达20余次, not as the end of 传达 or 表达. */
const TRAILING_NOISE = /(?:(?<![传表下送抵通发])达到?|为|共计|共|累计|了|至|到|突破|超过|逾|近|约|合计|次数|数量)+$/
/** A label ending in a verb: the thing counted is named after the number (引进5名法治人才, 重新设计了6个关键环节). */
const VERB_END = /(?:开展|引进|组织|举办|召开|完成|新增|发放|发布|办理|处理|收到|提出|审核|培训|参与|建设|创建|打造|设置|编印|制定|修订|设计|进行|审查|对)$/
const NOUN_AFTER = /^(?!的)([\u4e00-\u9fff][^，,。；;、等\s(（]{1,40})/
const SENTENCE_BREAK = /[。；;！!？?\n]/

/** The counted thing named after a number: up to a following verb, and after the last 的. */
function nounAfter(afterUnit: string): string {
  const noun = NOUN_AFTER.exec(afterUnit)?.[1] ?? ''
  const head = noun.split(/进行|开展|实施|并|以/)[0]!
  return head.slice(head.lastIndexOf('的') + 1)
}

function cleanLabel(text: string): string {
  let label = stripComparators(text).replace(CHANNEL, '').replace(LEADING_TIME, '')
  const afterVerb = label.split(INTRODUCING_VERB).at(-1)!
  if (afterVerb.length >= 3) label = afterVerb
  const unqualified = label.replace(LEADING_QUALIFIER, '')
  if (unqualified.length >= 2) label = unqualified
  return label.replace(TRAILING_NOISE, '').replace(/[(（]+$/, '').trim()
}

/** A short label of what the statement counts, from the words around the number (or its sentence). */
function metricOf(clauseFrom: string, before: string, afterUnit: string): string {
  const following = /^的([^，,。；;、等]{2,16})/.exec(afterUnit)
  if (following) return following[1]!
  const raw = stripComparators(before).replace(TRAILING_NOISE, '')
  const named = nounAfter(afterUnit)
  const label = cleanLabel(before)
  if (named.length >= 2 && (label.length <= 2 || VERB_END.test(raw))) return named.slice(0, 24)
  if (label) return label.slice(-24)
  // 开展法治文化主题活动,如…,每年不少于3次: the sentence's first clause names it.
  const sentence = clauseFrom.split(SENTENCE_BREAK).at(-1) ?? ''
  return cleanLabel(sentence.split(/[，,：:]/)[0]!).slice(0, 24)
}

/** Marks the characters inside quoted names and titles, and on lines of page furniture. */
function maskedSpans(text: string): Uint8Array {
  const mask = new Uint8Array(text.length)
  for (const pattern of [QUOTED, FURNITURE]) {
    pattern.lastIndex = 0
    for (const match of text.matchAll(pattern)) mask.fill(1, match.index, match.index + match[0].length)
  }
  return mask
}

/** The sentence before `at`: from the last full stop, semicolon or line break. */
function sentenceBefore(text: string, at: number): string {
  const from = Math.max(0, at - 240)
  for (let i = at - 1; i >= from; i--) if (SENTENCE_BREAK.test(text[i]!)) return text.slice(i + 1, at)
  return text.slice(from, at)
}

/** 每 and a verb right before 一次 (每检查一次, 每响一次); not a period (每周一次, 每半年一次). */
const EACH_TIME_BEFORE = /每(?!年|月|季|周|星期|天|日|半|个|两|次)[\u4e00-\u9fff]{1,2}$/
/** A level to bring something down to (下降到4.0‰, 降至5%): at most. */
const LOWERED_TO = /(?:下降|降低|减少|压减|压缩|缩短|控制|降)(?:到|至)\s*$/
/** A floor word, then a number listed before this one: 不少于3名、(2名). */
const FLOOR_LISTED = /(?:不少于?|不低于|至少)\s*[\d.零一二两三四五六七八九十]+[^、，,。；;]{0,3}、\s*$/
/** A target year a sentence aims at: 到2027年, 至2030年; not 截至2024年底 or 截止到, which say "as of". */
const TARGET_YEAR = /(?<!截|截止)(?:到|至)\s*((?:19|20)\d{2})\s*年/
/** A deadline: 到2025年, 2025年年底前, 2025年前. */
const DEADLINE = /(?:到|至)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年(?:年)?(?:底|末)?前/

/** The deadline named after `at` in the same sentence, or null. */
function deadlineAfter(text: string, at: number): number | null {
  const rest = text.slice(at, at + 120)
  const stop = rest.search(/[。！？!?\n]/)
  const match = DEADLINE.exec(stop >= 0 ? rest.slice(0, stop) : rest)
  return match ? Number(match[1] ?? match[2]) : null
}

/** What the sentence says after `at`, up to its end. */
function sentenceRest(text: string, at: number): string {
  const rest = text.slice(at, at + 160)
  const stop = rest.search(/[。！？!?\n]/)
  return stop >= 0 ? rest.slice(0, stop) : rest
}

/** Where the last full stop of a text is, or -1: a backward scan (a regex anchored at the end would go quadratic). */
function lastStop(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if ('。！？!?'.includes(text[i]!)) return i
  return -1
}

/** The text before `at` back to the start of its paragraph (its line). */
function paragraphBefore(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at - 1) + 1
  return text.slice(Math.max(from, at - 2000), at)
}

/** …表示,2021年,我国…。…: a year that opens a clause of the paragraph carries on to the sentences after it. */
const OPENING_SENTENCE_YEAR = /(?:^|[。！？!?，,：:】\]])\s*((?:19|20)\d{2})\s*年(?:度)?\s*[，,]/g

function paragraphYear(paragraph: string): number | null {
  let year: number | null = null
  OPENING_SENTENCE_YEAR.lastIndex = 0
  for (const match of paragraph.matchAll(OPENING_SENTENCE_YEAR)) year = Number(match[1])
  return year
}

/**
 * The last year the sentence names outside quoted titles (到2025年年底前), or the one it means by 明年 or 今年
 * counted from the document's year; null when it names none.
 */
function sentenceYear(sentence: string, documentYear: number | null): number | null {
  const plain = sentence.replace(QUOTED, (quoted) => ' '.repeat(quoted.length))
  let year: number | null = null
  SENTENCE_YEAR.lastIndex = 0
  for (const match of plain.matchAll(SENTENCE_YEAR)) year = Number(match[1])
  if (year !== null || documentYear === null) return year
  if (NEXT_YEAR.test(plain)) return documentYear + 1
  return THIS_YEAR.test(plain) ? documentYear : null
}

/**
 * Whether a number with its unit names or introduces something rather than counting it: a set named by a Chinese
 * numeral (中央八项规定, “两个维护”十项制度机制, 发展十件实事), a number introducing a list (明确了4项重点工作。一是…,
 * 从以下五个方面), and 一次 meaning each time (旷会一次罚款). A count summing up a list just given (交通、供水、…7项
 * 行动; 多头执法、重复执法等8类问题) is a statement: it counts what was done or is to be done.
 */
function namesRatherThanCounts(before: string, numberText: string, reading: Reading, countsItems: boolean): boolean {
  const chinese = !/\d/.test(numberText[0]!)
  const nounAfter = /^[\u4e00-\u9fff“]/.test(reading.after) && !/^(?:以上|以下|以内|之内|内|左右|的|及|者|前|后)/.test(reading.after)
  // 60岁以上老年人口, 5岁以下儿童: an age bounding a group.
  if (AGE_UNITS.has(reading.unit) && /^[\u4e00-\u9fff]/.test(reading.after)) return true
  if (chinese && numberText === '一' && EACH_TIME_AFTER.test(reading.after)) return true
  // 和群众一起: together, not one incident (发生一起事故).
  if (numberText === '一' && reading.unit === '起' && /[和与同跟][^，,。；;]{0,12}$/.test(before)) return true
  // 每检查一次后…: each time something is done, not how often.
  if (numberText === '一' && EACH_TIME_BEFORE.test(before)) return true
  if (/以下\s*$/.test(before)) return true
  if (CAPACITY_BEFORE.test(before) && PROJECT_AFTER.test(reading.after)) return true
  // 由15个工作日缩短至5个: the baseline is not the statement, the level it goes to is.
  if (/[由从]$/.test(before) && BASELINE_AFTER.test(reading.after)) return true
  if (nounAfter && LIST_AFTER.test(reading.after)) return true
  // 一、促进就业(3项); (6项指标) on its own line: how many items follow, not a quantity.
  if (countsItems) return true
  // …营商环境等四类矛盾纠纷; 开展A、B、C三项专题活动: a count of the list just given.
  const sumsList = /等$/.test(before) || (before.match(/、/g)?.length ?? 0) >= 2
  // 至少提前一天, 将重点实施三项: a floor, a ceiling or a promise counts what follows.
  const governed = governingWord(before) !== null || COMMITMENT_CUES.test(before) || FUTURE.test(before)
  const counting = (COUNT_BEFORE.test(before) && !NAMING_BEFORE.test(before)) || sumsList || governed
  return chinese && nounAfter && !counting && numberText !== '半' && !DURATION_UNITS.has(reading.unit)
}

/**
 * Whether a statement is a commitment or an outcome. The clause decides when it speaks: a floor, a ceiling, an aim
 * or an obligation (不少于, 力争, 原则上, 一般不超过) makes a commitment, and what is already done (已, …了) an
 * outcome. Otherwise the part's kind (from its heading or the document's title), then a rule's shape (每月一次,
 * 每个社区一名), then an outcome. A kind read from the shape alone is weak: in a document whose other statements
 * are results, 每年化解纠纷50万件以上 is a result too (see `extractStatements`).
 */
function kindOf(clause: string, part: StatementKind | null): { kind: StatementKind; byShape: boolean } {
  if (COMMITMENT_CUES.test(clause)) return { kind: 'commitment', byShape: false }
  if (OUTCOME_CUES.test(clause)) return { kind: 'outcome', byShape: false }
  if (part) return { kind: part, byShape: false }
  return RULE_CUES.test(clause) ? { kind: 'commitment', byShape: true } : { kind: 'outcome', byShape: false }
}

/**
 * Finds every quantitative statement in a plan or report: commitments (组织不少于15次集中学习) in plans and rules,
 * and outcomes (开展专题调研15次) in reports, each with its number, unit, comparator, target type, period, year and
 * section. One pass over the text; never throws. Dates, document numbers, list numbering, hotlines, quoted names,
 * slogans and set phrases (三重一大, 两个确立) are not quantities: a number counts only with a unit after it.
 */
export function extractStatements(text: string, options: ExtractOptions = {}): Statement[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const plain = halfWidth(text)
  const { parts, headings, year: documentYear, published } = readStructure(plain, options.year ?? null)
  const masked = maskedSpans(plain)
  const statements: Statement[] = []
  /** Where the last number that counted each time (每超出一天) ended: comparators before it govern it alone. */
  let eachTimeEnd = 0
  /** Statements whose kind only their shape gave, with the comparator each would have as an outcome. */
  const byShapeOnly = new Map<number, () => Comparator>()
  let lastEnd = 0
  NUMBER.lastIndex = 0
  for (let match = NUMBER.exec(plain); match !== null; match = NUMBER.exec(plain)) {
    const start = match.index
    const numberText = match[0]
    const end = start + numberText.length
    const chinese = !/\d/.test(numberText[0]!)
    const previous = plain[start - 1] ?? ''
    // 第三, 1.5's 5, 2021/03/29's 03; 每三个月, 每5年, 每半个月: a period, not a quantity.
    if (masked[start] || previous === '第' || previous === '每' || /[\d./]/.test(previous)) continue
    if (chinese && numberText !== '半') {
      if (!beginsWord(plain, start) || inSetPhrase(plain, start, numberText.length)) continue
    }
    const reading = readQuantity(plain, numberText, end)
    if (!reading) continue
    const from = clauseStart(plain, start)
    const before = plain.slice(from, start).replace(/\s+$/, '')
    // ……培训(不少于40学时): a requirement in brackets, of the clause before it.
    const opensBracket = /[(（]/.test(plain[from - 1] ?? '')
    const bracketed = opensBracket && /^\s*[)）]/.test(plain.slice(reading.end, reading.end + 3)) && from >= 2 && !CLAUSE_BREAK.test(plain[from - 2]!)
    // 一、促进就业(3项); (6项指标) on a line of its own: how many items follow.
    const line = plain.slice(plain.lastIndexOf('\n', start - 1) + 1, Math.max(0, from - 1))
    const countsItems = opensBracket && before === '' && ITEMS_AFTER.test(reading.after) && (line.trim() === '' || (HEADING_LINE.test(line) && !/[，,。；;]/.test(line) && line.length <= 24))
    if (namesRatherThanCounts(before, numberText, reading, countsItems)) {
      // 每超出一天扣发20元: a floor on the skipped number does not govern the next one.
      if (numberText === '一' && EACH_TIME_BEFORE.test(before)) eachTimeEnd = reading.end
      continue
    }
    if (reading.range) NUMBER.lastIndex = reading.end
    const part = lastBefore(parts, start)
    const paragraph = paragraphBefore(plain, start)
    const fullSentence = paragraph.slice(lastStop(paragraph) + 1)
    // (4天) after 要大于96小时: the bracket restates the clause before it, its comparator and kind with it.
    const own = eachTimeEnd > from ? plain.slice(eachTimeEnd, start).replace(/\s+$/, '') : before
    const governed = bracketed ? plain.slice(clauseStart(plain, from - 1), from - 1) + before : own
    const announced = (TARGETS_ANNOUNCED.test(fullSentence) || ACTUAL_AFTER.test(reading.after)) && !OUTCOME_CUES.test(before)
    const read = announced ? { kind: 'commitment' as const, byShape: false } : kindOf(governed, part?.kind ?? null)
    // 全市16区、41个单位、45所高校将组织开展…: a clause with no word of its own takes its sentence's future.
    const targetYear = TARGET_YEAR.exec(fullSentence)
    // 到2027年…: a target ahead of the report a part is (or of no report at all).
    const aimsAhead = targetYear !== null && (documentYear === null || Number(targetYear[1]) > documentYear || (part?.kind !== 'outcome' && Number(targetYear[1]) >= documentYear))
    const future = !announced && !COMMITMENT_CUES.test(governed) && !OUTCOME_CUES.test(governed) && (FUTURE.test(fullSentence + sentenceRest(plain, reading.end)) || aimsAhead)
    let { kind, byShape } = future ? { kind: 'commitment' as const, byShape: false } : read
    // 针对2025年收集的127条意见 in a plan for 2026; 占比32%的现状: what already is, not what is to be.
    const namedYear = sentenceYear(governed, null)
    if (kind === 'commitment' && !COMMITMENT_CUES.test(governed) && ((namedYear !== null && part?.year != null && namedYear < part.year) || STATE_AFTER.test(reading.after))) {
      kind = 'outcome'
      byShape = false
    }
    const unitTail = plain.slice(end, reading.end)
    const sentence = sentenceBefore(plain, start)
    let { targetType, period } = reading.per ? { targetType: 'per_period' as const, period: reading.per } : targetTypeOf(before, reading.unit)
    if (kind === 'commitment' && targetType === 'count' && !EACH.test(before)) {
      // 每年至少研读2本…,至少撰写1篇: the sentence's period governs its later clauses.
      const inherited = PERIOD_WORDS.find(([pattern]) => pattern.test(sentence))
      if (inherited) [targetType, period] = ['per_period', inherited[1]]
    }
    // 分别下降到4.0‰、4.5‰: a value listed right after another takes the first one's reading.
    const prior = statements.at(-1)
    const listed = prior !== undefined && lastEnd > from && /^\s*(?:[、和及与]|或者?)\s*$/.test(plain.slice(lastEnd, start))
    let comparator: Comparator = reading.range ? (kind === 'outcome' ? '~>' : '>=') : comparatorOf(kind, governed, reading, unitTail)
    if (listed) {
      kind = prior.kind
      if (prior.unit === reading.unit && targetType === 'count') [targetType, period] = [prior.targetType, prior.period]
      if (comparator === '=') comparator = prior.comparator
    }
    // A quote starts after the statement before it in the same clause: 其中2个单位、2个乡镇.
    let quoteStart = from
    if (lastEnd > from) {
      const joint = plain.slice(lastEnd, start).search(/[、和及与或][^、和及与或]*$/)
      quoteStart = joint >= 0 ? lastEnd + joint + 1 : lastEnd
    }
    while (quoteStart < start && SPACE.test(plain[quoteStart]!)) quoteStart++
    lastEnd = reading.end
    if (byShape) byShapeOnly.set(statements.length, () => comparatorOf('outcome', governed, reading, unitTail))
    statements.push({
      quote: text.slice(quoteStart, reading.end),
      start: quoteStart,
      end: reading.end,
      kind,
      metric: metricOf(plain.slice(Math.max(0, start - 200), start), plain.slice(quoteStart, start), reading.after),
      value: reading.value,
      unit: reading.unit,
      comparator,
      targetType,
      period,
      year:
        sentenceYear(before, null) ??
        sentenceYear(sentence, documentYear) ??
        // 截至目前…已发展到69.3万个: the state of things when the page was published.
        (published !== null && CURRENT.test(sentence) ? published : null) ??
        // 到2025年年底前,…;…普及率达到94%: the year carries across the sentence's semicolons.
        sentenceYear(fullSentence, null) ??
        // 实施…7项行动,到2025年年底前…: a commitment's deadline later in its sentence.
        (kind === 'commitment' ? deadlineAfter(plain, reading.end) : null) ??
        // 今年 in a document whose year is unknown: unknown, not the year of the results before it.
        (documentYear === null && (THIS_YEAR.test(fullSentence) || NEXT_YEAR.test(fullSentence)) ? null : paragraphYear(paragraph)) ??
        part?.year ??
        options.year ??
        null,
      bracketed,
      section: lastBefore(headings, start)?.text ?? '',
    })
  }
  // A report (its other statements mostly results) states recurring figures as results too.
  const others = statements.filter((_, i) => !byShapeOnly.has(i))
  const outcomes = others.filter((s) => s.kind === 'outcome').length
  if (outcomes >= 3 && outcomes > 2 * (others.length - outcomes)) {
    for (const [i, comparator] of byShapeOnly) statements[i] = { ...statements[i]!, kind: 'outcome', comparator: comparator() }
  }
  return statements
}
export * from './import'
export * from './ledger'
