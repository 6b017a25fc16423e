import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

const eslint = new ESLint({ cwd: process.cwd() })

/** Lints source text as if it were the file at `filePath`, returning the ids of the rules it breaks. */
async function brokenRules(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

describe('layer boundaries enforced by ESLint', () => {
  it.each([
    ['dexie in domain', "import Dexie from 'dexie'\nexport const d = Dexie\n", 'src/domain/fixture.ts', 'no-restricted-imports'],
    ['vue in domain', "import { ref } from 'vue'\nexport const r = ref(1)\n", 'src/domain/fixture.ts', 'no-restricted-imports'],
    ['pinia in domain', "import { defineStore } from 'pinia'\nexport const s = defineStore\n", 'src/domain/fixture.ts', 'no-restricted-imports'],
    ['echarts in domain', "import { use } from 'echarts/core'\nexport const u = use\n", 'src/domain/fixture.ts', 'no-restricted-imports'],
    ['a store in domain', "import { useSettingsStore } from '@/stores/settings'\nexport const s = useSettingsStore\n", 'src/domain/fixture.ts', 'no-restricted-imports'],
    ['a relative store import in domain', "import { useSettingsStore } from '../../stores/settings'\nexport const s = useSettingsStore\n", 'src/domain/progress/fixture.ts', 'no-restricted-imports'],
    ['the DOM in domain', 'export const title = document.title\n', 'src/domain/fixture.ts', 'no-restricted-globals'],
    ['the clock in domain', 'export const now = Date.now()\n', 'src/domain/fixture.ts', 'no-restricted-syntax'],
    ['today in domain', 'export const today = new Date()\n', 'src/domain/fixture.ts', 'no-restricted-syntax'],
    ['dexie in a store', "import Dexie from 'dexie'\nexport const d = Dexie\n", 'src/stores/fixture.ts', 'no-restricted-imports'],
    ['dexie in a chart builder', "import Dexie from 'dexie'\nexport const d = Dexie\n", 'src/charts/fixture.ts', 'no-restricted-imports'],
    ['a store in a chart builder', "import { useSettingsStore } from '@/stores/settings'\nexport const s = useSettingsStore\n", 'src/charts/fixture.ts', 'no-restricted-imports'],
    ['localStorage in a view', 'export const v = localStorage.getItem("x")\n', 'src/views/fixture.ts', 'no-restricted-globals'],
    ['window.localStorage in a view', 'export const v = window.localStorage.getItem("x")\n', 'src/views/fixture.ts', 'no-restricted-properties'],
    ['globalThis.localStorage in a composable', 'export const v = globalThis.localStorage\n', 'src/composables/fixture.ts', 'no-restricted-properties'],
    ['sessionStorage in a store', 'export const v = sessionStorage.getItem("x")\n', 'src/stores/fixture.ts', 'no-restricted-globals'],
    ['console.log anywhere in src', 'console.log("x")\n', 'src/stores/fixture.ts', 'no-console'],
  ])('rejects %s', async (_name, code, filePath, rule) => {
    expect(await brokenRules(code, filePath)).toContain(rule)
  })

  it.each([
    ['dexie in db', "import Dexie from 'dexie'\nexport const d = Dexie\n", 'src/db/fixture.ts'],
    ['a dated value in domain', "export const start = new Date('2025-01-01')\n", 'src/domain/fixture.ts'],
    ['a sibling module in domain', "import { toDayNumber } from '../calendar'\nexport const t = toDayNumber\n", 'src/domain/progress/fixture.ts'],
    ['Intl in domain', "export const seg = new Intl.Segmenter('zh', { granularity: 'word' })\n", 'src/domain/fixture.ts'],
    ['vue in a composable', "import { ref } from 'vue'\nexport const r = ref(1)\n", 'src/composables/fixture.ts'],
  ])('allows %s', async (_name, code, filePath) => {
    expect(await brokenRules(code, filePath)).toEqual([])
  })
})
