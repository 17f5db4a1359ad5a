import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, randomSuffix, signIn, withBrowser } from './support.mjs';

async function signUp(email, fullName, sourcePage) {
  const response = await fetch(`${APP_URL}/api/public/waitlist`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email, fullName, country: 'PT', preferredLanguage: 'en', timeZone: 'Europe/Lisbon', specialty: 'oncology',
      sourcePage, consent: { dataProcessing: true, crossBorderTransfer: true, marketing: false },
    }),
  });
  assert.equal(response.status, 202, `sign-up of ${email}: ${await response.text()}`);
}

test('a person who signed up twice is one entry with two sign-ups after the dedupe job', { timeout: 120_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    const suffix = randomSuffix();
    await signUp(`Ana.Silva.${suffix}+guide@gmail.com`, `Ana Silva ${suffix}`, 'cancer-second-opinion-china');
    await signUp(` anasilva${suffix}@googlemail.com`, `Ana Silva ${suffix}`, 'how-we-verify');

    await signIn(page);
    await page.getByRole('menuitem', { name: 'Waitlist' }).click();
    await page.getByRole('button', { name: 'Run de-duplication now' }).first().click();
    await page.getByText(/De-duplication completed/).waitFor();

    await page.getByPlaceholder('Search email or name').fill(suffix);
    const row = page.getByRole('row').filter({ hasText: `Ana Silva ${suffix}` });
    await row.waitFor();
    assert.equal(await row.count(), 1, 'the two sign-ups must be one person');
    assert.match(await row.innerText(), /\b2\b/);

    // the search is debounced: wait until the list shows only the search result before opening it
    await page.getByText('1-1 of 1').waitFor();
    await row.getByText(`Ana Silva ${suffix}`).click();
    await page.waitForURL(/\/waitlist\/\d+\/show/);
    const signups = page.getByRole('table', { name: 'Sign-ups' });
    await signups.waitFor();
    const signupRows = signups.locator('tbody tr');
    assert.equal(await signupRows.count(), 2);
    const text = await signups.innerText();
    assert.match(text, new RegExp(`Ana\\.Silva\\.${suffix}\\+guide@gmail\\.com`));
    assert.match(text, /CANONICAL/);
    assert.match(text, /DUPLICATE/);
    assert.match(await page.getByRole('table', { name: 'Merges' }).innerText(), /Undo/);
  }),
);
