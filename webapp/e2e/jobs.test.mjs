import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, menuLabels, signIn, withBrowser } from './support.mjs';

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

test('ops launch a job as a dry run, watch it finish and read its steps', { timeout: 180_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    await signIn(page);
    const jobs = await catalogue(page);
    if (jobs.length === 0) {
      t.skip('no batch job is registered in this build, so there is nothing to launch');
      return;
    }
    // The nightly invitation run is the one ops care about most; any job proves the console otherwise.
    const job = jobs.find((j) => j.name === 'nightlyInvitationJob') ?? jobs[0];

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

    // The page polls by itself: no reload until the status chip says the run has ended.
    const status = page.locator('h1 + .MuiChip-root');
    await page.waitForFunction(
      (finished) => finished.includes(document.querySelector('h1 + .MuiChip-root')?.textContent ?? ''),
      FINISHED,
      { timeout: RUN_TIMEOUT, polling: 250 },
    );
    assert.equal(await status.innerText(), 'COMPLETED', 'a dry run should complete');
    const execution = await (await page.request.get(`${APP_URL}/api/jobs/executions/${executionId}`)).json();
    assert.equal(execution.parameters.dryRun, 'true');
    if (execution.progress.total != null) {
      assert.equal(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow'), '100');
      await page.getByText(`${execution.progress.total} / ${execution.progress.total} items`).waitFor();
    }

    // The same execution, opened from the executions list, shows each step with its counts.
    await page.goto(`${APP_URL}/executions`);
    await page.getByRole('row').filter({ hasText: job.name }).filter({ hasText: String(executionId) }).first().click();
    await page.waitForURL(new RegExp(`/executions/${executionId}/show$`));
    const steps = page.getByRole('table', { name: 'Steps' });
    await steps.waitFor();
    const stepRows = steps.locator('tbody tr');
    assert.equal(await stepRows.count(), execution.steps.length);
    assert.ok(execution.steps.length > 0, 'a finished execution has at least one step');
    assert.match(await stepRows.first().innerText(), new RegExp(execution.steps[0].name));
  }),
);
