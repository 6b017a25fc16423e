// `npm run hub:setup -- --url http://admin:password@127.0.0.1:5984/db --db pace --people people.csv`
// Creates (or brings up to date) the shared database, its security, the role rules and the people's accounts, on
// Apache CouchDB (--url http://admin:password@host:5984) or the dev hub (…/db). people.csv: name,department,role
// [,password] with role keeper (管理员/台账员), staff (工作人员) or leader (领导); a generated password is printed.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { setUpSharing } from './sharing/setup.mjs'

const { values } = parseArgs({ options: { url: { type: 'string' }, db: { type: 'string', default: 'pace' }, people: { type: 'string' } } })
if (!values.url) {
  console.error('usage: npm run hub:setup -- --url http://admin:password@host:port[/db] [--db pace] [--people people.csv]')
  process.exit(2)
}
const url = new URL(values.url)
const admin = { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
url.username = url.password = ''
const people = values.people
  ? readFileSync(values.people, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#') && !/^name,/i.test(line))
      .map((line) => {
        const [name = '', department = '', role = '', password] = line.split(',').map((cell) => cell.trim())
        return { name, department, role, password: password || undefined }
      })
  : []
const accounts = await setUpSharing({ api: url.href.replace(/\/$/, ''), admin }, values.db, people)
console.log(`database ${values.db}: security, role rules and ${accounts.length} account(s) in place`)
for (const account of accounts) if (account.password) console.log(`  ${account.name} (${account.role}): password ${account.password}`)
