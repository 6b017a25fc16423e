// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

/**
 * Layering (../shared/GUIDE.md): domain <- db <- stores <- views/components; charts depend on domain only.
 * `no-restricted-imports` is replaced, not merged, when a later block matches the same file, so each block
 * lists every restriction that applies to its folder.
 */
const dexieOnlyInDb = {
  group: ['dexie', 'dexie/*'],
  message: 'Only src/db/ imports dexie; use a repository from src/db instead.',
}
const frameworkFreeDomain = {
  group: ['vue', 'vue/*', 'vue-*', 'pinia', 'dexie', 'dexie/*', 'echarts', 'echarts/*', 'element-plus', 'element-plus/*', '@/*', '**/db/*', '**/stores/*', '**/components/*', '**/views/*', '**/composables/*', '**/charts/*', '**/io/*', '**/i18n', '**/i18n/*'],
  message: 'src/domain is pure TypeScript: no framework, storage, chart or UI imports; pass what you need as arguments.',
}
const browserGlobals = Object.keys(globals.browser).filter((name) => !(name in globals.es2021))

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.screenshots/', 'types/components.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': ['error', { html: { void: 'always', normal: 'never', component: 'always' } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // TypeScript checks undefined names (and knows declared build-time constants); ESLint's copy cannot.
    files: ['**/*.{ts,vue}'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dexieOnlyInDb] }] },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/stores/settings.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Data lives in IndexedDB through src/db; only the settings store keeps the UI language here.' },
        { name: 'sessionStorage', message: 'Data lives in IndexedDB through src/db.' },
      ],
      // window.localStorage and globalThis.localStorage are the same store by another path.
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].flatMap((object) => [
          { object, property: 'localStorage', message: 'Data lives in IndexedDB through src/db; only the settings store keeps the UI language here.' },
          { object, property: 'sessionStorage', message: 'Data lives in IndexedDB through src/db.' },
        ]),
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [frameworkFreeDomain] }],
      'no-restricted-globals': [
        'error',
        ...browserGlobals.map((name) => ({ name, message: 'src/domain has no DOM or browser APIs.' })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/domain never reads the clock: take the "as of" date as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain never reads the clock: take the "as of" date as an argument.',
        },
      ],
    },
  },
  {
    files: ['src/charts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            dexieOnlyInDb,
            { group: ['@/db/*', '@/stores/*', '@/components/*', '@/views/*'], message: 'Chart builders depend on src/domain only.' },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they need nothing from it.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['tests/**/*.{ts,mjs}', 'bench/**/*.mjs', 'scripts/**/*.mjs', '*.config.{ts,js}', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
)
