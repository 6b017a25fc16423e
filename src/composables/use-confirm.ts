import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'

/** Asks before a destructive action; resolves true when the user confirms. `action` labels the button (删除). */
export function useConfirm() {
  const { t } = useI18n()
  return (message: string, action = t('common.delete')): Promise<boolean> =>
    ElMessageBox.confirm(message, t('common.confirmTitle'), { type: 'warning', confirmButtonText: action, cancelButtonText: t('common.cancel') })
      .then(() => true)
      .catch(() => false)
}
