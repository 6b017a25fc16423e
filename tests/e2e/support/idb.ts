import type { Page } from '@playwright/test'

/**
 * Every row of one table of the app's IndexedDB, read raw in the page (not through the app), so a test can check
 * what is really stored.
 */
export function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pace')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll()
        request.onsuccess = () => resolve(request.result as T[])
        request.onerror = () => reject(request.error)
      })
    } finally {
      db.close()
    }
  }, table)
}

/** Deletes one row of one table of the app's IndexedDB, raw (not through the app), as a test's way of forgetting. */
export function deleteRow(page: Page, table: string, key: string): Promise<void> {
  return page.evaluate(
    async ([name, id]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pace')
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(name, 'readwrite')
          tx.objectStore(name).delete(id)
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        })
      } finally {
        db.close()
      }
    },
    [table, key] as const,
  )
}

/**
 * Tries a small write to a database of its own ('pace-probe', deleted after) and returns 'ok' or the name of the
 * error that refused it. Chromium reuses an origin's remaining space for up to about 30 s before asking the quota
 * again, so a test that lowers the quota polls this until it is refused.
 */
export function probeWrite(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pace-probe')
      open.onupgradeneeded = () => open.result.createObjectStore('probe')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const outcome = await new Promise<string>((resolve) => {
      const tx = db.transaction('probe', 'readwrite')
      tx.objectStore('probe').put(crypto.randomUUID(), crypto.randomUUID())
      tx.oncomplete = () => resolve('ok')
      tx.onabort = () => resolve(tx.error?.name ?? 'AbortError')
    })
    db.close()
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase('pace-probe')
      request.onsuccess = request.onerror = request.onblocked = resolve
    })
    return outcome
  })
}
