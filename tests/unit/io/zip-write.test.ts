import { describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { writeZip } from '@/io/zip-write'

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer())

/** Every central directory record of a zip: the name as UTF-8, whether general purpose bit 11 (UTF-8) is set, the method. */
function directory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const records: { name: string; utf8: boolean; method: number }[] = []
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue
    const nameLength = view.getUint16(at + 28, true)
    records.push({ name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)), utf8: (view.getUint16(at + 8, true) & 0x800) !== 0, method: view.getUint16(at + 10, true) })
    at += 45 + nameLength
  }
  return records
}

describe('the zip the evidence goes out in', () => {
  it('holds every file byte for byte under its path, Chinese names flagged UTF-8, stored uncompressed', async () => {
    const photo = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 256)
    const files = [
      { path: '2025年工作谋划工作台账（截至2025-09-30）.xlsx', data: new Uint8Array([1, 2, 3]) },
      { path: '一/（二）/3 开展专题调研/2025-06-12 调研会 01.jpg', data: photo },
      { path: 'readme.txt', data: new TextEncoder().encode('ascii') },
    ]
    const zip = await bytes(await writeZip(files))
    const unpacked = unzipSync(zip)
    expect(Object.keys(unpacked)).toEqual(files.map((f) => f.path))
    for (const f of files) expect(unpacked[f.path]).toEqual(f.data)
    expect(directory(zip)).toEqual([
      { name: files[0]!.path, utf8: true, method: 0 },
      { name: files[1]!.path, utf8: true, method: 0 },
      { name: 'readme.txt', utf8: false, method: 0 },
    ])
  })

  it('takes files as they come from an async source, and passes on a failure to read one', async () => {
    async function* files() {
      yield { path: 'a.txt', data: new Uint8Array([1]) }
      yield { path: 'b.txt', data: new Uint8Array([2]) }
    }
    expect(Object.keys(unzipSync(await bytes(await writeZip(files()))))).toEqual(['a.txt', 'b.txt'])
    async function* broken() {
      yield { path: 'a.txt', data: new Uint8Array([1]) }
      throw new Error('文件读取失败')
    }
    await expect(writeZip(broken())).rejects.toThrow('文件读取失败')
  })

  it('an empty list is an empty zip, not an error', async () => {
    expect(unzipSync(await bytes(await writeZip([])))).toEqual({})
  })
})
