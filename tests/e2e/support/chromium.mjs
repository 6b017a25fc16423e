// Finds Debian's Chromium for Playwright (a browser download does not work on our machines) and, when run as a
// script before the e2e step, installs it with apt-get if it is missing and we may.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
const PACKAGES = ['chromium', 'fonts-noto-cjk']

/** The Chromium executable to drive: $PACE_CHROMIUM, or the first of the usual Debian paths that exists. */
export function findChromium() {
  const fromEnv = process.env.PACE_CHROMIUM
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  return CANDIDATES.find((path) => existsSync(path))
}

function hasChineseFont() {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== ''
  } catch {
    return false
  }
}

function canApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
}

function ensure() {
  const missing = []
  if (!findChromium()) missing.push('chromium')
  if (!hasChineseFont()) missing.push('fonts-noto-cjk')
  if (missing.length === 0) return
  if (!canApt()) {
    if (missing.includes('chromium')) {
      console.error(`e2e needs Chromium: run \`sudo apt-get install ${PACKAGES.join(' ')}\` (or set PACE_CHROMIUM to a Chromium executable).`)
      process.exit(1)
    }
    console.warn('No Chinese font found: screenshots will show boxes. Install fonts-noto-cjk.')
    return
  }
  console.log(`Installing ${missing.join(' ')} with apt-get for the e2e tests…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) ensure()
