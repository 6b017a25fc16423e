/** Numbers as Chinese documents write them: 15, 1,200, 12.5, 十五, 二十, 两万, 10万, 一百二十. */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 }

/** The value of a Chinese numeral (二十, 一百二十, 十五, 两), or null when it is not one. */
export function chineseValue(text: string): number | null {
  if (text.length === 0) return null
  let total = 0
  let section = 0
  let digit: number | null = null
  for (const ch of text) {
    if (ch in DIGIT) {
      if (digit !== null) return null // 一二 is a list, not a number
      digit = DIGIT[ch]!
    } else if (ch in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[ch]!
      digit = null
    } else if (ch in BIG_UNIT) {
      total += (section + (digit ?? 0)) * BIG_UNIT[ch]!
      section = 0
      digit = null
    } else return null
  }
  return total + section + (digit ?? 0)
}

/** Arabic digits with spaces, page breaks or thousands separators inside (1 5, 1,200), as a number. */
export function arabicValue(text: string): number | null {
  const cleaned = text.replace(/[\s,，]/g, '')
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null
  const value = Number(cleaned)
  return Number.isFinite(value) ? value : null
}

/** Full-width digits and signs as ASCII, one character for one, so offsets stay the same. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF05\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}
