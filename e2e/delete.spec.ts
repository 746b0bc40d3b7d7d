import Database from 'better-sqlite3'
import { createFacilitatorWithCli } from './support/app-process'
import {
  expect,
  expectAccessible,
  facilitatorAccount,
  logIn,
  phone,
  test,
  startAppForThisFile,
} from './support/fixtures'
import { openCanvasAfterJoin } from './support/session'

const app = startAppForThisFile()

test('deleting a werksessie removes its canvas, participants and the copies on devices', async ({ browser }) => {
  await createFacilitatorWithCli(app, facilitatorAccount)
  const facilitator = await browser.newContext()
  const f = await facilitator.newPage()
  await logIn(f, app)
  await f.getByLabel('Titel').fill('Proefsessie om te wissen')
  await f.getByRole('button', { name: 'Werksessie aanmaken' }).click()
  await expect(f.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')
  const code = (await f.getByTestId('join-code').textContent())!.trim()
  const sessionUrl = f.url()

  const parent = await browser.newContext(phone)
  const p = await parent.newPage()
  await p.goto(`${app.url}/meedoen/${code}`)
  await p.getByRole('radio', { name: /Consultatiebureau/ }).check()
  await p.getByRole('button', { name: 'Meedoen' }).click()
  await openCanvasAfterJoin(p, app)
  await expect(p.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')

  // A professional who joined on a laptop, and is offline when the session is deleted.
  const pro = await browser.newContext()
  const q = await pro.newPage()
  await q.goto(`${app.url}/meedoen/${code}`)
  await q.getByRole('radio', { name: /Professional/ }).check()
  await q.getByRole('button', { name: 'Meedoen' }).click()
  await expect(q.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected')

  // Something on the canvas, stored on the server and in the parent's browser.
  await f.mouse.click(300, 300)
  await f.keyboard.press('r')
  await f.mouse.move(300, 300)
  await f.mouse.down()
  await f.mouse.move(420, 380, { steps: 5 })
  await f.mouse.up()
  await expect(p.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1)
  const localCopies = () =>
    p.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('wijkatelier-canvas:')),
    )
  await expect.poll(localCopies).toHaveLength(1)
  await expect(q.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1)
  await pro.setOffline(true)

  const sqlite = new Database(app.databasePath, { readonly: true })
  // The session's main canvas is in the rooms table (migration 0004 dropped workshop_sessions.room_id).
  const { room_id: roomId, id: sessionId } = sqlite
    .prepare(
      `select r.id room_id, s.id from workshop_sessions s join rooms r on r.workshop_session_id = s.id and r.kind = 'main'
       where s.title = ?`,
    )
    .get('Proefsessie om te wissen') as { room_id: string; id: string }
  const counts = () => ({
    updates: (sqlite.prepare('select count(*) n from room_updates where room_id = ?').get(roomId) as { n: number }).n,
    snapshots: (sqlite.prepare('select count(*) n from room_snapshots where room_id = ?').get(roomId) as { n: number })
      .n,
    participants: (
      sqlite.prepare('select count(*) n from participants where workshop_session_id = ?').get(sessionId) as {
        n: number
      }
    ).n,
  })
  expect(counts().updates + counts().snapshots).toBeGreaterThan(0)
  expect(counts().participants).toBe(2)

  // The facilitator deletes it, after a confirmation that says what will go.
  await f.goto(`${app.url}/sessies`)
  await f.getByRole('link', { name: 'Verwijderen: Proefsessie om te wissen' }).click()
  await expect(f.getByRole('heading', { name: 'Werksessie verwijderen' })).toBeVisible()
  await expect(f.getByText('met de tekentafel en alle 2 deelnemers')).toBeVisible()
  await expectAccessible(f)
  await f.getByRole('button', { name: 'Ja, definitief verwijderen' }).click()
  await expect(f.getByRole('status').filter({ hasText: 'is verwijderd' })).toBeVisible()
  await expect(f.getByRole('link', { name: 'Proefsessie om te wissen' })).toHaveCount(0)

  // The parent is told, disconnected, and the copy on the phone is gone.
  await expect(p.getByText('De begeleider heeft deze werksessie verwijderd.')).toBeVisible()
  await expect.poll(localCopies).toHaveLength(0)
  expect(counts()).toEqual({ updates: 0, snapshots: 0, participants: 0 })
  await p.screenshot({ path: test.info().outputPath('verwijderd-telefoon.png') })

  // The professional comes back online later: the server refuses the room, the canvas asks why,
  // learns it is gone, says so and drops its copy too.
  await pro.setOffline(false)
  await expect(q.getByText('De begeleider heeft deze werksessie verwijderd.')).toBeVisible({ timeout: 30_000 })
  await expect
    .poll(() =>
      q.evaluate(
        async () => (await indexedDB.databases()).filter((d) => d.name?.startsWith('wijkatelier-canvas:')).length,
      ),
    )
    .toBe(0)
  expect(counts()).toEqual({ updates: 0, snapshots: 0, participants: 0 })

  await f.goto(sessionUrl)
  await expect(f.getByRole('heading', { name: 'Deze pagina bestaat niet' })).toBeVisible()
  sqlite.close()
  await facilitator.close()
  await parent.close()
  await pro.close()
})
