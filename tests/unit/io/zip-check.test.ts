import { describe, expect, it } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import { checkZip, ZIP_LIMITS } from '@/io/zip-check'
import { docxText } from '@/io/docx-text'

const MiB = 1024 * 1024

/** Text that packs as ordinary prose does (about 2–4 : 1), from a fixed seed. */
function prose(bytes: number): Uint8Array {
  const words = ['组织', '学习', '开展', '调研', '专家', '法治', '建设', '完成', '落实', '推进', '2025', '次', '。', '，']
  let seed = 7
  const parts: string[] = []
  let length = 0
  while (length < bytes) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const word = words[seed % words.length]!
    parts.push(word)
    length += word.length * 3
  }
  return strToU8(parts.join(''))
}

/** A minimal Word document with one paragraph. */
function docx(paragraph: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p></w:body></w:document>`),
    ...extra,
  })
}

/** Rewrites every uncompressed-size field of a zip (local headers and central directory) to `size`: a lying bomb. */
function understate(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true)
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true)
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true)
  }
  return out
}

describe('zip sizes before unpacking', () => {
  it('passes an ordinary document, pictures and all', () => {
    expect(checkZip(docx('组织不少于15次集中学习', { 'word/media/image1.png': prose(3 * MiB), 'word/styles.xml': prose(200_000) }))).toBeNull()
  })

  it('refuses 21 KB that unpacks to 20 MiB (a zip bomb), naming the entry, its size and ratio', () => {
    const bomb = docx('x', { 'word/document.xml': new Uint8Array(20 * MiB) })
    expect(bomb.length).toBeLessThan(40_000)
    const problem = checkZip(bomb)
    expect(problem).toMatchObject({ code: 'bomb', entry: 'word/document.xml', bytes: 20 * MiB })
    expect(problem?.code === 'bomb' && problem.ratio).toBeGreaterThan(ZIP_LIMITS.ratio)
  })

  it('refuses a bomb whose headers understate its size, by counting what comes out, and stops early', () => {
    const liar = understate(docx('x', { 'word/document.xml': new Uint8Array(64 * MiB) }), 1000)
    const problem = checkZip(liar)
    expect(problem).toMatchObject({ code: 'bomb', entry: 'word/document.xml' })
    // Stopped within a slice or so of the limit, not after inflating all 64 MiB.
    expect(problem?.code === 'bomb' && problem.bytes).toBeLessThan(16 * MiB)
  })

  it('refuses a file whose entries together pass the total, ordinary ratio or not', () => {
    const limits = { ...ZIP_LIMITS, totalBytes: 2 * MiB }
    expect(checkZip(docx('x', { 'a.bin': prose(1.5 * MiB), 'b.bin': prose(1.5 * MiB) }), limits)).toMatchObject({ code: 'tooLarge', limit: 2 * MiB })
    expect(checkZip(understate(docx('x', { 'a.bin': prose(3 * MiB) }), 10), limits)).toMatchObject({ code: 'tooLarge', limit: 2 * MiB })
  })

  it.each([
    ['no zip at all', strToU8('组织不少于15次集中学习')],
    ['a zip cut short', docx('组织学习').slice(0, 200)],
  ])('calls %s damaged', (_name, bytes) => {
    expect(checkZip(bytes)).toEqual({ code: 'notZip' })
  })
})

describe('docxText', () => {
  const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

  it('reads the paragraphs of a document that passes', async () => {
    expect(await docxText(buffer(docx('组织不少于15次集中学习')))).toEqual({ ok: true, text: '组织不少于15次集中学习\n\n' })
  })

  it('never hands a bomb to the reader', async () => {
    expect(await docxText(buffer(docx('x', { 'word/document.xml': new Uint8Array(20 * MiB) })))).toMatchObject({ ok: false, problem: { code: 'bomb' } })
  })
})
