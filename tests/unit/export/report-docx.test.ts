import { describe, expect, it } from 'vitest'
import * as docx from 'docx'
import JSZip from 'jszip'
import { buildReport, FONTS, SIZES, type ReportInput } from '@/export/report-docx'

// A 1×1 transparent PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0))

async function documentXml(sections?: ReportInput['sections']) {
  const bytes = await buildReport(
    {
      title: '2025年工作谋划落实情况报告',
      summary: '截至2025年9月30日，2025年工作谋划共有目标任务16项，已完成4项。',
      sections: [{ heading: '一、固法治根本', paragraphs: ['“组织集中学习”累计完成12次，完成年度目标（不少于15次）的80%，超序时进度5.2个百分点。', '<w:p>不是标记</w:p>'] }],
      table: { header: ['状态', '项数'], rows: [['已完成', '4'], ['滞后', '4']] },
      figuresHeading: '二、统计图表',
      ...(sections ? { sections } : {}),
      images: [{ data: PNG, width: 1200, height: 600, caption: '图1 完成状态' }],
      signature: { organisation: '某市司法局', date: '2025年9月30日' },
    },
    docx,
  )
  const zip = await JSZip.loadAsync(bytes)
  const footer = Object.keys(zip.files).find((f) => /^word\/footer\d*\.xml$/.test(f))
  return { xml: await zip.file('word/document.xml')!.async('string'), files: Object.keys(zip.files), footer: footer ? await zip.file(footer)!.async('string') : '' }
}

describe('the Word report', () => {
  it('has the title, the summary, headings and the generated text, in the 公文 fonts and sizes', async () => {
    const { xml } = await documentXml()
    for (const text of ['2025年工作谋划落实情况报告', '截至2025年9月30日', '一、固法治根本', '超序时进度5.2个百分点', '二、统计图表', '已完成', '图1 完成状态']) expect(xml).toContain(text)
    expect(xml).toContain(`w:eastAsia="${FONTS.body}"`)
    expect(xml).toContain(`w:eastAsia="${FONTS.title}"`)
    expect(xml).toContain(`w:eastAsia="${FONTS.heading1}"`)
    expect(xml).toContain(`<w:sz w:val="${SIZES.body}"/>`)
    expect(xml).toContain(`<w:sz w:val="${SIZES.title}"/>`)
    expect(xml).toMatch(/<w:spacing w:line="579" w:lineRule="exact"/)
  })

  it('sets A4 with the GB/T 9704 margins, escapes text, and embeds the charts as images', async () => {
    const { xml, files } = await documentXml()
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    // 37, 26, 35 and 28 mm.
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(xml).toContain('&lt;w:p&gt;不是标记&lt;/w:p&gt;')
    expect(xml).toContain('<w:tbl>')
    expect(files.some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true)
  })

  it('sets (一) headings in 楷体 and leaves a section without a heading as body text', async () => {
    const { xml } = await documentXml([
      { heading: '', paragraphs: ['会议时间：2025年10月10日'] },
      { heading: '一、工作进展情况', paragraphs: [] },
      { heading: '（一）固法治根本', level: 2, paragraphs: ['已开展12次。'] },
    ])
    const paragraph = (text: string) => xml.split('<w:p>').find((p) => p.includes(text)) ?? ''
    expect(paragraph('（一）固法治根本')).toContain(`w:eastAsia="${FONTS.heading2}"`)
    expect(paragraph('一、工作进展情况')).toContain(`w:eastAsia="${FONTS.heading1}"`)
    expect(paragraph('会议时间')).toContain(`w:eastAsia="${FONTS.body}"`)
  })

  it('numbers pages "— 1 —" at the foot, ends with the 落款, and keeps headings and figures with what follows', async () => {
    const { xml, footer } = await documentXml()
    expect(footer).toContain('— ')
    expect(footer).toMatch(/PAGE/)
    expect(footer).toContain(' —')
    const paragraphs = xml.split('<w:p>')
    const paragraph = (text: string) => paragraphs.find((p) => p.includes(text)) ?? ''
    expect(paragraph('某市司法局')).toContain('<w:jc w:val="right"/>')
    expect(paragraphs.findIndex((p) => p.includes('2025年9月30日</w:t>') && p.includes('w:val="right"'))).toBeGreaterThan(paragraphs.findIndex((p) => p.includes('某市司法局')))
    expect(paragraph('一、固法治根本')).toContain('<w:keepNext/>')
    // The image's paragraph keeps with its caption's.
    const image = paragraphs.findIndex((p) => p.includes('<w:drawing>'))
    expect(paragraphs[image]).toContain('<w:keepNext/>')
    expect(paragraphs[image + 1]).toContain('图1 完成状态')
  })
})

