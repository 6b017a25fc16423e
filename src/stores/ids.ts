import { newId } from '@/db'

/**
 * Ids made in the UI for parts of a row that are not rows themselves (a milestone's stages): global like row
 * ids, so copies and merges never collide. (Not crypto.randomUUID: plain-HTTP intranet pages lack it.)
 */
export function newStageId(): string {
  return newId()
}
