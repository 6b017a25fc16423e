/**
 * The text of a document the user opens: a .txt file (UTF-8, or GB18030 as Chinese Windows saves it) or a Word
 * .docx (its paragraphs, by mammoth, loaded only when a .docx is opened). Null for any other file.
 */
export async function readTextFile(file: File): Promise<string | null> {
  const name = file.name.toLowerCase()
  const bytes = await file.arrayBuffer()
  if (name.endsWith('.txt')) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return new TextDecoder('gb18030').decode(bytes)
    }
  }
  if (name.endsWith('.docx')) {
    const mammoth = await import('mammoth')
    try {
      return (await mammoth.extractRawText({ arrayBuffer: bytes })).value
    } catch {
      return null
    }
  }
  return null
}
