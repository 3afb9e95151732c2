// The package as a user gets it: `npm pack` (its prepack builds), the tarball installed into an
// empty temporary prefix with `npm install -g` (offline, so no dependency can come in), and run
// with `npx <tarball>`; `agentry check` on the seeds must give the in-repo CLI's output (dist/,
// as npm test built it), and the README's install commands must work beside the tarball. Then
// the GitHub Action's shell step (action.yml) runs locally on a workspace of the seeds, and the
// README's .vsix commands run in a fresh clone, `code` being code-server from the e2e tools.
// Usage: npm run test:package   (after npm run build and scripts/install-e2e-tools.sh)
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readmeBlocks } from '../test/support/readmeBlocks';
import { REPO_ROOT, SEEDS_DIR } from '../test/support/fixtures';
import { e2eTools } from '../test/e2e/lib/tools';

const work = mkdtempSync(path.join(tmpdir(), 'agentry-package-'));
const FORMATS = ['text', 'json', 'sarif', 'github'];
/** Only Node's folder on the PATH for the installed CLI. */
const ONLY_NODE = { PATH: path.dirname(process.execPath) };

function fail(message: string): never {
  console.error(`check-package: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) fail(`${command} ${args.join(' ')}: ${result.error.message}`);
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A folder holding the seeds as `.claude/agents/*.md`. */
function seedProject(name: string): string {
  const agents = path.join(work, name, '.claude', 'agents');
  mkdirSync(agents, { recursive: true });
  for (const seed of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))) copyFileSync(path.join(SEEDS_DIR, seed), path.join(agents, seed.replace(/\.txt$/, '.md')));
  return path.join(work, name);
}

/** npm with its global prefix and cache in `work`, offline. */
function npmEnv(prefix: string): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_prefix: prefix, npm_config_cache: path.join(work, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
}

function checkTarball(): string {
  const project = seedProject('project');
  const check = (cli: (args: string[]) => ReturnType<typeof run>) => Object.fromEntries(FORMATS.map((f) => [f, cli(['check', '.claude/agents', '--format', f])]));
  const expected = check((args) => run(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd: project }));
  if (!expected.text.stdout.includes('rule-count-mismatch')) fail('the seeds gave no diagnostics: nothing would be compared');

  execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz')) ?? fail('npm pack wrote no tarball');
  const tarballPath = path.join(work, tarball);
  console.log(`${tarball}: ${(statSync(tarballPath).size / 1024).toFixed(1)} KB`);

  const prefix = path.join(work, 'prefix');
  const install = run('npm', ['install', '-g', tarballPath], { env: npmEnv(prefix) });
  if (install.status !== 0) fail(`npm install -g failed:\n${install.stderr}`);
  const installed = path.join(prefix, 'lib', 'node_modules', 'agentry');
  if (existsSync(path.join(installed, 'node_modules'))) fail(`the install brought dependencies: ${readdirSync(path.join(installed, 'node_modules')).join(', ')}`);
  const got = check((args) => run(path.join(prefix, 'bin', 'agentry'), args, { cwd: project, env: ONLY_NODE }));
  for (const format of FORMATS) {
    const [a, b] = [expected[format], got[format]];
    if (a.status !== b.status || a.stdout !== b.stdout) fail(`--format ${format}: the installed CLI (exit ${b.status}) differs from the in-repo CLI (exit ${a.status})\n--- in-repo\n${a.stdout}\n--- installed\n${b.stdout}${b.stderr}`);
  }
  const server = run(path.join(prefix, 'bin', 'agentry-language-server'), ['--version'], { env: ONLY_NODE });
  if (server.status !== 0 || !/^\d+\.\d+\.\d+\n$/.test(server.stdout)) fail(`agentry-language-server --version: exit ${server.status}\n${server.stdout}${server.stderr}`);
  console.log(`npm install -g: no dependencies installed; agentry check on the seeds matches the in-repo CLI in ${FORMATS.join(', ')} (exit ${expected.text.status})`);
  return tarballPath;
}

