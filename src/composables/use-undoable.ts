import { h } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, type MessageHandler } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { useStorageErrorMessage } from './use-storage-error-message'

/** The undo message on screen: a new one replaces it, so only the latest action offers 撤销. */
let shown: MessageHandler | null = null

/** A second step the confirmation offers beside 撤销, such as adding evidence to the entry just logged. */
export interface FollowUp {
  label: string
  testid: string
  run: () => void
}

/**
 * Runs a write that returns its batch id and confirms it with a message that offers 撤销 (undo) for a few
 * seconds, and a follow-up when given; failures are shown in the user's language. Resolves to the batch id, or
 * null when it failed.
 */
export function useUndoable(undo: (batch: string) => Promise<unknown>) {
  const { t } = useI18n()
  const storageError = useStorageErrorMessage()

  return async function run(action: () => Promise<string>, done: string, followUp?: FollowUp): Promise<string | null> {
    let batch: string
    try {
      batch = await action()
    } catch (error) {
      ElMessage.error(storageError(error))
      return null
    }
    shown?.close()
    const message = ElMessage.success({
      duration: 8000,
      showClose: true,
      message: h('span', { class: 'undo-message' }, [
        h('span', done),
        h(
          'button',
          {
            type: 'button',
            class: 'undo-message__button',
            'data-testid': 'undo',
            onClick: async () => {
              message.close()
              try {
                await undo(batch)
                ElMessage.info(t('undo.done'))
              } catch (error) {
                ElMessage.error(storageError(error))
              }
            },
          },
          t('undo.action'),
        ),
        followUp &&
          h(
            'button',
            {
              type: 'button',
              class: 'undo-message__button',
              'data-testid': followUp.testid,
              onClick: () => {
                message.close()
                followUp.run()
              },
            },
            followUp.label,
          ),
      ]),
    })
    shown = message
    return batch
  }
}
