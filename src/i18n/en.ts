import type { MessageSchema } from './zh-CN'

const en: MessageSchema = {
  app: {
    name: 'Pace',
    tagline: 'Annual plan commitments against outcomes',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    settings: 'Settings',
  },
  locale: {
    label: 'Language',
    'zh-CN': '简体中文',
    en: 'English',
  },
  home: {
    title: 'Welcome to Pace',
    intro:
      'Record the quantitative commitments of your annual work plan (such as “hold at least 15 study sessions”), log what has been done as it happens, see which commitments are achieved, on track, at risk or behind against time-proportional progress, and take a ledger and report to each quarterly review.',
    rolesTitle: 'Who it is for',
    roles: {
      staff: { title: 'Staff', body: 'Log completed activities and measurements quickly, on a desktop or a phone.' },
      leaders: { title: 'Leadership', body: 'See every commitment against expected progress by section, department and person.' },
      review: { title: 'Quarterly review', body: 'Freeze a period’s figures, record analysis and decisions, and export a ledger, a Word report or a print.' },
    },
    privacy: 'All data stays in this browser. Pace sends no request to any outside address and works offline on an intranet.',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languageHint: 'Also switches dates, form controls and charts.',
    offline: 'Offline use',
    offlineReady: 'Cached: opens even when the server is unavailable',
    offlinePending: 'Preparing the offline cache…',
    offlineUnsupported: 'This browser or address does not allow an offline cache (HTTPS or a local address is needed)',
    version: 'Version',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to home',
  },
}

export default en
