import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, apiSession, randomSuffix, signIn, withBrowser } from './support.mjs';

test('ops create a recurring series and read a dry run of the allocation', { timeout: 180_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    const suffix = randomSuffix();
    const api = await apiSession();
    const specialty = `e2e-${suffix}`;
    assert.equal((await api('/api/specialties', 'POST', { code: specialty, name: `E2E ${suffix}`, active: true })).status, 201);
    const signup = await fetch(`${APP_URL}/api/public/waitlist`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: `window.${suffix}@example.org`, fullName: `Window Person ${suffix}`, country: 'SG', preferredLanguage: 'en',
        timeZone: 'Asia/Singapore', specialty, sourcePage: 'cancer-second-opinion-china',
        consent: { dataProcessing: true, crossBorderTransfer: true, marketing: false },
      }),
    });
    assert.equal(signup.status, 202);
    const dedupe = await api('/api/jobs/waitlistDedupeJob/executions', 'POST', { parameters: {} });
    assert.equal(dedupe.status, 202, await dedupe.clone().text());
    const { executionId } = await dedupe.json();
    for (let i = 0; i < 60; i++) {
      const execution = await (await api(`/api/jobs/executions/${executionId}`)).json();
      if (!['STARTING', 'STARTED', 'STOPPING'].includes(execution.status)) {
        assert.equal(execution.status, 'COMPLETED');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }

    await signIn(page);
    await page.getByRole('menuitem', { name: 'Windows' }).click();
    await page.getByRole('link', { name: 'New recurring series' }).click();
    const inTwoWeeks = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByLabel(/First day/).fill(inTwoWeeks);
    await page.getByLabel('Weeks').fill('2');
    await page.getByLabel('Tuesday').check();
    await page.getByLabel('Thursday').check();
    await page.getByLabel(/Start time/).fill('09:00');
    await page.getByLabel(/End time/).fill('12:00');
    await page.getByLabel(/^Specialty/).click();
    await page.getByRole('option', { name: `E2E ${suffix}` }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Series created: 4 windows/).waitFor();

    await page.getByRole('row').filter({ hasText: specialty }).first().waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: specialty }).count(), 4);

    await page.getByRole('tab', { name: 'Dry run' }).click();
    await page.getByRole('button', { name: 'Start dry run' }).click();
    const result = page.getByRole('table', { name: 'Dry run result' });
    await result.waitFor({ timeout: 60_000 });
    await page.getByText(/would allocate \d+/).waitFor();
    const outcomes = await fetchAllOutcomes(api, page);
    const mine = outcomes.find((o) => o.fullName === `Window Person ${suffix}`);
    assert.ok(mine, 'the dry run considered the seeded person');
    assert.equal(mine.windowSpecialty, specialty, 'they would get a window of the new series');
    assert.match(mine.windowStartsAt, /T09:00:00\+08:00$/);

    const seats = await (await api(`/api/windows?specialty=${specialty}`)).json();
    assert.ok(seats.every((w) => w.seatsTaken === 0), 'a dry run gives out no seat');
  }),
);

/** The dry run the page just showed, read through the same API (its table shows the queue's first rows). */
async function fetchAllOutcomes(api, page) {
  const banner = await page.getByText(/Dry run #\d+ finished/).innerText();
  const id = banner.match(/#(\d+)/)[1];
  const outcomes = [];
  for (let p = 0; ; p++) {
    const rows = await (await api(`/api/allocation-runs/${id}/outcomes?outcome=ALLOCATED&size=200&page=${p}`)).json();
    outcomes.push(...rows);
    if (rows.length < 200) return outcomes;
  }
}
