import { describe, expect, it } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import { evidenceType, zipEntryNames } from '@/io/evidence-type'

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...strToU8(p)] : p)))
const zip = (names: string[]) => zipSync(Object.fromEntries(names.map((n) => [n, strToU8('<x/>')])))
/** What the app reads of a file: its first 64 bytes and last 64 KiB. */
const type = (file: Uint8Array, name: string) => evidenceType(file.subarray(0, 64), file.subarray(Math.max(0, file.length - 65536)), name)

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif')
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0, 0, 0, 0])

describe('an evidence file is typed by its bytes, not its name', () => {
  it.each<[string, Uint8Array, string, string, boolean]>([
    ['a camera JPEG', JPEG, 'IMG_0001.JPG', 'image/jpeg', true],
    ['a JPEG named .png', JPEG, '签到表.png', 'image/jpeg', true],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'shot.png', 'image/png', true],
    ['a GIF', bytes('GIF89a'), 'a.gif', 'image/gif', true],
    ['a WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'a.webp', 'image/webp', true],
    ['an iPhone HEIC photo (kept, not decoded)', bytes([0, 0, 0, 24], 'ftypheic'), 'IMG_0002.HEIC', 'image/heic', false],
    ['a PDF', bytes('%PDF-1.7\n'), '通知.pdf', 'application/pdf', false],
    ['a Word document', zip(['[Content_Types].xml', 'word/document.xml']), '会议纪要.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
    ['a Word document with no extension', zip(['[Content_Types].xml', 'word/document.xml']), '会议纪要', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
    ['an Excel workbook', zip(['[Content_Types].xml', 'xl/workbook.xml']), '台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
    ['an old Word file', OLE, '总结.DOC', 'application/msword', false],
    ['a WPS text file', OLE, '总结.wps', 'application/msword', false],
    ['an old Excel file', OLE, '统计.xls', 'application/vnd.ms-excel', false],
  ])('%s', (_, file, name, mime, decodable) => {
    expect(type(file, name)).toMatchObject({ ok: true, type: { mime, decodable } })
  })

  it.each<[string, Uint8Array, string, string]>([
    ['a .jpg that is really HTML', bytes('<!doctype html><script>alert(1)</script>'), 'photo.jpg', 'markup'],
    ['HTML after a byte-order mark and blank lines', bytes([0xef, 0xbb, 0xbf], '\r\n  \t<html>'), 'a.pdf', 'markup'],
    ['UTF-16 HTML', bytes([0xff, 0xfe], [0x3c, 0, 0x68, 0]), 'a.doc', 'markup'],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'), 'logo.svg', 'markup'],
    ['XML', bytes('<?xml version="1.0"?><a/>'), 'a.xlsx', 'markup'],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /'), 'a.png', 'markup'],
    ['plain text', bytes('开展专题调研15次'), 'a.txt', 'unsupported'],
    ['a zip that is not an Office file', zip(['readme.txt', 'index.html']), 'a.docx', 'unsupported'],
    ['an old Office container of another kind', OLE, 'a.msg', 'unsupported'],
    ['an empty file', new Uint8Array(0), 'a.jpg', 'empty'],
  ])('refuses %s', (_, file, name, refusal) => {
    expect(type(file, name)).toEqual({ ok: false, refusal })
  })

  it('reads the part names from the end of a zip, with Chinese names intact', () => {
    expect(zipEntryNames(zip(['word/document.xml', '附件/说明.xml']))).toEqual(['word/document.xml', '附件/说明.xml'])
    expect(zipEntryNames(bytes('not a zip at all'))).toEqual([])
  })
})
