// Renders a Word report (or any .docx/.pdf) to page images, to look at what a reader will print:
//   npm run pages -- [file] [out-folder]
// The file defaults to test-results/review-report.docx, which the review e2e test saves; its print of the review
// page is test-results/review-print.pdf. A .docx is converted with LibreOffice (headless), then every page is
// drawn as a PNG with poppler's pdftoppm. Needs Debian's libreoffice-writer and poppler-utils.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'

const file = resolve(process.argv[2] ?? 'test-results/review-report.docx')
const out = resolve(process.argv[3] ?? 'test-results/pages')

function need(tool) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
  } catch {
    console.error(`${tool} is missing: apt-get install -y --no-install-recommends libreoffice-writer poppler-utils`)
    process.exit(2)
  }
}

if (!existsSync(file)) {
  console.error(`${file} does not exist. Run the review e2e test first (npx playwright test tests/e2e/review.spec.ts), or name a file.`)
  process.exit(2)
}
mkdirSync(out, { recursive: true })
let pdf = file
if (extname(file).toLowerCase() !== '.pdf') {
  need('soffice')
  // A profile of its own, so a running LibreOffice or a missing home folder does not get in the way.
  const profile = `file://${join(out, '.lo-profile')}`
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore' })
  pdf = join(out, `${basename(file, extname(file))}.pdf`)
}
need('pdftoppm')
const prefix = join(out, basename(pdf, '.pdf'))
execFileSync('pdftoppm', ['-r', '60', '-png', pdf, prefix])
const pages = readdirSync(out).filter((name) => name.startsWith(basename(prefix)) && name.endsWith('.png')).sort()
console.log(`${pdf}: ${pages.length} page(s)`)
for (const page of pages) console.log(`  ${join(out, page)}`)
