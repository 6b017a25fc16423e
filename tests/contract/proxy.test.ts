import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, watch } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCouch, type Couch } from './hub'

/**
 * The reverse proxy an office deploys (deploy/nginx-pace.conf), run on loopback in front of the dev hub (or the
 * Apache CouchDB that PACE_COUCHDB_URL names): the app and the database on one origin. The shipped server block
 * is used as it is, with only its address, its root and its upstream changed.
 */

const NGINX = '/usr/sbin/nginx'

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

let couch: Couch
let nginx: ChildProcess
let dir: string
let origin: string

beforeAll(async () => {
  couch = await startCouch()
  dir = await mkdtemp(join(tmpdir(), 'pace-proxy-'))
  // nginx's workers drop root's rights (to nobody): they must be able to read the app.
  await chmod(dir, 0o755)
  await mkdir(join(dir, 'dist', 'assets'), { recursive: true })
  await writeFile(join(dir, 'dist', 'index.html'), '<!doctype html><title>计划成效看板</title>')
  await writeFile(join(dir, 'dist', 'assets', 'index-abc123.js'), 'export {}')
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  const shipped = await readFile('deploy/nginx-pace.conf', 'utf8')
  const server = shipped
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /srv/pace/dist;', `root ${join(dir, 'dist')};`)
    .replace('proxy_pass http://127.0.0.1:5984/;', `proxy_pass ${couch.api}/;`)
  expect(server).not.toBe(shipped)
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${join(dir, name)};`).join(' ')
  await writeFile(
    join(dir, 'nginx.conf'),
    `daemon off; pid ${join(dir, 'nginx.pid')}; error_log stderr;\nevents {}\nhttp { include /etc/nginx/mime.types; access_log off; ${temp}\n${server}\n}\n`,
  )
  // nginx writes its pid file once its listening sockets are open: that file appearing is the sign it is up.
  const pidFile = join(dir, 'nginx.pid')
  const watcher = watch(dir)
  let stderr = ''
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'ignore', 'pipe'] })
  nginx.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const up = new Promise<void>((resolve, reject) => {
    watcher.on('change', () => existsSync(pidFile) && resolve())
    nginx.once('exit', () => reject(new Error(`nginx exited: ${stderr}`)))
    if (existsSync(pidFile)) resolve()
  })
  try {
    await up
  } finally {
    watcher.close()
  }
})

afterAll(async () => {
  if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
    const exited = once(nginx, 'exit')
    process.kill(nginx.pid!, 'SIGQUIT')
    await exited
  }
  await couch?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const basic = () => `Basic ${Buffer.from(`${couch.admin.name}:${couch.admin.password}`).toString('base64')}`

describe('the reverse proxy in front of the hub (deploy/nginx-pace.conf)', () => {
  it('serves the app at /: the page always fresh, hashed assets for a year, any other path the page', async () => {
    const page = await fetch(`${origin}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('计划成效看板')
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const asset = await fetch(`${origin}/assets/index-abc123.js`)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await (await fetch(`${origin}/some/screen`)).text()).toContain('计划成效看板')
  })

  it('passes the database API through at /db/, session cookie included', async () => {
    const signIn = await fetch(`${origin}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: couch.admin.name, password: couch.admin.password }),
    })
    expect(signIn.status).toBe(200)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    expect(cookie).toMatch(/^AuthSession=/)
    const session = (await (await fetch(`${origin}/db/_session`, { headers: { cookie } })).json()) as { userCtx: { name: string } }
    expect(session.userCtx.name).toBe(couch.admin.name)
  })

  it('lets a live changes feed through as it happens (what replication waits on)', async () => {
    const db = `${origin}/db/proxy-feed`
    await fetch(db, { method: 'PUT', headers: { authorization: basic() } })
    try {
      const { update_seq: since } = (await (await fetch(db, { headers: { authorization: basic() } })).json()) as { update_seq: string }
      const feed = fetch(`${db}/_changes?feed=longpoll&since=${encodeURIComponent(since)}&timeout=60000`, { headers: { authorization: basic() } }).then((r) => r.json())
      const put = await fetch(`${db}/note`, { method: 'PUT', headers: { authorization: basic(), 'content-type': 'application/json' }, body: '{"a":1}' })
      expect(put.status).toBe(201)
      const changes = (await feed) as { results: { id: string }[] }
      expect(changes.results.map((r) => r.id)).toContain('note')
    } finally {
      await fetch(db, { method: 'DELETE', headers: { authorization: basic() } })
    }
  })

  it('serves an evidence file from /db/ as inert bytes: never sniffed, never a page that runs script', async () => {
    const db = `${origin}/db/proxy-files`
    await fetch(db, { method: 'PUT', headers: { authorization: basic() } })
    try {
      const body = JSON.stringify({ _attachments: { file: { content_type: 'image/jpeg', data: Buffer.from('照片').toString('base64') } } })
      expect((await fetch(`${db}/files%3Aa1`, { method: 'PUT', headers: { authorization: basic(), 'content-type': 'application/json' }, body })).status).toBe(201)
      const file = await fetch(`${db}/files%3Aa1/file`, { headers: { authorization: basic() } })
      expect(file.status).toBe(200)
      expect(await file.text()).toBe('照片')
      expect(file.headers.get('x-content-type-options')).toBe('nosniff')
      expect(file.headers.get('content-security-policy')).toMatch(/^sandbox/)
    } finally {
      await fetch(db, { method: 'DELETE', headers: { authorization: basic() } })
    }
  })
})