/** The README's install block, run beside the tarball in a copy of the example agents, with an empty global prefix. */
function checkReadmeInstall(tarballPath: string): void {
  const blocks = readmeBlocks('package', 'sh');
  if (!blocks.length) fail('the README marks no install commands (<!-- readme-test: package -->)');
  for (const block of blocks) {
    const folder = path.join(work, 'readme');
    rmSync(folder, { recursive: true, force: true });
    cpSync(path.join(REPO_ROOT, 'examples', '.claude'), path.join(folder, '.claude'), { recursive: true });
    copyFileSync(tarballPath, path.join(folder, path.basename(tarballPath)));
    const prefix = path.join(work, 'readme-prefix');
    const env = { ...npmEnv(prefix), PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` };
    const result = run('bash', ['-euo', 'pipefail', '-c', block], { cwd: folder, env });
    if (result.status !== 0) fail(`README block failed (exit ${result.status}):\n${block}\n${result.stdout}${result.stderr}`);
    if (!/in 3 files\n/.test(result.stdout)) fail(`README block printed no check of the example agents:\n${result.stdout}`);
  }
  console.log(`README install commands: ${blocks.length} block(s) ran beside the tarball`);
}

interface ActionStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

/** action.yml's shell steps as the runner would run them; the `uses:` steps (setup-node, upload-sarif) need GitHub. */
function checkAction(): void {
  const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: ActionStep[] } };
  if (action.runs.using !== 'composite') fail('action.yml is not a composite action');
  const uses = action.runs.steps.filter((s) => s.uses).map((s) => s.uses!);
  if (!uses.some((u) => u.startsWith('github/codeql-action/upload-sarif@'))) fail('action.yml does not upload SARIF');
  const workspace = seedProject('workspace');
  writeFileSync(path.join(workspace, '.claude', 'agents', 'broken.md'), '---\nname: broken\n---\nNo description.\n');
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]));
  const outputs: Record<string, string> = {};
  const runnerTemp = path.join(work, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const expression = (value: string) =>
    value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      if (expr === 'github.action_path') return REPO_ROOT;
      const input = expr.match(/^inputs\.([\w-]+)$/);
      if (input) return inputs[input[1]];
      const output = expr.match(/^steps\.check\.outputs\.([\w-]+)$/);
      if (output) return outputs[output[1]] ?? '';
      return fail(`action.yml: an expression this check cannot evaluate: ${expr}`);
    });
  const statuses: number[] = [];
  let annotations = '';
  for (const step of action.runs.steps.filter((s) => s.run)) {
    const outputFile = path.join(work, `output-${statuses.length}`);
    writeFileSync(outputFile, '');
    const env = { ...process.env, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: runnerTemp, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expression(v)])) };
    const result = run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expression(step.run!)], { cwd: workspace, env });
    if (step.id === 'check') annotations = result.stdout;
    statuses.push(result.status ?? -1);
    for (const line of readFileSync(outputFile, 'utf8').split('\n').filter(Boolean)) {
      const [key, ...value] = line.split('=');
      outputs[key] = value.join('=');
    }
    if (step.id === 'check' && result.status !== 0) fail(`the check step failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  if (outputs['exit-code'] !== '1') fail(`exit-code output ${outputs['exit-code']}, wanted 1 (a file with errors)`);
  if (statuses.at(-1) !== 1) fail('the last step does not fail the job on errors');
  if (!/^::error file=\.claude\/agents\/broken\.md,line=1,/m.test(annotations)) fail(`no error annotation for broken.md:\n${annotations}`);
  const sarif = JSON.parse(readFileSync(path.join(workspace, inputs['sarif-file']), 'utf8'));
  if (sarif.version !== '2.1.0' || !sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'missing-description')) fail('the SARIF log lacks the missing-description result');
  console.log(`action.yml: its shell steps ran locally (annotations, ${inputs['sarif-file']} with ${sarif.runs[0].results.length} results, exit-code 1, the job fails); not run here: ${uses.join(', ')}`);
}

/** The README's `.vsix` block in a clone of HEAD: `npm ci && npm run package`, then `code --install-extension`. */
function checkReadmeVsix(): void {
  const [block] = readmeBlocks('vsix', 'sh');
  if (block === undefined) fail('the README marks no .vsix commands (<!-- readme-test: vsix -->)');
  const tools = e2eTools();
  const clone = path.join(work, 'clone');
  execFileSync('git', ['clone', '--quiet', '--no-local', REPO_ROOT, clone]);
  const editor = path.join(work, 'code');
  const bin = path.join(work, 'code-bin');
  mkdirSync(bin, { recursive: true });
  const code = path.join(bin, 'code');
  writeFileSync(code, `#!/bin/sh\nexec "${tools.node24}" "${tools.codeServerEntry}" --user-data-dir "${editor}/user" --extensions-dir "${editor}/extensions" --disable-telemetry "$@"\n`, { mode: 0o755 });
  const result = run('bash', ['-euo', 'pipefail', '-c', block], { cwd: clone, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
  if (result.status !== 0) fail(`README .vsix block failed (exit ${result.status}):\n${block}\n${result.stdout}${result.stderr}`);
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}@${manifest.version}`;
  const listed = run(code, ['--list-extensions', '--show-versions']);
  if (!listed.stdout.split('\n').includes(id)) fail(`code-server does not list ${id} after the README's commands:\n${listed.stdout}${listed.stderr}`);
  const vsix = readdirSync(clone).find((f) => f.endsWith('.vsix'))!;
  console.log(`README .vsix commands: ${vsix} (${(statSync(path.join(clone, vsix)).size / 1024).toFixed(0)} KB) built in a fresh clone and installed (${id})`);
}

try {
  const tarball = checkTarball();
  checkReadmeInstall(tarball);
  checkAction();
  checkReadmeVsix();
} finally {
  rmSync(work, { recursive: true, force: true });
}
