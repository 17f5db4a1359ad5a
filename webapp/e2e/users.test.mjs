import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_URL, menuLabels, randomSuffix, signIn, signOut, withBrowser } from './support.mjs';

test('admin creates an editor, who sees guides but not users', { timeout: 120_000 }, (t) =>
  withBrowser(t, async ({ page }) => {
    const username = `editor-${randomSuffix()}`;
    const password = `Correct-horse-${randomSuffix()}-battery`;

    // Admin signs in and sees every area.
    await signIn(page);
    const adminMenu = await menuLabels(page);
    for (const label of ['Guides', 'Hospitals', 'Waitlist', 'Jobs', 'Reports', 'Users']) {
      assert.ok(adminMenu.includes(label), `admin menu should show ${label}, got ${adminMenu.join(', ')}`);
    }

    // Create the editor.
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'Create user' }).first().click();
    await page.getByLabel(/^Username/).fill(username);
    await page.getByLabel(/^Display name/).fill('E2E Editor');
    await page.getByLabel(/^Email/).fill(`${username}@example.com`);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('checkbox', { name: 'Editor' }).check();
    await page.getByRole('button', { name: 'Save' }).click();

    // It shows in the list (search by name).
    await page.waitForURL(/\/users(\?.*)?$/);
    await page.getByPlaceholder('Search username or email').fill(username);
    const row = page.getByRole('row').filter({ hasText: username });
    await row.waitFor();
    assert.match(await row.innerText(), /EDITOR/);

    await signOut(page);

    // The editor signs in: Guides yes, Users no.
    await signIn(page, username, password);
    const editorMenu = await menuLabels(page);
    assert.ok(editorMenu.includes('Guides'), `editor menu should show Guides, got ${editorMenu.join(', ')}`);
    assert.ok(!editorMenu.includes('Users'), `editor menu must not show Users, got ${editorMenu.join(', ')}`);

    // Going to the users page directly shows no user data.
    await page.goto(`${APP_URL}/users`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Profile' }).waitFor();
    const text = await page.locator('body').innerText();
    assert.ok(!text.includes('admin@') && !text.includes(`${username}@example.com`), 'no user data may be shown');
    assert.equal(await page.getByRole('row').filter({ hasText: 'admin' }).count(), 0);

    await signOut(page);
  }),
);
