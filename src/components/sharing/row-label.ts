/** What a person recognises a row by in a list (a conflict, a refused change): its title or name, else its note. */
export function rowLabel(row: unknown): string {
  if (!row || typeof row !== 'object') return ''
  const r = row as Record<string, unknown>
  for (const key of ['title', 'name', 'note', 'date']) if (typeof r[key] === 'string' && r[key]) return r[key] as string
  return typeof r.id === 'string' ? r.id : ''
}
