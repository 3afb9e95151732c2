// Runs the mocha suite in test/electron/suite inside a real VS Code (Electron):
// the build of $VSCODE_EXECUTABLE, else a downloaded stable build. Without
// either (offline, no binary) it says so in one line and exits 0.
//   node --import tsx test/electron/run.ts
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'dist', 'electron-test');
const SKIP = 'skipped: no VS Code build available (set VSCODE_EXECUTABLE)';

async function vscodeExecutable(): Promise<string | undefined> {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`VSCODE_EXECUTABLE does not exist: ${given}`);
    return given;
  }
  try {
    return await downloadAndUnzipVSCode({ version: 'stable', cachePath: process.env.AGENTRY_VSCODE_CACHE ?? path.join(os.tmpdir(), 'agentry-vscode-test'), timeout: 15_000 });
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const executable = await vscodeExecutable();
  if (!executable) {
    console.log(SKIP);
    return 0;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('skipped: no display for VS Code (run under xvfb-run)');
    return 0;
  }
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;
  await esbuild.build({
    entryPoints: ['index.ts', 'diagnostics.test.ts', 'scenarios.test.ts'].map((file) => path.join(__dirname, 'suite', file)),
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-vscode-user-'));
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs: [path.join(ROOT, 'examples'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
    });
    return 0;
  } catch (error) {
    console.error(`VS Code tests failed: ${(error as Error).message ?? error}`);
    return 1;
  } finally {
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
