import type { Page } from '@playwright/test'

/** A camera-sized photo (`width` × `height` JPEG), drawn by the browser itself, with a word on it. */
export async function cameraPhoto(page: Page, width = 2400, height = 1800): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w, h)
      const g = canvas.getContext('2d')!
      g.fillStyle = '#3a7'
      g.fillRect(0, 0, w, h)
      g.fillStyle = '#fff'
      g.font = `${Math.round(h / 6)}px sans-serif`
      g.fillText('签到表', w / 8, h / 2)
      return Array.from(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer()))
    },
    [width, height] as const,
  )
  return Buffer.from(bytes)
}

/**
 * The JPEG with an EXIF block (APP1, little-endian TIFF) saying how the camera was held, as a phone writes it:
 * orientation 6 means "turn 90° clockwise to view", so a 2400 × 1800 sensor image is a 1800 × 2400 portrait. The
 * block also carries a GPS IFD pointer, which a stored photo must not keep.
 */
export function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  const entries = [
    [0x0112, 3, 1, orientation], // Orientation, SHORT
    [0x8825, 4, 1, 0], // GPS IFD pointer, LONG (to an empty IFD)
  ] as const
  const ifdSize = 2 + entries.length * 12 + 4
  const tiff = Buffer.alloc(8 + ifdSize + 6)
  tiff.write('II', 0, 'latin1')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(entries.length, 8)
  const gpsAt = 8 + ifdSize
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12
    tiff.writeUInt16LE(tag, at)
    tiff.writeUInt16LE(type, at + 2)
    tiff.writeUInt32LE(count, at + 4)
    if (type === 3) tiff.writeUInt16LE(value, at + 8)
    else tiff.writeUInt32LE(tag === 0x8825 ? gpsAt : value, at + 8)
  })
  tiff.writeUInt32LE(0, 10 + entries.length * 12)
  // The GPS IFD: no entries, no next IFD.
  tiff.writeUInt16LE(0, gpsAt)
  tiff.writeUInt32LE(0, gpsAt + 2)
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const header = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff])
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)])
}

/** The stored evidence files, decoded in the page: each photo's and thumbnail's size, and whether EXIF is left in it. */
export function storedPhotos(page: Page): Promise<{ id: string; file: [number, number]; thumbnail: [number, number]; exif: boolean }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pace')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const rows = await new Promise<{ id: string; file: Blob; thumbnail: Blob | null }[]>((resolve, reject) => {
      const request = db.transaction('files').objectStore('files').getAll()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    db.close()
    const size = async (blob: Blob): Promise<[number, number]> => {
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
      return [bitmap.width, bitmap.height]
    }
    const photos = rows.filter((row) => row.thumbnail !== null)
    return Promise.all(
      photos.map(async (row) => ({
        id: row.id,
        file: await size(row.file),
        thumbnail: await size(row.thumbnail!),
        exif: new TextDecoder('latin1').decode(new Uint8Array(await row.file.arrayBuffer())).includes('Exif\0\0'),
      })),
    )
  })
}

/**
 * Every stored evidence file as SHA-256 of its bytes and of its thumbnail's: equal on two devices when they hold the
 * same files. `file` is null where the device holds only the thumbnail (a shared dataset's file not yet opened).
 */
export function storedFileHashes(page: Page): Promise<{ id: string; file: string | null; thumbnail: string | null }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pace')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const rows = await new Promise<{ id: string; file: Blob | null; thumbnail: Blob | null }[]>((resolve, reject) => {
      const request = db.transaction('files').objectStore('files').getAll()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    db.close()
    const hash = async (blob: Blob) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('')
    return Promise.all(rows.map(async (row) => ({ id: row.id, file: row.file && (await hash(row.file)), thumbnail: row.thumbnail && (await hash(row.thumbnail)) })))
  })
}
