// The package as a user gets it: `npm pack` (its prepack builds), the tarball installed into an
// empty temporary prefix with `npm install -g`, and also run with `npx <tarball>`, then
// `agentry check` on the seeds; the output must be the in-repo CLI's (dist/, as npm test built
// it), and the install must bring no node_modules. Plain Node and npm: no dev dependency.
// Usage: node scripts/check-package.mjs   (after npm run build)
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'agentry-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function fail(message) {
  console.error(`check-package: ${message}`);
  process.exit(1);
}

/** Runs a command; its status and output, for the caller to compare. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) fail(`${command} ${args.join(' ')}: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

try {
  // A project holding the seeds as agents.
  const project = path.join(work, 'project');
  const agents = path.join(project, '.claude', 'agents');
  mkdirSync(agents, { recursive: true });
  const seeds = path.join(root, 'test', 'fixtures', 'seeds');
  for (const seed of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) copyFileSync(path.join(seeds, seed), path.join(agents, seed.replace(/\.txt$/, '.md')));

  const formats = ['text', 'json', 'sarif', 'github'];
  const check = (cli) => Object.fromEntries(formats.map((f) => [f, cli(['check', '.claude/agents', '--format', f])]));
  const expected = check((args) => run(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: project }));

  execFileSync(npm, ['pack', '--pack-destination', work, '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) fail('npm pack wrote no tarball');
  const tarballPath = path.join(work, tarball);
  console.log(`${tarball}: ${(statSync(tarballPath).size / 1024).toFixed(1)} KB`);

  // npm install -g into an empty prefix, offline: a dependency would have to come from the registry.
  const prefix = path.join(work, 'prefix');
  const env = { ...process.env, npm_config_prefix: prefix, npm_config_cache: path.join(work, 'npm-cache'), npm_config_offline: 'true' };
  const install = run(npm, ['install', '-g', '--no-audit', '--no-fund', tarballPath], { env });
  if (install.status !== 0) fail(`npm install -g failed:\n${install.stderr}`);
  const installed = path.join(prefix, 'lib', 'node_modules', 'agentry');
  if (existsSync(path.join(installed, 'node_modules'))) fail(`the install brought dependencies: ${readdirSync(path.join(installed, 'node_modules')).join(', ')}`);
  const bin = path.join(prefix, 'bin', 'agentry');
  // Only Node on the PATH: the installed CLI needs nothing else.
  const onlyNode = { PATH: path.dirname(process.execPath) };
  const got = check((args) => run(bin, args, { cwd: project, env: onlyNode }));
  for (const format of formats) {
    const [a, b] = [expected[format], got[format]];
    if (a.status !== b.status || a.stdout !== b.stdout) fail(`--format ${format}: the installed CLI (exit ${b.status}) differs from the in-repo CLI (exit ${a.status})\n--- in-repo\n${a.stdout}\n--- installed\n${b.stdout}${b.stderr}`);
  }
  if (!expected.text.stdout.includes('rule-count-mismatch')) fail('the seeds gave no diagnostics: nothing was compared');
  const server = run(path.join(prefix, 'bin', 'agentry-language-server'), ['--version'], { env: onlyNode });
  if (server.status !== 0 || !/^\d+\.\d+\.\d+\n$/.test(server.stdout)) fail(`agentry-language-server --version: exit ${server.status}\n${server.stdout}${server.stderr}`);

  // npx on the tarball, as the README shows it.
  const npx = run(npm, ['exec', '--yes', `--package=${tarballPath}`, '--', 'agentry', 'check', '.claude/agents'], { cwd: project, env });
  if (npx.status !== expected.text.status || npx.stdout !== expected.text.stdout) fail(`npx ${tarball} check differs from the in-repo CLI:\n${npx.stdout}${npx.stderr}`);
  console.log(`installed into an empty prefix with no dependencies; agentry check on the seeds matches the in-repo CLI in ${formats.join(', ')} (exit ${expected.text.status}); npx matches too`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
