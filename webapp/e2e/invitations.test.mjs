import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, apiSession, randomSuffix, signIn, withBrowser } from './support.mjs';

async function runJob(api, jobName, parameters) {
  const started = await api(`/api/jobs/${jobName}/executions`, 'POST', { parameters });
  assert.equal(started.status, 202, await started.clone().text());
  const { executionId } = await started.json();
  for (let i = 0; i < 90; i++) {
    const execution = await (await api(`/api/jobs/executions/${executionId}`)).json();
    if (!['STARTING', 'STARTED', 'STOPPING'].includes(execution.status)) {
      assert.equal(execution.status, 'COMPLETED', JSON.stringify(execution));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  assert.fail(`${jobName} did not finish`);
}

test('a person accepts from the link in the captured email and ops see the seat confirmed', { timeout: 240_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    const suffix = randomSuffix();
    const api = await apiSession();
    const specialty = `e2e-inv-${suffix}`;
    const email = `invitee.${suffix}@example.org`;
    assert.equal((await api('/api/specialties', 'POST', { code: specialty, name: `E2E ${suffix}`, active: true })).status, 201);
    const signup = await fetch(`${APP_URL}/api/public/waitlist`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email, fullName: `Invitee ${suffix}`, country: 'PT', preferredLanguage: 'en', timeZone: 'Europe/Lisbon',
        specialty, sourcePage: 'cancer-second-opinion-china',
        consent: { dataProcessing: true, crossBorderTransfer: true, marketing: false },
      }),
    });
    assert.equal(signup.status, 202);
    await runJob(api, 'waitlistDedupeJob', {});
    const [entry] = await (await api(`/api/waitlist?q=${encodeURIComponent(email)}`)).json();
    assert.ok(entry, 'the sign-up became a waitlist entry');

    const startsAt = new Date(Date.now() + 14 * 24 * 3600 * 1000);
    const window = await api('/api/windows', 'POST', {
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600 * 1000).toISOString(),
      timeZone: 'Asia/Shanghai', specialty, languages: ['en'], capacity: 2, status: 'OPEN',
    });
    assert.equal(window.status, 201, await window.clone().text());
    const { id: windowId } = await window.json();
    const allocated = await api(`/api/windows/${windowId}/allocations`, 'POST', { entryId: entry.id, reason: 'e2e invitation' });
    assert.ok(allocated.ok, await allocated.clone().text());

    await runJob(api, 'invitationEmailJob', { dryRun: 'false' });
    const [mail] = await (await api(`/api/mail/outbox?q=${encodeURIComponent(email)}`)).json();
    assert.ok(mail, 'the invitation is in the outbox');
    const accept = mail.textBody.match(/Accept the seat: \S*(\/invitations\/[A-Za-z0-9_-]{43})/);
    assert.ok(accept, mail.textBody);

    await page.goto(`${APP_URL}${accept[1]}`);
    await page.getByRole('heading', { name: 'Accept your seat' }).waitFor();
    await page.getByRole('button', { name: 'Accept the seat' }).click();
    await page.getByRole('heading', { name: 'Your seat is confirmed' }).waitFor();

    await signIn(page);
    await page.getByRole('menuitem', { name: 'Invitations' }).click();
    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByText('ACCEPTED').waitFor();
    await row.click();
    await page.getByText('CONFIRMED', { exact: true }).waitFor();
  }),
);
