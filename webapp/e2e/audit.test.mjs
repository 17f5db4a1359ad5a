import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, launchBrowser, randomSuffix, screenshot, signIn, withBrowser } from './support.mjs';

const LOCKED_MESSAGE = /locked for 15 minutes/;

/** Creates a user through the API with the admin session of this browser context (cookie + CSRF header). */
async function createUser(context, username, password) {
  await context.request.get(`${APP_URL}/api/auth/me`);
  const xsrf = (await context.cookies(APP_URL)).find((c) => c.name === 'XSRF-TOKEN');
  assert.ok(xsrf, 'the server should have set the XSRF-TOKEN cookie');
  const response = await context.request.post(`${APP_URL}/api/admin/users`, {
    headers: { 'X-XSRF-TOKEN': xsrf.value },
    data: { username, password, roles: ['EDITOR'], email: `${username}@example.com`, displayName: 'E2E Locked' },
  });
  assert.equal(response.status(), 201, await response.text());
}

/** Tries the login page once; returns the HTTP status of the sign-in call and waits for the message shown. */
async function trySignIn(page, username, password) {
  await page.getByLabel(/^Username/).fill(username);
  await page.getByLabel(/^Password/).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  await page.getByText(LOCKED_MESSAGE).first().waitFor();
  return response.status();
}

/** Opens the audit log and filters it by who did it. */
async function openAuditLogFor(page, actor) {
  await page.getByRole('menuitem', { name: 'Audit log' }).click();
  await page.waitForURL(/\/audit/);
  await page.getByLabel('Who (username)').fill(actor);
}

test('the audit log records sign-ins, failed sign-ins and the lock-out that follows', { timeout: 180_000 }, (t) =>
  withBrowser(t, async ({ page, context }) => {
    // Admin signs in and finds that sign-in in the audit log.
    await signIn(page);
    await openAuditLogFor(page, 'admin');
    await page.getByRole('row').filter({ hasText: 'SignedIn' }).filter({ hasText: 'admin' }).first().waitFor();

    const username = `locked-${randomSuffix()}`;
    const password = `Correct-horse-${randomSuffix()}-battery`;
    await createUser(context, username, password);

    // Someone else, in another browser, guesses wrong five times, then gets the password right: refused all the same.
    const stranger = await launchBrowser();
    try {
      await stranger.page.goto(`${APP_URL}/login`);
      for (let attempt = 1; attempt <= 5; attempt++) {
        assert.equal(await trySignIn(stranger.page, username, `wrong-password-${attempt}`), 401, `attempt ${attempt}`);
      }
      assert.equal(await trySignIn(stranger.page, username, password), 401, 'a locked account must be refused');
      assert.ok(new URL(stranger.page.url()).pathname.startsWith('/login'), 'the locked user must stay on the login page');
    } catch (e) {
      console.error(`screenshot: ${await screenshot(stranger.page, `${t.name}-stranger-${Date.now()}`)}`);
      throw e;
    } finally {
      await stranger.close();
    }

    // The admin sees the failures and the lock in the audit log.
    await page.reload();
    await page.getByRole('button', { name: 'Profile' }).waitFor();
    await openAuditLogFor(page, username);
    const rows = page.getByRole('row').filter({ hasText: username });
    await rows.filter({ hasText: 'AccountLocked' }).first().waitFor();
    assert.ok((await rows.filter({ hasText: 'SignInFailed' }).count()) >= 5, 'five failed sign-ins should be recorded');
  }),
);
