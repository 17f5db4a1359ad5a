// Shared helpers for the browser tests (node:test + playwright-core driving Debian's Chromium).
// The app must already be running at APP_URL (default http://localhost:8080).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const APP_URL = (process.env.APP_URL || 'http://localhost:8080').replace(/\/$/, '');
export const ADMIN_USERNAME = process.env.ADMIN_USERNAME || 'admin';
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
export const SCREENSHOT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15000);

/** Launches headless Chromium (never downloads a browser) with a fresh profile. */
export async function launchBrowser() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'jadecrane-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
    viewport: { width: 1280, height: 900 },
    baseURL: APP_URL,
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = context.pages()[0] ?? (await context.newPage());
  const browserErrors = [];
  page.on('pageerror', (e) => browserErrors.push(String(e)));
  return {
    context,
    page,
    browserErrors,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Saves a full-page screenshot under e2e/screenshots/<name>.png; returns the path. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}

/**
 * Runs fn(session) with a fresh browser; on failure takes a screenshot named after the test.
 * Usage: test('name', (t) => withBrowser(t, async ({ page }) => { ... }));
 */
export async function withBrowser(t, fn) {
  const session = await launchBrowser();
  try {
    await fn(session);
  } catch (e) {
    const file = await screenshot(session.page, `${t?.name ?? 'failure'}-${Date.now()}`);
    if (session.browserErrors.length) console.error('browser errors:', session.browserErrors);
    console.error(`screenshot: ${file}`);
    throw e;
  } finally {
    await session.close();
  }
}

/** Opens the app and signs in through the login page; waits until the menu is shown. */
export async function signIn(page, username = ADMIN_USERNAME, password = ADMIN_PASSWORD) {
  if (!password) throw new Error('ADMIN_PASSWORD (or an explicit password) is required for the browser tests');
  await page.goto(`${APP_URL}/login`);
  await page.getByLabel(/^Username/).fill(username);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Profile' }).waitFor();
}

/** Signs out through the user menu and waits for the login page. */
export async function signOut(page) {
  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: /Logout|Sign out/ }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

/** The labels of the side menu's entries, in order. */
export async function menuLabels(page) {
  const menu = page.locator('.RaMenu-open, .RaMenu-closed').first();
  await menu.getByRole('menuitem').first().waitFor();
  return (await menu.getByRole('menuitem').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

/** A random suffix for names created by a test run. */
export function randomSuffix() {
  return Math.random().toString(36).slice(2, 8);
}

/** Waits until a locator matches exactly `count` elements (screens fill in as their data arrives). */
export async function waitForCount(locator, count, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let seen = await locator.count();
  while (seen !== count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await locator.count();
  }
  return seen;
}

/** Signs in through the API (cookies + CSRF like the UI) to seed what the test needs. */
export async function apiSession() {
  const jar = new Map();
  const call = async (path, method = 'GET', body) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = { 'Content-Type': 'application/json', Cookie: cookie };
    if (jar.has('XSRF-TOKEN')) headers['X-XSRF-TOKEN'] = jar.get('XSRF-TOKEN');
    const response = await fetch(`${APP_URL}${path}`, { method, headers, body: body && JSON.stringify(body) });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
  await call('/api/auth/me');
  const login = await call('/api/auth/login', 'POST', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
  assert.equal(login.status, 200, 'admin sign-in through the API');
  await call('/api/auth/me');
  return call;
}
