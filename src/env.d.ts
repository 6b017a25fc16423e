/** Replaced at build time with package.json's version (vite.config.ts `define`). */
declare const __APP_VERSION__: string

/** Element Plus's per-component styles, loaded with the component (a side effect, no exports). */
declare module 'element-plus/es/components/*/style/css'
