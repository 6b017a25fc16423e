import { computed } from 'vue'
import { entryRefusal, taskRefusal, type Account, type Task } from '@/domain'
import { useSharingStore } from '@/stores/sharing'

/**
 * What the signed-in account of a shared dataset may do on the screens (src/domain/roles.ts); everything when the
 * dataset is not shared. Screens hide what it may not do and say why (RoleNotice); the write path refuses it anyway.
 */
export function useRole() {
  const sharing = useSharingStore()
  const account = computed<Account | null>(() => (sharing.account?.role ? { name: sharing.account.name, role: sharing.account.role } : null))
  return {
    account,
    may: (task: Task) => taskRefusal(account.value, task) === null,
    mayChange: (entry: { owner?: string }) => entryRefusal(account.value, entry) === null,
  }
}
