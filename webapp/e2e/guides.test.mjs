import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { APP_URL, randomSuffix, signIn, withBrowser } from './support.mjs';

const SAMPLE = new URL('../../src/main/resources/content/sample-guide-cancer-second-opinion-china.json', import.meta.url);

/** Calls the admin API with the browser's session cookie and CSRF token, as the UI does. */
async function api(context, method, path, body) {
  const xsrf = (await context.cookies(APP_URL)).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const response = await context.request.fetch(`${APP_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? '') },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok(), `${method} ${path} -> ${response.status()} ${text}`);
  return JSON.parse(text);
}

async function publishNew(context, guide) {
  const created = await api(context, 'POST', '/api/guides', guide);
  const submitted = await api(context, 'POST', `/api/guides/${created.id}/submit`, { version: created.version });
  return api(context, 'POST', `/api/guides/${created.id}/publish`, { version: submitted.version });
}

const REVIEW = { reviewer: 'Dr. E2E Reviewer', reviewedOn: '2026-11-01', nextReviewDue: '2027-05-01' };

test('an editor changes a section of the sample guide, publishes, and the public API shows it', { timeout: 180_000 }, (t) =>
  withBrowser(t, async ({ context, page }) => {
    await signIn(page);

    // The sample page's full structure under fresh slugs; its related resources point at a guide of this run.
    const suffix = randomSuffix();
    const sample = JSON.parse(await readFile(SAMPLE, 'utf8'));
    const related = await publishNew(context, {
      slug: `e2e-related-${suffix}`, locale: 'en', title: 'Related guide', summary: 'Short answer.',
      sections: [], disclaimer: sample.disclaimer, medicalReview: REVIEW,
    });
    for (const section of sample.sections.filter((s) => s.type === 'LINKS')) {
      section.links = section.links.map((link) => ({ ...link, href: `/guides/${related.slug}` }));
    }
    const slug = `e2e-sample-${suffix}`;
    const guide = await publishNew(context, { ...sample, slug, medicalReview: REVIEW });
    const before = await (await fetch(`${APP_URL}/api/public/guides/${slug}?locale=en`)).json();
    assert.equal(before.sections.length, sample.sections.length);
    assert.match(before.sections[2].body, /^National reputation may matter/);

    // Edit the TEXT section in the admin UI and save: the public page does not change yet.
    const changed = `Rankings are a starting point only (${suffix}).`;
    await page.goto(`${APP_URL}/guides/${guide.id}`);
    const text = page.getByLabel('Section text');
    await text.waitFor();
    await text.fill(changed);
    await page.getByRole('region', { name: 'Preview' }).getByText(changed).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unpublished changes').waitFor();
    const draft = await (await fetch(`${APP_URL}/api/public/guides/${slug}`)).json();
    assert.match(draft.sections[2].body, /^National reputation may matter/, 'an unpublished edit must not reach the public');

    // Publish (with confirmation) and read the public API.
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    await publish.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Publish this guide?').waitFor();
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Unpublished changes').waitFor({ state: 'detached' });

    const after = await (await fetch(`${APP_URL}/api/public/guides/${slug}?locale=en`)).json();
    assert.equal(after.sections[2].heading, 'Why Rankings Are Not Enough');
    assert.equal(after.sections[2].body, changed);
    assert.equal(after.sections[2].html, `<h2>Why Rankings Are Not Enough</h2><p>${changed}</p>`);
    assert.deepEqual(after.sections.map((s) => s.heading), sample.sections.map((s) => s.heading));
  }),
);

test('the guide list finds a guide by its slug', { timeout: 120_000 }, (t) =>
  withBrowser(t, async ({ context, page }) => {
    await signIn(page);
    const slug = `e2e-list-${randomSuffix()}`;
    await api(context, 'POST', '/api/guides', { slug, locale: 'en', title: `Listed ${slug}`, sections: [] });
    await page.getByRole('menuitem', { name: 'Guides' }).click();
    await page.getByPlaceholder('Search title or slug').fill(slug);
    const row = page.getByRole('row').filter({ hasText: slug });
    await row.waitFor();
    assert.match(await row.innerText(), /Draft/);
  }),
);
