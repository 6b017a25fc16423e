import { PLAN_HEADING, REPORT_HEADING, RULES_TITLE } from './lexicon'

export type StatementKind = 'commitment' | 'outcome'

/** A stretch of the document under one heading: what kind of statements it holds, for which year. */
export interface Part {
  start: number
  kind: StatementKind | null
  year: number | null
}

/** A heading (一、 or (一)) and where it starts; statements take the nearest one before them. */
export interface Heading {
  start: number
  text: string
}

export interface Structure {
  parts: Part[]
  headings: Heading[]
  /** The year the document reports on or plans for, from its title, opening or date; null when it says none. */
  year: number | null
  /** The year the page was published (发布时间, a date line), or null. */
  published: number | null
}

const TOP_HEADING = /^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、.．]/
const SUB_HEADING = /^[ \t\u3000]*[(（][一二三四五六七八九十]{1,3}[)）]/
const YEAR = /((?:19|20)\d{2})\s*年/
export const NEXT_YEAR = /(下一年度|下一年|明年|下年度|新一年|来年)/
export const THIS_YEAR = /(今年|本年度|本年)/
/** A report's opening sentence starts with its year: 2025年,…; 2025年上半年,…; 2025年以来,… */
const OPENING_YEAR = /^[ \t\u3000]*((?:19|20)\d{2})\s*年(?!\d)/
/** A page's publication date (发布时间:2026-01-20, 发布日期:2024年3月28日), or a line that is only a date. */
const PUBLISHED = /(?:发布|成文|印发|信息提供)(?:时间|日期)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})/
const DATE_LINE = /^[ \t\u3000]*((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?|-(\d{1,2})-\d{1,2})(?=[ \t\u3000]|$)[^\n]{0,40}$/
/** The longest heading whose words decide its part's kind; longer numbered lines are paragraphs. */
const SPEAKING_HEADING = 30
/** How far into a document its title, opening and publication date are looked for. */
const HEAD_LINES = 4

/**
 * What a heading or title says its part holds. A report word alone (总结, 成效, 报告) means outcomes and a plan
 * word alone (计划, 打算, 要点) commitments; a title with both ("2024年工作总结和2025年工作计划", "关于…工作情况
 * 及2026年工作计划的报告") opens with the report, so its first parts hold outcomes until a heading speaks.
 */
function kindOf(text: string): StatementKind | null {
  const report = REPORT_HEADING.test(text)
  if (PLAN_HEADING.test(text)) return report ? 'outcome' : 'commitment'
  return report ? 'outcome' : null
}

/** A title of standing rules or a plan (制度, 办法, 实施方案, 通知), and not a report on one. */
function isRules(title: string): boolean {
  return RULES_TITLE.test(title) && !REPORT_HEADING.test(title)
}

function yearOf(text: string, base: number | null): number | null {
  const explicit = YEAR.exec(text)
  if (explicit) return Number(explicit[1])
  if (base !== null && NEXT_YEAR.test(text)) return base + 1
  if (base !== null && THIS_YEAR.test(text)) return base
  return null
}

/** The heading text as documents cite it: up to its first full stop. */
function headingText(line: string): string {
  const trimmed = line.trim()
  const stop = trimmed.search(/[。.](?!\d)/)
  return (stop > 0 ? trimmed.slice(0, stop) : trimmed).slice(0, 80)
}

/**
 * The year a document is about when its title does not say: the year its opening sentence starts with, else the
 * year of its publication date (an annual report published by April is about the year before). Rules are not dated by their publication.
 */
function headYear(lines: readonly string[], published: boolean): number | null {
  for (const line of lines) {
    const opening = OPENING_YEAR.exec(line)
    if (opening) return Number(opening[1])
  }
  if (!published) return null
  const date = publication(lines)
  return date ? date.year - (date.month <= 4 ? 1 : 0) : null
}

/** The publication date in the document's first or last lines, as year and month. */
function publication(lines: readonly string[]): { year: number; month: number } | null {
  for (const line of lines) {
    const published = PUBLISHED.exec(line) ?? DATE_LINE.exec(line)
    if (published) return { year: Number(published[1]), month: Number(published[2] ?? published[3]) }
  }
  return null
}

/**
 * Reads the document's outline in one pass over its lines: the title (a first line that is not a heading), the
 * parts under 一、 headings with their kind (a plan: commitments; a report: outcomes) and year (2024年工作总结,
 * 下一年度, 今年), and the (一) headings statements are filed under. Standing rules (a title or a first heading
 * like 学习制度, 实施方案) hold commitments. A plan part after a report part, with no year of its own, is for the
 * year after the report's.
 */
export function readStructure(text: string, fallbackYear: number | null): Structure {
  const parts: Part[] = []
  const headings: Heading[] = []
  const lines = text.split('\n')
  const filled = lines.filter((line) => line.trim() !== '')
  // A date is given at the head of a page or under the signature at its end.
  const head = [...filled.slice(0, HEAD_LINES), ...filled.slice(Math.max(HEAD_LINES, filled.length - 2))]
  let base = fallbackYear
  let reportYear: number | null = null
  let offset = 0
  let first = true
  for (const line of lines) {
    const start = offset
    offset += line.length + 1
    if (line.trim() === '') continue
    const isTop = TOP_HEADING.test(line)
    const isSub = !isTop && SUB_HEADING.test(line)
    if (first) {
      first = false
      const title = !isTop && !isSub && line.trim().length <= 80 ? line : null
      const rules = isRules(title ?? (isTop ? headingText(line) : ''))
      const year = title ? yearOf(title, base) : null
      if (fallbackYear === null) base = year ?? headYear(head, !rules)
      const kind = rules ? 'commitment' : title ? kindOf(title) : null
      if (kind === 'outcome') reportYear = year ?? base
      parts.push({ start, kind, year: year ?? base })
      if (title) continue
    }
    if (isTop) {
      const heading = headingText(line)
      const explicit = yearOf(heading, base)
      if (base === null && explicit !== null) base = explicit
      const inherited = parts.at(-1)
      // A heading speaks when it is a heading: a numbered paragraph of rules (四、党员每季应向党组织汇报…工作情况) is not.
      const said = heading.length <= SPEAKING_HEADING ? kindOf(heading) : null
      const kind = said ?? (explicit !== null && base !== null && explicit > base ? 'commitment' : (inherited?.kind ?? null))
      const year = explicit ?? (kind === 'commitment' && said && reportYear !== null ? reportYear + 1 : (inherited?.year ?? base))
      if (kind === 'outcome') reportYear = year
      parts.push({ start, kind, year })
      headings.push({ start, text: heading })
    } else if (isSub) headings.push({ start, text: headingText(line) })
  }
  return { parts, headings, year: reportYear ?? base, published: publication(head)?.year ?? null }
}

/** The last item starting at or before `at`, by binary search over items sorted by start. */
export function lastBefore<T extends { start: number }>(items: readonly T[], at: number): T | null {
  let lo = 0
  let hi = items.length - 1
  let found: T | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.start <= at) {
      found = items[mid]!
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
