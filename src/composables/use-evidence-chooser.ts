import { shallowRef, type Ref } from 'vue'
import { describeIssue } from '@/domain'
import { prepareEvidence, type PreparedEvidence } from '@/io/evidence-file'
import { useLocale } from './use-locale'

/**
 * Files chosen in a file input, checked and prepared (photos downscaled) at once and added to `added`; each refused
 * file is named with its reason in the user's language. Nothing is stored here: the caller saves `added` with its
 * entry.
 */
export function useEvidenceChooser(added: Ref<PreparedEvidence[]>) {
  const locale = useLocale()
  const preparing = shallowRef(false)
  const refusals = shallowRef<string[]>([])

  async function choose(event: Event) {
    const input = event.target as HTMLInputElement
    const files = [...(input.files ?? [])]
    input.value = ''
    if (files.length === 0) return
    preparing.value = true
    try {
      const results = await Promise.all(files.map(prepareEvidence))
      added.value = [...added.value, ...results.flatMap((r) => (r.ok ? [r.value] : []))]
      refusals.value = results.flatMap((r) => (r.ok ? [] : [`${r.name}：${describeIssue(r.issue, locale.value)}`]))
    } finally {
      preparing.value = false
    }
  }

  return { preparing, refusals, choose }
}
