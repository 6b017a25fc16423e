import 'fake-indexeddb/auto'
import { afterEach } from 'vitest'
import { config, enableAutoUnmount } from '@vue/test-utils'
import Dexie from 'dexie'
import { DATABASE_NAME } from '@/db'

// Render transitions for real: Element Plus shows a field's error message inside a transition group.
config.global.stubs = { transition: false, 'transition-group': false }

// Components of one test (and the dialogs they teleport to the body) never leak into the next.
enableAutoUnmount(afterEach)

// Each test starts from an empty database, as a new user would.
afterEach(async () => {
  document.body.innerHTML = ''
  await Dexie.delete(DATABASE_NAME)
})
