import { docxText } from './docx-text'

/** Reads a Word document off the page's thread, so a large or hostile file never freezes the screen. */
self.onmessage = async (event: MessageEvent<ArrayBuffer>) => {
  self.postMessage(await docxText(event.data))
}
