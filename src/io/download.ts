/**
 * Hands a file made in the page to the browser's downloads (no server involved): text, bytes or a blob, or an
 * image as a data URL. The one way Pace saves a file.
 */
export function download(fileName: string, content: string | ArrayBuffer | Blob, type = 'application/octet-stream') {
  const blob = content instanceof Blob ? content : new Blob([content], { type })
  const url = URL.createObjectURL(blob)
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName })
  link.click()
  // The download has started by the next turn of the event loop in every browser; a little later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A `data:` URL (as ECharts hands out a chart's PNG) as a blob, decoded in the page (no fetch, so no CSP question). */
export function dataUrlBlob(dataUrl: string): Blob {
  const [head = '', body = ''] = dataUrl.split(',', 2)
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream'
  if (!head.endsWith(';base64')) return new Blob([decodeURIComponent(body)], { type })
  const binary = atob(body)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type })
}
