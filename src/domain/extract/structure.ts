import { PLAN_HEADING, REPORT_HEADING } from './lexicon'

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
}

const TOP_HEADING = /^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、.．]/
const SUB_HEADING = /^[ \t\u3000]*[(（][一二三四五六七八九十]{1,3}[)）]/
const YEAR = /((?:19|20)\d{2})\s*年/
const NEXT_YEAR = /(下一年度|下一年|明年|下年度)/
const THIS_YEAR = /(今年|本年度|本年)/

function kindOf(text: string): StatementKind | null {
  // The plan words win: "2024年工作总结和2025年工作计划" introduces the plan.
  if (PLAN_HEADING.test(text)) return 'commitment'
  if (REPORT_HEADING.test(text)) return 'outcome'
  return null
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
 * Reads the document's outline in one pass over its lines: the title (a first line that is not a heading), the
 * parts under 一、 headings with their kind (a plan: commitments; a report: outcomes) and year (2024年工作总结,
 * 下一年度, 今年), and the (一) headings statements are filed under.
 */
export function readStructure(text: string, fallbackYear: number | null): Structure {
  const parts: Part[] = []
  const headings: Heading[] = []
  let offset = 0
  let base = fallbackYear
  let first = true
  for (const line of text.split('\n')) {
    const start = offset
    offset += line.length + 1
    if (line.trim() === '') continue
    const isTop = TOP_HEADING.test(line)
    const isSub = !isTop && SUB_HEADING.test(line)
    if (first && !isTop && !isSub && line.trim().length <= 80) {
      // A title line: 尖山区政府办公室2025年度法治政府建设工作报告.
      first = false
      const year = yearOf(line, base)
      if (fallbackYear === null && year !== null) base = year
      parts.push({ start, kind: kindOf(line), year: year ?? base })
      continue
    }
    first = false
    if (isTop) {
      const heading = headingText(line)
      const year = yearOf(heading, base)
      if (base === null && year !== null) base = year
      const inherited = parts.at(-1)
      parts.push({ start, kind: kindOf(heading) ?? (year !== null && base !== null && year > base ? 'commitment' : (inherited?.kind ?? null)), year: year ?? base })
      headings.push({ start, text: heading })
    } else if (isSub) headings.push({ start, text: headingText(line) })
  }
  return { parts, headings }
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
