import { checkZip, type ZipProblem } from './zip-check'

/** A Word document's text, or why it was not read. */
export type DocxText = { ok: true; text: string } | { ok: false; problem: ZipProblem }

/** The paragraphs of a .docx as plain text (mammoth), once its sizes have passed `checkZip`. */
export async function docxText(bytes: ArrayBuffer): Promise<DocxText> {
  const problem = checkZip(new Uint8Array(bytes))
  if (problem) return { ok: false, problem }
  const mammoth = await import('mammoth')
  try {
    // The browser build reads `arrayBuffer`, the Node one (unit tests, scripts) `buffer`; each ignores the other.
    const input = { arrayBuffer: bytes, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer }
    return { ok: true, text: (await mammoth.extractRawText(input)).value }
  } catch {
    return { ok: false, problem: { code: 'notZip' } }
  }
}
