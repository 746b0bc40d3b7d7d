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

test.describe.serial('pages: first run, login, sessions, joining — with axe', () => {
  test('an empty database offers the first account, with Dutch messages for bad input', async ({ page }) => {
    await page.goto(app.url)
    await expect(page).toHaveURL(/\/welkom$/)
    await expect(page.getByRole('heading', { name: 'Eerste account aanmaken' })).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Account aanmaken' }).click()
    await expect(page.getByText('Vul je naam in.')).toBeVisible()
    await expect(page.getByText('Kies een wachtwoord.')).toBeVisible()
    await page.getByLabel('E-mailadres').fill('geen-adres')
    await page.getByLabel('Wachtwoord').fill('kort')
    await page.getByRole('button', { name: 'Account aanmaken' }).click()
    await expect(page.getByText('Dit is geen geldig e-mailadres.')).toBeVisible()
    await expect(page.getByText('Een wachtwoord heeft minstens 10 tekens.')).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('welkom-fouten.png'), fullPage: true })
  })

  test('login page, wrong password, and the session list', async ({ page }) => {
    await createFacilitatorWithCli(app, facilitatorAccount)
    await page.goto(`${app.url}/welkom`)
    await expect(page).toHaveURL(/\/inloggen$/) // the first account exists now
    await expectAccessible(page)
    await page.getByLabel('E-mailadres').fill(facilitatorAccount.email)
    await page.getByLabel('Wachtwoord').fill('niet het goede')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await expect(page.getByRole('alert')).toHaveText('Dit e-mailadres en wachtwoord horen niet bij elkaar.')
    await expectAccessible(page)

    await logIn(page, app)
    await expect(page.getByText('Je hebt nog geen werksessies.')).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Wijkcode (mag leeg)').fill('Tilburg')
    await page.getByRole('button', { name: 'Werksessie aanmaken' }).click()
    await expect(page.getByText('Geef de werksessie een titel.')).toBeVisible()
    await expect(page.getByText('Een wijkcode is WK gevolgd door 6 cijfers, zoals WK079601.')).toBeVisible()
    await expectAccessible(page)

    for (const title of ['Ouders in de Hambaken', 'Consultatiebureau Noord']) {
      await page.goto(`${app.url}/sessies`)
      await page.getByLabel('Titel').fill(title)
      await page.getByLabel('Plek (mag leeg)').fill('IKC De Boomgaard')
      await page.getByRole('button', { name: 'Werksessie aanmaken' }).click()
      await expect(page).toHaveURL(/\/sessies\/[0-9a-f-]{36}$/)
    }
    await page.goto(`${app.url}/sessies`)
    await expect(page.getByRole('link', { name: 'Ouders in de Hambaken', exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Consultatiebureau Noord', exact: true })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('sessies.png'), fullPage: true })

    // English is one click away, through the same i18n layer.
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect(page.getByRole('heading', { name: 'My sessions' })).toBeVisible()
    await expect(page).toHaveTitle('My sessions · Wijkatelier')
    await page.getByRole('button', { name: 'Create session' }).click()
    await expect(page.getByText('Give the session a title.')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click()
    await expect(page.getByRole('heading', { name: 'Mijn werksessies' })).toBeVisible()
    await expect(page).toHaveTitle('Mijn werksessies · Wijkatelier')
  })

  test('joining on a phone: code, role, anonymous by default', async ({ browser }) => {
    const facilitator = await browser.newContext()
    const fPage = await facilitator.newPage()
    await logIn(fPage, app)
    await fPage.getByRole('link', { name: 'Ouders in de Hambaken', exact: true }).click()
    const code = (await fPage.getByTestId('join-code').textContent())!.trim()

    const parent = await browser.newContext(phone)
    const page = await parent.newPage()
    await page.goto(app.url)
    await expect(page.getByRole('heading', { name: 'Doe mee met een code' })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: test.info().outputPath('start-telefoon.png'), fullPage: true })

    await page.getByLabel('Code', { exact: true }).fill('ABC234')
    await page.getByRole('button', { name: 'Verder' }).click()
    await expect(page.getByText('Deze code kennen we niet.')).toBeVisible()
    await expectAccessible(page)

    await page.getByLabel('Code', { exact: true }).fill(code.toLowerCase().replace(/(...)/, '$1 '))
    await page.getByRole('button', { name: 'Verder' }).click()
    await expect(page.getByRole('group', { name: 'Wie ben je?' })).toBeVisible()
    await expect(page.getByText('Je doet mee met: Ouders in de Hambaken')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Meedoen' }).click()
    await expect(page.getByText('Kies wie je bent: ouder, consultatiebureau of professional.')).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('wie-ben-je-telefoon.png'), fullPage: true })

    await page.getByRole('radio', { name: /Ouder/ }).check()
    await page.getByRole('button', { name: 'Meedoen' }).click()
    await openCanvasAfterJoin(page, app)
    await expect(page.getByText('Jij bent Ouder 1')).toBeVisible()
    await facilitator.close()
    await parent.close()
  })
})
