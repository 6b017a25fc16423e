import {
  ABOUT_MORE,
  AT_LEAST_BEFORE,
  AT_MOST_AFTER,
  AT_MOST_BEFORE,
  COMMITMENT_CUES,
  DECREASE,
  INCREASE,
  LEVEL_BEFORE,
  PERIOD_WORDS,
  RATIO,
  SET_PHRASES,
  UNITS,
  WHOLE_YEAR,
} from './lexicon'
import { arabicValue, chineseValue, halfWidth } from './numbers'
import { lastBefore, readStructure, type StatementKind } from './structure'
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
}

export interface ExtractOptions {
  /** The year of a document that does not say it (its title and headings win when they do). */
  year?: number
}

export type { StatementKind }

/** A number: Arabic digits (spaces or page breaks inside allowed, 1,200, 12.5) or a Chinese numeral. */
const NUMBER = /\d(?:\d|,(?=\d{3}(?!\d))|[ \t\f\u3000\u00a0]{1,3}(?=\d)|\r?\n(?=\d))*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+/g
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
  after: string
}

/** The number at [start, end) with what follows it: a multiplier (万), 余/多, and a unit; null when no unit follows. */
function readQuantity(text: string, numberText: string, end: number): Reading | null {
  const isArabic = /\d/.test(numberText[0]!)
  let value = isArabic ? arabicValue(numberText) : chineseValue(numberText)
  if (value === null) return null
  let i = skipSpaces(text, end)
  let aboutMore = false
  // 10万, 两万余, 20余万
  for (let step = 0; step < 2; step++) {
    const ch = text[i]
    if (ch === '万' || ch === '亿') {
      value *= ch === '万' ? 10_000 : 100_000_000
      i = skipSpaces(text, i + 1)
    } else if (ch === '余' || ch === '多') {
      aboutMore = true
      i = skipSpaces(text, i + 1)
    }
  }
  if (!Number.isFinite(value)) return null
  const rest = text.slice(i, i + 6)
  const unit = UNITS.find((u) => rest.startsWith(u))
  if (!unit) return null
  let unitEnd = i + unit.length
  const after = text.slice(unitEnd, unitEnd + 4)
  const trailing = startsWithAny(after, ['以上', ...AT_MOST_AFTER])
  if (trailing) unitEnd += trailing.length
  return { value, unit: unit === '%' ? '%' : unit, end: unitEnd, aboutMore, after: text.slice(unitEnd, unitEnd + 40) }
}

/** Where the clause holding `at` begins: after the last break before it, at most MAX_CLAUSE characters back. */
function clauseStart(text: string, at: number): number {
  const from = Math.max(0, at - MAX_CLAUSE)
  for (let i = at - 1; i >= from; i--) if (CLAUSE_BREAK.test(text[i]!)) return i + 1
  return from
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
    return trailingAtMost || endsWithAny(before, AT_MOST_BEFORE) !== null ? '<=' : '='
  }
  if (trailingAtMost) return '<='
  if (trailingAtLeast || reading.aboutMore) return '>='
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
  return label.replace(TRAILING_NOISE, '').trim()
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

/**
 * Finds every quantitative statement in a plan or report: commitments (组织不少于15次集中学习) in plan parts and
 * outcomes (开展专题调研15次) in report parts, each with its number, unit, comparator, target type, period, year and
 * section. One pass over the text; never throws. Dates, document numbers, list numbering, hotlines and set
 * phrases (三重一大, 两个确立) are not quantities: a number counts only with a unit after it.
 */
export function extractStatements(text: string, options: ExtractOptions = {}): Statement[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const plain = halfWidth(text)
  const { parts, headings } = readStructure(plain, options.year ?? null)
  const statements: Statement[] = []
  NUMBER.lastIndex = 0
  for (let match = NUMBER.exec(plain); match !== null; match = NUMBER.exec(plain)) {
    const start = match.index
    const numberText = match[0]
    const end = start + numberText.length
    const chinese = !/\d/.test(numberText[0]!)
    const previous = plain[start - 1] ?? ''
    if (previous === '第' || /[\d.]/.test(previous)) continue
    if (chinese) {
      if (previous === '每' && chineseValue(numberText) === 1) continue
      if (!beginsWord(plain, start) || inSetPhrase(plain, start, numberText.length)) continue
    }
    const reading = readQuantity(plain, numberText, end)
    if (!reading) continue
    const from = clauseStart(plain, start)
    const before = plain.slice(from, start).replace(/\s+$/, '')
    const part = lastBefore(parts, start)
    const kind: StatementKind = part?.kind ?? (COMMITMENT_CUES.test(before) ? 'commitment' : 'outcome')
    const unitTail = plain.slice(end, reading.end)
    const { targetType, period } = targetTypeOf(before, reading.unit)
    const explicitYear = /((?:19|20)\d{2})\s*年(?!度?工作)/.exec(before)
    let quoteStart = from
    while (quoteStart < start && SPACE.test(plain[quoteStart]!)) quoteStart++
    statements.push({
      quote: text.slice(quoteStart, reading.end),
      start: quoteStart,
      end: reading.end,
      kind,
      metric: metricOf(plain.slice(Math.max(0, start - 200), start), before, reading.after),
      value: reading.value,
      unit: reading.unit,
      comparator: comparatorOf(kind, before, reading, unitTail),
      targetType,
      period,
      year: explicitYear ? Number(explicitYear[1]) : (part?.year ?? options.year ?? null),
      section: lastBefore(headings, start)?.text ?? '',
    })
  }
  return statements
}
export * from './import'
export * from './ledger'
