/**
 * The Word report in the 公文 layout of GB/T 9704, as far as fonts allow: A4 with the standard margins, the title in
 * 小标宋 二号 centred, the body in 仿宋 三号 at a fixed 28.95 pt line, 一、 headings in 黑体 and (一) headings in 楷体, a
 * summary table and the key charts as images. Built with docx, which callers load only when a report is exported.
 */

export interface ReportImage {
  /** PNG bytes. */
  data: Uint8Array
  width: number
  height: number
  caption: string
}

export interface ReportSection {
  /** 一、固法治根本 (numbered as the plan numbers it); '' for paragraphs without a heading. */
  heading: string
  /** 1 (default): a 一、 heading in 黑体; 2 and deeper: a （一） or 1. heading in 楷体. */
  level?: number
  /** One paragraph per commitment: the generated 进展情况. */
  paragraphs: string[]
}

export interface ReportInput {
  title: string
  /** 截至2025年9月30日，…共有目标任务16项，… */
  summary: string
  sections: ReportSection[]
  /** The summary table: a header row, then rows. */
  table: { header: string[]; rows: string[][] }
  /** Heading of the part with the table and charts (二、统计图表). */
  figuresHeading: string
  images: ReportImage[]
  /** 落款: the organisation (when the plan names one) and the date, set right at the end. */
  signature: { organisation: string; date: string }
}

/** The fonts of the 公文 layout; Word falls back to similar ones where they are missing. */
export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312' }
/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, table text 四号 14 pt. */
export const SIZES = { title: 44, body: 32, table: 28 }
/** Millimetres in twips (1/1440 inch). */
const mm = (value: number) => Math.round((value * 1440) / 25.4)
const LINE = 579 // 28.95 pt, in twips: 22 lines of 28 characters on a page

/** The report as a .docx file's bytes. */
export async function buildReport(input: ReportInput, docx: typeof import('docx')): Promise<ArrayBuffer> {
  const { AlignmentType, Document, Footer, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx
  const run = (text: string, font: string, size: number, bold = false) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold })
  const spacing = { line: LINE, lineRule: LineRuleType.EXACT }
  const body = (text: string) => new Paragraph({ children: [run(text, FONTS.body, SIZES.body)], indent: { firstLine: 640 }, spacing, alignment: AlignmentType.JUSTIFIED })
  // A heading stays on the page of what follows it.
  const heading = (text: string, level = 1) => new Paragraph({ children: [run(text, level === 1 ? FONTS.heading1 : FONTS.heading2, SIZES.body)], indent: { firstLine: 640 }, spacing, keepNext: true })

  const children = [
    new Paragraph({ children: [run(input.title, FONTS.title, SIZES.title)], alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: LINE } }),
    body(input.summary),
  ]
  for (const section of input.sections) {
    if (section.heading) children.push(heading(section.heading, section.level))
    for (const paragraph of section.paragraphs) children.push(body(paragraph))
  }
  children.push(heading(input.figuresHeading))
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, FONTS.body, SIZES.table, bold)], alignment: AlignmentType.CENTER })] })
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: input.table.header.map((h) => cell(h, true)) }), ...input.table.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  })
  const figures = input.images.flatMap((image) => {
    // A4 text width is 156 mm ≈ 590 px at 96 dpi: wider images are scaled down.
    const scale = Math.min(1, 590 / image.width)
    return [
      // The figure keeps with its caption, so a caption never starts a page alone.
      new Paragraph({ children: [new ImageRun({ type: 'png', data: image.data, transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) }, altText: { name: image.caption, description: image.caption, title: image.caption } })], alignment: AlignmentType.CENTER, keepNext: true, keepLines: true }),
      new Paragraph({ children: [run(image.caption, FONTS.heading2, SIZES.table)], alignment: AlignmentType.CENTER, spacing }),
    ]
  })

  // 落款: the organisation and the date, right-aligned, four characters in from the margin, after a blank line.
  const signature = [input.signature.organisation, input.signature.date]
    .filter(Boolean)
    .map((text, i) => new Paragraph({ children: [run(text, FONTS.body, SIZES.body)], alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: i === 0 ? { ...spacing, before: LINE * 2 } : spacing, keepNext: i === 0 }))
  // 页码: "— 1 —" centred at the foot, in 宋体 四号.
  const pageNumber = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' }, size: SIZES.table })] })],
  })

  const document = new Document({
    creator: 'Pace',
    title: input.title,
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        footers: { default: pageNumber },
        children: [...children, table, ...figures, ...signature],
      },
    ],
  })
  return Packer.toArrayBuffer(document)
}
