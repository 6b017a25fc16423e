/** A thrown value as one short line (its message, else its name), for a failure message that keeps its cause. */
export function errorDetail(thrown: unknown): string {
  if (thrown instanceof Error) return (thrown.message || thrown.name).slice(0, 200)
  return typeof thrown === 'string' ? thrown.slice(0, 200) : ''
}
