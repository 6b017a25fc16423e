import { test, expect } from './support/fixtures'

test('a department entered twice is merged into one, and the change shows at once', async ({ shell, page }) => {
  await shell.start('/directory', '王芳', '办公室')
  const list = page.getByTestId('department-list')
  await list.getByRole('textbox').fill('办公室（综合）')
  await list.getByRole('button', { name: '添加' }).click()
  await expect(list.getByRole('row')).toHaveCount(3) // header + 2

  const duplicate = list.getByRole('row').filter({ hasText: '办公室（综合）' })
  await duplicate.getByRole('button', { name: '合并到…' }).click()
  await page.getByTestId('merge-into').filter({ visible: true }).click()
  await page.getByRole('option', { name: '办公室', exact: true }).click()
  await page.getByRole('button', { name: '合并', exact: true }).filter({ visible: true }).click()
  await expect(page.getByText('已合并到“办公室”')).toBeVisible()
  await expect(list.getByRole('row')).toHaveCount(2)
  await expect(list.getByRole('row').nth(1)).toContainText('办公室')
})

test('people are added with their department, and a duplicate person is merged', async ({ shell, page }) => {
  await shell.start('/directory', '王芳', '办公室')
  const list = page.getByTestId('person-list')
  for (const name of ['李明', '李 明']) {
    await list.getByRole('textbox').first().fill(name)
    await list.getByRole('button', { name: '添加' }).click()
    await expect(list.getByRole('row').filter({ hasText: name })).toBeVisible()
  }
  await list.getByRole('row').filter({ hasText: '李 明' }).getByRole('button', { name: '合并到…' }).click()
  await page.getByTestId('merge-into').filter({ visible: true }).click()
  await page.getByRole('option', { name: '李明', exact: true }).click()
  await page.getByRole('button', { name: '合并', exact: true }).filter({ visible: true }).click()
  await expect(page.getByText('已合并到“李明”')).toBeVisible()
  await expect(list.getByRole('row')).toHaveCount(3) // header, 王芳 (the user, added on first run), 李明
})
