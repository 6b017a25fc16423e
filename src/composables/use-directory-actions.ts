import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { useStorageErrorMessage } from './use-storage-error-message'

/** What the department and person lists share: run a storage action with feedback, ask for a new name. */
export function useDirectoryActions() {
  const { t } = useI18n()
  const storageError = useStorageErrorMessage()

  /** Runs `action`; shows `done` on success or the storage error in the user's language. True when it worked. */
  async function attempt(action: () => Promise<unknown>, done?: string): Promise<boolean> {
    try {
      await action()
      if (done) ElMessage.success(done)
      return true
    } catch (error) {
      ElMessage.error(storageError(error))
      return false
    }
  }

  /** The new name typed, or null when cancelled. */
  async function promptName(current: string): Promise<string | null> {
    const answer = await ElMessageBox.prompt(t('directory.renamePrompt'), t('directory.rename'), { inputValue: current }).catch(() => null)
    return answer ? answer.value : null
  }

  return { attempt, promptName }
}
