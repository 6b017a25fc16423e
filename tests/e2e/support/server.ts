import { preview, type PreviewServer } from 'vite'

export interface AppServer {
  /** Origin the app is served on, e.g. http://127.0.0.1:41234 */
  url: string
  close(): Promise<void>
}

/**
 * Serves the built app (dist/) with `vite preview` on 127.0.0.1 and a free port, with the same headers as
 * `npm start`. Tests that need the server gone (offline reload) start their own.
 */
export async function startAppServer(): Promise<AppServer> {
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no TCP address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  }
}
