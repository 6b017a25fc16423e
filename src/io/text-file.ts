import { docxText, type DocxText } from './docx-text'
import type { ZipProblem } from './zip-check'

/** A document's text, or why it was not read: not a .txt or .docx, or a .docx that is damaged or a zip bomb. */
export type TextFileProblem = ZipProblem | { code: 'unsupported' }
export type TextFile = { ok: true; text: string } | { ok: false; problem: TextFileProblem }

/** Reads a .docx in a worker where the browser has them (the page stays responsive), else here. */
function readDocx(bytes: ArrayBuffer): Promise<DocxText> {
  if (typeof Worker === 'undefined') return docxText(bytes)
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./docx-worker.ts', import.meta.url), { type: 'module' })
    const done = (result: DocxText) => {
      worker.terminate()
      resolve(result)
    }
    worker.onmessage = (event: MessageEvent<DocxText>) => done(event.data)
    // A worker that dies (out of memory on a file that slipped past the checks) is a file not read.
    worker.onerror = () => done({ ok: false, problem: { code: 'notZip' } })
    worker.postMessage(bytes, [bytes])
  })
}

/**
 * The text of a document the user opens: a .txt file (UTF-8, or GB18030 as Chinese Windows saves it) or a Word
 * .docx (its paragraphs, by mammoth, after its zip sizes pass the limits of src/io/zip-check.ts).
 */
export async function readTextFile(file: File): Promise<TextFile> {
  const name = file.name.toLowerCase()
  const bytes = await file.arrayBuffer()
  if (name.endsWith('.txt')) {
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
    } catch {
      return { ok: true, text: new TextDecoder('gb18030').decode(bytes) }
    }
  }
  if (name.endsWith('.docx')) return readDocx(bytes)
  return { ok: false, problem: { code: 'unsupported' } }
}
