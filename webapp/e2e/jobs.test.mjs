import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, menuLabels, signIn, waitForCount, withBrowser } from './support.mjs';

const FINISHED = ['COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED'];
/** Long enough for a dry run of the nightly job on a small database. */
const RUN_TIMEOUT = 90_000;

/** The job catalogue as the signed-in browser sees it. */
async function catalogue(page) {
  const response = await page.request.get(`${APP_URL}/api/jobs`);
  assert.equal(response.status(), 200, `GET /api/jobs answered ${response.status()}`);
  return response.json();
}

test('the Jobs page renders for an admin, even when no job is registered', { timeout: 120_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    await signIn(page);
    assert.ok((await menuLabels(page)).includes('Jobs'));
    await page.getByRole('menuitem', { name: 'Jobs' }).click();
    await page.waitForURL(/\/jobs$/);

    const jobs = await catalogue(page);
    if (jobs.length === 0) {
      await page.getByText('No batch jobs are registered').waitFor();
    } else {
      await page.getByRole('row').filter({ hasText: jobs[0].name }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Run now' }).count(), jobs.length);
    }
    await page.getByRole('link', { name: 'All executions' }).click();
    await page.waitForURL(/\/executions/);
    await page.getByText(/No executions yet|Job executions/).first().waitFor();
  }),
);

test('ops launch the nightly invitation job as a dry run, watch its progress bar reach the end and read its steps', { timeout: 180_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    await signIn(page);
    const job = (await catalogue(page)).find((j) => j.name === 'nightlyInvitationJob');
    assert.ok(job, 'the nightly invitation job is in the catalogue');

    await page.goto(`${APP_URL}/jobs`);
    const row = page.getByRole('row').filter({ hasText: job.name });
    await row.getByRole('button', { name: 'Run now' }).click();
    const dialog = page.getByRole('dialog');
    assert.equal(await dialog.getByRole('switch', { name: 'Dry run' }).isChecked(), true, 'dry run must be on by default');
    await dialog.getByRole('button', { name: 'Launch dry run' }).click();

    await page.waitForURL(/\/executions\/\d+\/show$/);
    const executionId = Number(page.url().match(/\/executions\/(\d+)\/show$/)[1]);
    const header = page.getByRole('heading', { name: `${job.name} · execution #${executionId}` });
    await header.waitFor();

    // The page polls by itself: no reload until the status chip says the run has ended and the
    // determinate progress bar stands at 100 %.
    const status = page.locator('h1 + .MuiChip-root');
    await page.waitForFunction(
      (finished) => finished.includes(document.querySelector('h1 + .MuiChip-root')?.textContent ?? ''),
      FINISHED,
      { timeout: RUN_TIMEOUT, polling: 250 },
    );
    assert.equal(await status.innerText(), 'COMPLETED', 'a dry run should complete');
    await page.waitForFunction(
      () => document.querySelector('[role="progressbar"][aria-label="Progress"]')?.getAttribute('aria-valuenow') === '100',
      null,
      { timeout: 10_000, polling: 250 },
    );
    const execution = await (await page.request.get(`${APP_URL}/api/jobs/executions/${executionId}`)).json();
    assert.equal(execution.parameters.dryRun, 'true');
    assert.notEqual(execution.progress.total, null, 'the nightly run says how much work it has');
    await page.getByText(`${execution.progress.total} / ${execution.progress.total} items`).waitFor();
    assert.deepEqual(
      execution.steps.map((s) => s.name),
      ['previewSignupFilingStep', 'releaseSeatsStep', 'allocateSeatsStep', 'markInterruptedSendsStep', 'queueInvitationsStep'],
      'a dry run files and sends nothing',
    );

    // The same execution, opened from the executions list, shows each step with its counts.
    await page.goto(`${APP_URL}/executions`);
    await page.getByRole('row').filter({ hasText: job.name }).filter({ hasText: String(executionId) }).first().click();
    await page.waitForURL(new RegExp(`/executions/${executionId}/show$`));
    const steps = page.getByRole('table', { name: 'Steps' });
    await steps.waitFor();
    const stepRows = steps.locator('tbody tr');
    assert.equal(await waitForCount(stepRows, execution.steps.length), execution.steps.length);
    for (const [index, step] of execution.steps.entries()) {
      assert.match(await stepRows.nth(index).innerText(), new RegExp(step.name));
    }
    await page.getByText(/would be filed/).first().waitFor();
  }),
);
