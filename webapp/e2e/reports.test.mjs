import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { APP_URL, apiSession, menuLabels, randomSuffix, signIn, withBrowser } from './support.mjs';

/** Long enough for the export job to write a small funnel workbook. */
const REPORT_TIMEOUT = 90_000;

/** One public sign-up, so the dashboard has figures to chart. */
async function signUp(api, suffix) {
  const specialty = `e2e-rep-${suffix}`;
  assert.equal((await api('/api/specialties', 'POST', { code: specialty, name: `E2E ${suffix}`, active: true })).status, 201);
  const response = await fetch(`${APP_URL}/api/public/waitlist`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: `reports.${suffix}@example.org`, fullName: `Reports ${suffix}`, country: 'PT', preferredLanguage: 'en',
      timeZone: 'Europe/Lisbon', specialty, sourcePage: 'cancer-second-opinion-china',
      consent: { dataProcessing: true, crossBorderTransfer: true, marketing: false },
    }),
  });
  assert.equal(response.status, 202, await response.text());
}

async function createLeader(api, suffix) {
  const username = `leader-${suffix}`;
  const password = `Leadership-${suffix}-dashboard`;
  const response = await api('/api/admin/users', 'POST', {
    username, password, roles: ['LEADERSHIP'], email: `${username}@example.com`, displayName: `E2E Leader ${suffix}`,
  });
  assert.equal(response.status, 201, await response.text());
  return { username, password };
}

test('leadership reads the dashboard charts, requests a funnel report and downloads the workbook', { timeout: 240_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    const suffix = randomSuffix();
    const api = await apiSession();
    await signUp(api, suffix);
    const leader = await createLeader(api, suffix);

    // The home page is the dashboard, with its charts drawn.
    await signIn(page, leader.username, leader.password);
    assert.deepEqual(await menuLabels(page), ['Dashboard', 'Guides', 'Hospitals', 'Reports']);
    for (const name of ['Sign-ups per week', 'Waitlist funnel (all time)']) {
      const panel = page.getByRole('region', { name });
      await panel.locator('.recharts-wrapper > svg.recharts-surface').waitFor();
      assert.ok((await panel.locator('.recharts-wrapper > svg.recharts-surface').boundingBox()).width > 100, `${name} is drawn`);
    }
    await page.getByRole('region', { name: 'Window utilization per week' }).waitFor();
    await page.getByRole('region', { name: 'Invitation delivery health' }).waitFor();
    assert.equal(await page.getByText('The dashboard could not be loaded').count(), 0);

    // Request the funnel for the proposed week; leadership is not offered the personal-data export.
    await page.getByRole('menuitem', { name: 'Reports' }).click();
    await page.waitForURL(/\/reports/);
    await page.getByRole('link', { name: 'New report' }).first().click();
    await page.waitForURL(/\/reports\/create$/);
    assert.equal(await page.getByRole('radio', { name: /Waitlist funnel/ }).isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: /Waitlist detail/ }).count(), 0);
    await page.getByRole('button', { name: 'Request report' }).click();

    // Back in the archive, the row updates by itself until the workbook can be downloaded.
    await page.waitForURL(/\/reports(\?.*)?$/);
    const row = page.getByRole('row').filter({ hasText: leader.username }).first();
    await row.waitFor();
    const download = row.getByRole('button', { name: 'Download' });
    await download.waitFor({ timeout: REPORT_TIMEOUT });
    assert.match(await row.innerText(), /COMPLETED/);
    assert.match(await row.innerText(), /Waitlist funnel/);

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    assert.match(file.suggestedFilename(), /^waitlist-funnel-.*\.xlsx$/);
    const bytes = await readFile(await file.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip archive');
    await page.getByText(`Downloaded ${file.suggestedFilename()}`).waitFor();
  }),
);
