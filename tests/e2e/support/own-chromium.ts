import { chromium, type Browser } from '@playwright/test'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { findChromium } from './chromium.mjs'
import config from '../../../playwright.config'

/** Debian's Chromium started by the test itself, so the test can kill it (SIGKILL, no shutdown) by process id. */
export interface OwnChromium {
  browser: Browser
  pid: number
  /** SIGKILL to the browser's whole process group, resolved once the browser process has exited. */
  kill(): Promise<void>
}

export async function launchOwnChromium(profileDir: string): Promise<OwnChromium> {
  const executable = findChromium()
  if (!executable) throw new Error('no Chromium found (see tests/e2e/support/chromium.mjs)')
  const args = [
    ...(config.use?.launchOptions?.args ?? []),
    '--headless=new',
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-port=0',
    '--lang=zh-CN',
    'about:blank',
  ]
  const child = spawn(executable, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TZ: 'Asia/Shanghai' } })
  const pid = child.pid
  if (pid === undefined) throw new Error('Chromium did not start')
  const exited = once(child, 'exit')
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    process.kill(-pid, 'SIGKILL')
    await exited
  }
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let text = ''
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (chunk: string) => {
        text += chunk
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(text)
        if (match) resolve(match[1]!)
      })
      child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before listening: ${text}`)))
    })
    child.stderr.resume()
    const browser = await chromium.connectOverCDP(endpoint)
    return { browser, pid, kill }
  } catch (error) {
    await kill()
    throw error
  }
}
