/** What could be read of a database that Dexie cannot open. */
export interface RescuedData {
  /** Rows of every object store that could be read, raw (not validated: keep them, look at them, never trust them). */
  tables: Record<string, unknown[]>
  /** Stores that could not be read. */
  unreadable: string[]
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

/**
 * Opens the database with the browser's own API, without a version (so nothing is ever upgraded, created or
 * deleted), and reads every store it can. Used to offer an export when the app cannot open its data.
 */
export async function rescueRead(name: string, factory: IDBFactory = indexedDB): Promise<RescuedData> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = factory.open(name)
    // Only fires when no such database exists: abort rather than create an empty one.
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const result: RescuedData = { tables: {}, unreadable: [] }
  try {
    for (const store of Array.from(db.objectStoreNames)) {
      try {
        result.tables[store] = await request(db.transaction(store, 'readonly').objectStore(store).getAll())
      } catch {
        result.unreadable.push(store)
      }
    }
  } finally {
    db.close()
  }
  return result
}
