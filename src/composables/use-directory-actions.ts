import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { useDirectoryStore } from '@/stores/directory'
import { useUndoable } from './use-undoable'

/** What the department and person lists share: run a change with feedback and undo, ask for a new name. */
export function useDirectoryActions() {
  const { t } = useI18n()
  const run = useUndoable(useDirectoryStore().undo)

  /** Runs `action` (a batch); confirms it with `done` and 撤销, or shows the storage error. True when it worked. */
  async function attempt(action: () => Promise<string>, done = t('directory.saved')): Promise<boolean> {
    return (await run(action, done)) !== null
  }

  /** The new name typed, or null when cancelled. */
  async function promptName(current: string): Promise<string | null> {
    const answer = await ElMessageBox.prompt(t('directory.renamePrompt'), t('directory.rename'), { inputValue: current }).catch(() => null)
    return answer ? answer.value : null
  }

  return { attempt, promptName }
}
