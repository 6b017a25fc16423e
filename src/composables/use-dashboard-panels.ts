import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import { dashboardPanels, type PanelInputs } from '@/export/dashboard-panels'
import { useLocale } from './use-locale'

export type { DashboardPanel, PanelInputs, PanelKey } from '@/export/dashboard-panels'

/** The dashboard's panels, redrawn when the inputs or the language change. */
export function useDashboardPanels(inputs: MaybeRefOrGetter<PanelInputs>) {
  const { t } = useI18n()
  const appLocale = useLocale()
  return computed(() => dashboardPanels(toValue(inputs), t, appLocale.value))
}
