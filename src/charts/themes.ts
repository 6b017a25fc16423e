/**
 * The one theme's names, light for desks and print, dark for the meeting room's big screen (大屏): registered with
 * ECharts in echarts.ts, named here so that a screen can choose one before the chart code has loaded.
 */
export const THEMES = { light: 'pace', dark: 'pace-dark' } as const
