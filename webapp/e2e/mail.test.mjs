import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, randomSuffix, signIn, withBrowser } from './support.mjs';

test('the outbox says whether mail leaves; ops suppress an address and take it off again with a note', { timeout: 120_000 }, (t) =>
  withBrowser(t, async ({ page, context }) => {
    await signIn(page);

    // The banner matches what the server says about sending.
    const status = await (await context.request.get(`${APP_URL}/api/mail/status`)).json();
    await page.getByRole('menuitem', { name: 'Mail outbox' }).click();
    const banner = status.mode === 'SENDGRID' ? /Mail really leaves/ : /mail is kept in this outbox and NOT sent/;
    await page.getByText(banner).waitFor();

    // Add an address by hand.
    const email = `e2e-${randomSuffix()}@example.com`;
    await page.getByRole('menuitem', { name: 'Suppressions' }).click();
    await page.getByRole('link', { name: 'Suppress an address' }).first().click();
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Why must it not be emailed/).fill('asked by phone (e2e)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/suppressions(\?.*)?$/);
    await page.getByPlaceholder('Search email').fill(email);
    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByText('Added by ops').waitFor();

    // Taking it off needs a note.
    await row.getByRole('button', { name: `Remove ${email}` }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Remove from list' });
    assert.equal(await confirm.isDisabled(), true, 'removal must wait for a note');
    await dialog.getByLabel(/Why may this address be emailed again/).fill('subscribed again (e2e)');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('No suppressed address matches these filters.').waitFor();
  }),
);
