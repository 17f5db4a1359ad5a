import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, randomSuffix, signIn, signOut, withBrowser } from './support.mjs';

/** A tiny but well-formed PDF, generated here so the test needs no fixture file. */
function smallPdf(title) {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n` +
      `% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

test('admin verifies a new hospital with evidence and the public API shows it', { timeout: 180_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    const suffix = randomSuffix();
    const slug = `e2e-hospital-${suffix}`;
    const name = `E2E Test Hospital ${suffix}`;

    await signIn(page);
    await page.getByRole('menuitem', { name: 'Hospitals' }).click();
    await page.getByRole('link', { name: 'Create hospital' }).first().click();

    await page.getByLabel(/^Name/).fill(name);
    await page.getByLabel(/^Slug/).fill(slug);
    await page.getByLabel(/^City/).fill('Hangzhou');
    await page.getByRole('switch', { name: 'Outside pathology review' }).check();
    await page.getByRole('switch', { name: 'Imaging review (DICOM)' }).check();
    await page.getByRole('button', { name: 'Save' }).click();

    // The new profile opens on its page, unverified; it is not public yet.
    await page.waitForURL(/\/hospitals\/\d+\/show$/);
    await page.getByText('Unverified', { exact: true }).first().waitFor();
    const before = await page.request.get(`${APP_URL}/api/public/hospitals/${slug}`);
    assert.equal(before.status(), 404, 'an unverified profile must not be public');

    // Start verification (with confirmation), then record it.
    await page.getByRole('button', { name: 'Start verification' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('In verification', { exact: true }).first().waitFor();
    const verifiedOn = await page.getByLabel(/^Verified on/).inputValue();
    await page.getByLabel(/^Verifier/).fill('E2E Verifier');
    await page.getByRole('button', { name: 'Save verification' }).click();
    await page.getByText('Verified', { exact: true }).first().waitFor();
    const timeline = page.getByRole('list', { name: 'Verifications' });
    await timeline.getByText(/E2E Verifier · latest/).waitFor();

    // Upload the evidence file and find its download link in the timeline.
    await page.getByLabel('Evidence file').first().setInputFiles({
      name: 'site visit report.pdf',
      mimeType: 'application/pdf',
      buffer: smallPdf(name),
    });
    const link = timeline.getByRole('link', { name: 'site_visit_report.pdf' });
    await link.waitFor();
    const download = await page.request.get(new URL(await link.getAttribute('href'), APP_URL).toString());
    assert.equal(download.status(), 200);
    assert.match(download.headers()['content-disposition'], /^attachment;/);
    assert.ok((await download.body()).subarray(0, 5).equals(Buffer.from('%PDF-')), 'the stored file is the PDF');

    // The public API now shows it, with verifiedOn and nothing internal.
    const response = await page.request.get(`${APP_URL}/api/public/hospitals/${slug}`);
    assert.equal(response.status(), 200);
    const profile = await response.json();
    assert.equal(profile.name, name);
    assert.equal(profile.verifiedOn, verifiedOn);
    assert.ok(profile.verificationExpiresOn > verifiedOn);
    assert.equal(profile.fit.outsidePathologyReview, true);
    const text = JSON.stringify(profile);
    for (const internal of ['E2E Verifier', 'evidence', 'status', 'redFlags', 'version']) {
      assert.ok(!text.includes(internal), `the public profile must not contain ${internal}`);
    }

    // react-admin hides its app bar (with the user menu) while the page is scrolled down
    await page.evaluate(() => window.scrollTo(0, 0));
    await signOut(page);
  }),
);
