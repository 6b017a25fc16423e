import { describe, expect, it } from 'vitest'
import BackupImportPreview from '@/components/backup/BackupImportPreview.vue'
import { DATA_TABLES, type ImportPlan } from '@/db'
import type { PendingImport } from '@/stores/backup'
import { mountWithApp } from '../mount-app'

const none = Object.fromEntries(DATA_TABLES.map((name) => [name, { adds: 0, updates: 0, unchanged: 0, conflicts: 0 }])) as unknown as ImportPlan
const pending = (orphans: PendingImport['orphans'], files: PendingImport['files'] = []): PendingImport => ({
  fileName: 'pace-backup-2025-04-01.json',
  header: { format: 'pace-backup', formatVersion: 1, appVersion: '0.1.0', schemaVersion: 7, exportedAt: '2025-04-01T08:00:00.000Z', exportedBy: '王芳', counts: Object.fromEntries(DATA_TABLES.map((n) => [n, 0])) as PendingImport['header']['counts'], checksum: '' },
  data: Object.fromEntries(DATA_TABLES.map((n) => [n, []])) as unknown as PendingImport['data'],
  merge: none,
  orphans,
  files,
})

describe('the backup preview', () => {
  it('says how many entries count toward nothing, with their dates, before anything is imported', async () => {
    const { wrapper } = await mountWithApp(BackupImportPreview, { props: { pending: pending([{ id: 'e1', date: '2025-03-12' }, { id: 'e2', date: '2025-03-20' }]) } })
    expect(wrapper.get('[data-testid="import-orphans"]').text()).toBe('其中 2 条登记（2025-03-12、2025-03-20 等）所属的目标任务已删除，不计入任何任务；导入时按原样保留，不会丢失。')
    await wrapper.setProps({ pending: pending([]) })
    expect(wrapper.find('[data-testid="import-orphans"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says how many evidence files an archive carries, and nothing for a JSON backup', async () => {
    const photo = { id: 'a1', file: new Blob(['jpeg'], { type: 'image/jpeg' }), thumbnail: null }
    const { wrapper } = await mountWithApp(BackupImportPreview, { props: { pending: pending([], [photo]) } })
    expect(wrapper.get('[data-testid="import-files"]').text()).toBe('含 1 个佐证文件，已逐一核对校验值。')
    await wrapper.setProps({ pending: pending([]) })
    expect(wrapper.find('[data-testid="import-files"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
