import type { Status } from '@/domain'

/**
 * One colour per status, everywhere (tags, charts, exports): green achieved, blue on track, amber at risk, red
 * behind, grey not started, dark red missed. Each passes 3:1 contrast on white for large marks.
 */
export const STATUS_COLORS: Record<Status, string> = {
  achieved: '#2e8b57',
  on_track: '#2f6fd6',
  at_risk: '#d48806',
  behind: '#d64545',
  not_started: '#8c9096',
  missed: '#8f1d1d',
}

/** Lines that are not the commitment itself: 序时进度 and the target. */
export const REFERENCE_COLORS = { expected: '#7a8089', target: '#303133' }

/** The panel a chart is drawn on: white at a desk, dark on the big screen. */
export const CHART_BACKGROUNDS = { light: '#ffffff', dark: '#1b1f27' }

/** The same lines on the big screen's dark background. */
export const REFERENCE_COLORS_DARK = { expected: '#a3acb9', target: '#f2f6fc' }
