/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { VitePWA } from 'vite-plugin-pwa'
import pkg from './package.json' with { type: 'json' }

/**
 * Everything Pace loads or talks to comes from its own origin: no CDN, web font, analytics or API.
 * 'unsafe-inline' for styles only, because Element Plus and ECharts set style attributes at run time;
 * scripts stay strict. data:/blob: images are ECharts' exported chart pictures and generated downloads.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

/**
 * The built page carries its Content-Security-Policy as a <meta> tag, so it holds however the files are served
 * (vite preview, an intranet nginx, a file share). Dev mode is left without it: Vite's HMR client needs a websocket.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'pace:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  }
}

/**
 * src/domain is pure by contract (ESLint forbids DOM, clock, storage and framework there), so its modules have
 * no side effects. Telling the bundler lets it drop what a screen does not use: without this, the progress
 * engine and the example plan ride along in the first download (+18 KiB gzip).
 */
function pureDomain(): Plugin {
  return {
    name: 'pace:pure-domain',
    transform(code, id) {
      if (/[\\/]src[\\/]domain[\\/]/.test(id)) return { code, map: null, moduleSideEffects: false }
      return null
    },
  }
}

export default defineConfig({
  plugins: [
    pureDomain(),
    vue(),
    Components({
      // Generated declarations live outside src/: they carry the generator's web address in a comment.
      dts: 'types/components.d.ts',
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
    contentSecurityPolicy(),
    // Tests never register a service worker; leave the plugin out so they do not pay for its virtual modules.
    process.env.VITEST
      ? null
      : VitePWA({
          registerType: 'autoUpdate',
          injectRegister: false,
          includeAssets: ['favicon.svg'],
          manifest: {
            name: '计划成效看板 Pace',
            short_name: 'Pace',
            description: '年度工作计划目标任务与完成情况跟踪看板',
            lang: 'zh-CN',
            start_url: '.',
            scope: '.',
            display: 'standalone',
            theme_color: '#1f4e96',
            background_color: '#f5f7fa',
            icons: [
              { src: 'icons/pace-192.png', sizes: '192x192', type: 'image/png' },
              { src: 'icons/pace-512.png', sizes: '512x512', type: 'image/png' },
            ],
          },
          workbox: {
            globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
            navigateFallback: 'index.html',
            cleanupOutdatedCaches: true,
            // Take control of the first page load too, so it already works offline without a second visit.
            clientsClaim: true,
            skipWaiting: true,
          },
        }),
  ],
  // Relative asset URLs: the built folder works from any intranet path, not only a server root.
  base: './',
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    // vue-i18n feature flags: Composition API only, no global components, and no general message compiler (Pace's
    // messages use only named interpolation, compiled by src/i18n/message-compiler.ts).
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'happy-dom',
          // Element Plus components import their CSS; let Vite (not Node) load them.
          server: { deps: { inline: ['element-plus'] } },
          setupFiles: ['tests/component/setup.ts'],
          // A guard against a hang, not a speed check: a file's first test also pays for transforming Element
          // Plus (about 10 s on an idle 2-core machine, several times that on a busy one).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.test.ts'],
          environment: 'node',
          // Each file starts its own hub (a Node process): a guard against a hang, not a speed check.
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
