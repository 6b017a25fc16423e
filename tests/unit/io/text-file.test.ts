import { describe, expect, it } from 'vitest'
import { readTextFile } from '@/io/text-file'

describe('readTextFile', () => {
  it('reads UTF-8 text', async () => {
    expect(await readTextFile(new File(['组织学习15次'], 'plan.txt'))).toEqual({ ok: true, text: '组织学习15次' })
  })

  it('reads GB18030 text, as Chinese Windows saves it', async () => {
    // 组织学习 in GB18030: not valid UTF-8.
    expect(await readTextFile(new File([new Uint8Array([0xd7, 0xe9, 0xd6, 0xaf, 0xd1, 0xa7, 0xcf, 0xb0])], 'plan.txt'))).toEqual({ ok: true, text: '组织学习' })
  })

  // Word documents are read in the browser (mammoth's browser build): see tests/e2e/import.spec.ts.
  it('refuses other files', async () => {
    expect(await readTextFile(new File(['x'], 'plan.pdf'))).toEqual({ ok: false, problem: { code: 'unsupported' } })
  })
})
