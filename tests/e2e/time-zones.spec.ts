import { test, expect } from './support/fixtures'
import { LogPage } from './page-models/log-page'
import { readTable } from './support/idb'

/**
 * Dates in Pace are days in China, whatever the machine's time zone. Two instants half an hour either side of
 * midnight in Beijing: in each zone below, at least one of them falls on another local date than in China, and a
 * "+1" must still land on the China date, also on a log screen left open across midnight.
 */
const instants = [
  { at: '2025-06-15T15:30:00Z', china: '2025-06-15' }, // 23:30 in Beijing; already the 16th in Kiritimati
  { at: '2025-06-15T16:30:00Z', china: '2025-06-16' }, // 00:30 in Beijing, the log screen still open; still the 15th in UTC and Los Angeles
]
const zones = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']

interface StoredEntry {
  id: string
  date: string
  loggedOn: string
}

for (const timezoneId of zones) {
  test.describe(timezoneId, () => {
    test.use({ timezoneId })

    test('an entry logged near midnight in Beijing lands on the China date', async ({ shell, page }) => {
      test.slow()
      const log = new LogPage(page)
      // The clock runs on from the first instant, then the page is left open for an hour (its timers fire): a frozen
      // clock, or one set back, would hold up the dialogs' transitions. The half hour either side of midnight leaves
      // room for the minutes the test itself takes.
      await page.clock.install({ time: new Date(instants[0]!.at) })
      await shell.start('/')
      await shell.loadExample()
      for (const { at, china } of instants) {
        if (at !== instants[0]!.at) await page.clock.fastForward(Date.parse(at) - Date.parse(instants[0]!.at))
        await shell.goto('/log')
        const [year, month, day] = china.split('-').map(Number)
        await expect(page.getByTestId('log-as-of'), at).toContainText(`${year}年${month}月${day}日`)
        const before = new Set((await readTable<StoredEntry>(page, 'entries')).map((entry) => entry.id))
        await log.quickAdd('修订完善制度')
        const added = (await readTable<StoredEntry>(page, 'entries')).filter((entry) => !before.has(entry.id))
        expect(added.map((entry) => [entry.date, entry.loggedOn]), at).toEqual([[china, china]])
      }
    })
  })
}
