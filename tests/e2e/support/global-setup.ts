import { startAppServer } from './server'

/** One shared server for all workers; its origin reaches the tests through PACE_BASE_URL. */
export default async function globalSetup() {
  const server = await startAppServer()
  process.env.PACE_BASE_URL = server.url
  return () => server.close()
}
