import 'fake-indexeddb/auto'
import { afterEach } from 'vitest'
import Dexie from 'dexie'
import { DATABASE_NAME } from '@/db'

// Each test starts from an empty database, as a new user would.
afterEach(async () => {
  await Dexie.delete(DATABASE_NAME)
})
