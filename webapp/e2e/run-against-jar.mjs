// Runs the browser tests (e2e/*.test.mjs) against the packaged jar, as `./mvnw verify` does in its
// integration-test phase: a fresh data folder, a random port, a known first admin password.
// Usage: node e2e/run-against-jar.mjs <path-to-jar> [test files...] (all of e2e/ when none is named)
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const jar = resolve(process.argv[2] ?? '../target/jadecrane-backoffice.jar');
const testFiles = process.argv.slice(3);
const targetDir = dirname(jar);
mkdirSync(join(targetDir, 'e2e'), { recursive: true });
const dataDir = mkdtempSync(join(targetDir, 'e2e', 'data-'));
const adminPassword = `e2e-${randomBytes(12).toString('hex')}`;
const port = await freePort();
const appUrl = `http://localhost:${port}`;
const logFile = join(targetDir, 'e2e', 'app.log');

console.log(`Starting ${jar} on ${appUrl} (data ${dataDir}, log ${logFile})`);
const log = openSync(logFile, 'w');
const app = spawn('java', ['-Xmx768m', '-jar', jar, `--server.port=${port}`, `--jadecrane.data-dir=${dataDir}`], {
  env: { ...process.env, JADECRANE_ADMIN_PASSWORD: adminPassword, JADECRANE_SCHEDULER_ENABLED: 'false' },
  stdio: ['ignore', log, log],
});
let appExited = false;
app.on('exit', () => { appExited = true; });

let exitCode = 1;
try {
  await waitForHealth(appUrl, 180_000);
  exitCode = await run('node', ['--test', '--test-concurrency=1', ...(testFiles.length ? testFiles : ['e2e/'])], {
    ...process.env, APP_URL: appUrl, ADMIN_PASSWORD: adminPassword,
  });
} catch (error) {
  console.error(String(error));
} finally {
  await stop(app);
}
process.exit(exitCode);

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (appExited) throw new Error(`The application exited during start-up; see ${logFile}`);
    try {
      const response = await fetch(`${url}/management/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The application did not become healthy within ${timeoutMs / 1000} s; see ${logFile}`);
}

function run(command, args, env) {
  return new Promise((ok) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    child.on('exit', (code) => ok(code ?? 1));
  });
}

function stop(child) {
  if (appExited) return Promise.resolve();
  return new Promise((ok) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', () => { clearTimeout(force); ok(); });
    child.kill('SIGTERM');
  });
}
