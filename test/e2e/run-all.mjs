// `npm run test:e2e`: the real-editor tests in sequence (each in its own process, output streamed),
// then one summary line per test and the overall `N passed, N failed` (steps). Exits non-zero when
// a test fails or prints no summary. A missing tool fails the test: run
// `bash scripts/install-e2e-tools.sh` first.
//
// Usage: node test/e2e/run-all.mjs [smoke] [code-server] [neovim]   (default: all three)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const TESTS = {
  smoke: ['smoke-editor.mjs'],
  'code-server': ['--import', 'tsx', 'codeServer.e2e.ts'],
  neovim: ['--import', 'tsx', 'neovim.e2e.ts'],
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in TESTS)) {
    console.error(`unknown test ${JSON.stringify(name)}; choose from ${Object.keys(TESTS).join(', ')}`);
    process.exit(2);
  }
}
const names = wanted.length ? wanted : Object.keys(TESTS);

function run(name) {
  const args = TESTS[name].map((a) => (a.endsWith('.mjs') || a.endsWith('.ts') ? path.join(here, a) : a));
  console.log(`\n=== e2e: ${name} ===`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    let tail = '';
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      tail = (tail + d).slice(-4000);
    });
    child.on('close', (code, signal) => {
      const m = [...tail.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
      resolve({
        name,
        code: code ?? (signal ? 128 : 1),
        passed: m ? Number(m[1]) : 0,
        failed: m ? Number(m[2]) : 0,
        summary: Boolean(m),
        ms: Date.now() - t0,
      });
    });
  });
}

const t0 = Date.now();
const results = [];
for (const name of names) results.push(await run(name));

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
console.log('\n=== e2e summary ===');
for (const r of results) {
  const status = r.code === 0 && r.summary ? 'ok  ' : 'FAIL';
  const counts = r.summary ? `${r.passed} passed, ${r.failed} failed` : 'no summary line';
  console.log(`${status} ${r.name.padEnd(12)} ${secs(r.ms).padStart(7)}  ${counts}${r.code ? ` (exit ${r.code})` : ''}`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const bad = results.filter((r) => r.code !== 0 || !r.summary).length;
// a test that crashed without reporting a failed step still counts as one failure
const failed = results.reduce((s, r) => s + r.failed + ((r.code !== 0 || !r.summary) && r.failed === 0 ? 1 : 0), 0);
console.log(`e2e total ${secs(Date.now() - t0)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(bad || failed ? 1 : 0);
