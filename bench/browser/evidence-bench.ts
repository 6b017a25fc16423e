// Runs inside Chromium (bench/evidence.bench.mjs drives it): phone-sized photos through the app's own path (typed by
// their bytes, drawn again at 1600 px with a thumbnail, hashed, stored with an entry in one batch), then the
// evidence zip written as 导出佐证材料 writes it, from the real IndexedDB.
import Dexie from 'dexie'
import { commitmentEvidence, createDatabase, createStorage, readFile, storedFileIds } from '@/db'
import { evidenceLayout } from '@/export/evidence-input'
import { prepareEvidence } from '@/io/evidence-file'
import { writeZip } from '@/io/zip-write'
import type { Commitment, Entry, Section } from '@/domain'

const SECTION: Section = { id: 's1', planId: 'plan', parentId: null, title: '理论学习', order: 0 }
const STUDY: Commitment = { id: 'study', planId: 'plan', sectionId: 's1', title: '组织集中学习', target: { kind: 'count', value: 15, direction: 'at_least', unit: '次' }, leadDepartmentId: null, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null, order: 0 }

/** A phone camera's 4032 × 3024 JPEG of noise over a gradient: as hard to compress as a real scene, or harder. */
async function phonePhoto(seed: number): Promise<File> {
  const [width, height] = [4032, 3024]
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')!
  const gradient = context.createLinearGradient(0, 0, width, height)
  gradient.addColorStop(0, `hsl(${seed * 47} 60% 40%)`)
  gradient.addColorStop(1, `hsl(${seed * 47 + 120} 60% 70%)`)
  context.fillStyle = gradient
  context.fillRect(0, 0, width, height)
  const noise = context.getImageData(0, 0, width, height)
  let state = seed * 2654435761
  for (let i = 0; i < noise.data.length; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0
    const delta = (state >>> 24) - 128
    noise.data[i] = noise.data[i]! + (delta >> 2)
    noise.data[i + 1] = noise.data[i + 1]! + (delta >> 3)
  }
  context.putImageData(noise, 0, 0)
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })
  return new File([blob], `IMG_${1000 + seed}.jpg`, { type: 'image/jpeg', lastModified: Date.UTC(2025, 5, 12) })
}

let run = 0

/** Stores `count` photos, one entry each, and writes their evidence zip; returns the times and sizes. */
async function measure(count: number) {
  const name = `pace-evidence-bench-${++run}`
  const storage = createStorage(createDatabase(name))
  const writer = { actor: '基准' }
  await storage.write(
    {
      writes: [
        { table: 'plans', row: { id: 'plan', name: '2025年工作谋划', organisation: '基准', window: { start: '2025-01-01', end: '2025-12-31' } } },
        { table: 'sections', row: SECTION },
        { table: 'commitments', row: STUDY },
      ],
    },
    writer,
  )
  const photos = await Promise.all([1, 2, 3, 4, 5].map(phonePhoto))
  const before = (await navigator.storage.estimate()).usage ?? 0
  const perPhoto: number[] = []
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const t = performance.now()
    const prepared = await prepareEvidence(photos[i % photos.length]!)
    if (!prepared.ok) throw new Error(prepared.issue.code)
    const entryId = `e${i}`
    const date = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
    const entry: Entry & { departmentId: null; personId: null; loggedOn: string } = { id: entryId, commitmentIds: ['study'], date, note: '', participants: '', place: '', evidenceUrl: '', type: 'quantity', quantity: 1, departmentId: null, personId: null, loggedOn: date }
    await storage.write(
      {
        writes: [
          { table: 'entries', row: entry },
          { table: 'attachments', row: { id: `a${i}`, entryId, ...prepared.value.fields } },
        ],
        files: [{ id: `a${i}`, file: prepared.value.file, thumbnail: prepared.value.thumbnail }],
      },
      writer,
    )
    perPhoto.push(performance.now() - t)
  }
  const storeMs = performance.now() - started
  const after = (await navigator.storage.estimate()).usage ?? 0
  const stored = (await Promise.all((await storedFileIds(storage.db)).map((id) => readFile(storage.db, id)))).reduce((sum, r) => sum + (r ? (r.file?.size ?? 0) + (r.thumbnail?.size ?? 0) : 0), 0)

  const t = performance.now()
  const evidence = await commitmentEvidence(storage.db, ['study'])
  const layout = evidenceLayout([SECTION], [STUDY], evidence)
  async function* files() {
    for (const f of layout.files) {
      const record = await readFile(storage.db, f.attachmentId)
      yield { path: f.path, data: new Uint8Array(await record!.file!.arrayBuffer()) }
    }
  }
  const zip = await writeZip(files())
  const zipMs = performance.now() - t

  storage.db.close()
  await Dexie.delete(name)
  perPhoto.sort((a, b) => a - b)
  return { storeMs, perPhotoMedian: perPhoto[perPhoto.length >> 1]!, usage: after - before, stored, zipMs, zipBytes: zip.size, zipFiles: layout.files.length }
}

Object.assign(window, { paceBench: { measure } })
document.title = 'ready'
