// Installs the Claude Code the suite runs: the pinned one into conformance/node_modules (from its
// lockfile, only when missing or different), another version into conformance/.versions/<version>.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE = '@anthropic-ai/claude-code';

export function pinnedVersion(conformanceDir: string): string {
  const manifest = JSON.parse(readFileSync(join(conformanceDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const version = manifest.dependencies[PACKAGE];
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) throw new Error(`conformance/package.json must pin ${PACKAGE} to an exact version, not ${version}`);
  return version;
}

function installedVersion(nodeModules: string): string | undefined {
  const manifest = join(nodeModules, PACKAGE, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The node_modules folder holding Claude Code `version` (installing it first when needed). */
export function ensureClaudeCode(conformanceDir: string, version: string, log: (line: string) => void): string {
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new Error(`--claude-code wants a version such as 2.1.332, not ${JSON.stringify(version)}`);
  if (version === pinnedVersion(conformanceDir)) {
    const nodeModules = join(conformanceDir, 'node_modules');
    if (installedVersion(nodeModules) !== version) {
      log(`installing Claude Code ${version} (pinned) into conformance/node_modules`);
      execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: conformanceDir, stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
    }
    return nodeModules;
  }
  const dir = join(conformanceDir, '.versions', version);
  const nodeModules = join(dir, 'node_modules');
  if (installedVersion(nodeModules) !== version) {
    log(`installing Claude Code ${version} into conformance/.versions/${version}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'claude-code-version', private: true, dependencies: { [PACKAGE]: version } }, null, 2)}\n`);
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
  }
  return nodeModules;
}
