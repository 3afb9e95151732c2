// Finds the Claude Code executable of an installed @anthropic-ai/claude-code. The native binary
// ships in a platform package (@anthropic-ai/claude-code-<platform>); the wrapper's bin/claude.exe
// is only a copy of it when the wrapper's install script ran, which npm 11 does not do by default.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { report } from 'node:process';

const SCOPE = '@anthropic-ai';
const WRAPPER = 'claude-code';

/** The platform package's suffix for this machine, as the wrapper names them. */
export function platformKey(platform: string = process.platform, arch: string = process.arch, musl: boolean = isMusl()): string {
  if (platform === 'linux') return `linux-${arch}${musl ? '-musl' : ''}`;
  return `${platform}-${arch}`;
}

function isMusl(): boolean {
  if (process.platform !== 'linux') return false;
  const header = (report?.getReport?.() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return header !== undefined && header.glibcVersionRuntime === undefined;
}

/** A file that can be the native binary: executable-sized, not a placeholder script. */
function isNative(path: string): boolean {
  if (!existsSync(path)) return false;
  const stat = statSync(path);
  if (!stat.isFile() || stat.size < 1024 * 1024) return false;
  const head = readFileSync(path).subarray(0, 4);
  return head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])) || head.subarray(0, 2).toString() === 'MZ' || [0xcffaedfe, 0xfeedfacf, 0xcafebabe].includes(head.readUInt32BE(0));
}

export interface Binary {
  path: string;
  version: string;
}

/** The executable under `nodeModules` (a node_modules folder), or an Error that says what is missing. */
export function resolveBinary(nodeModules: string): Binary | Error {
  const wrapperDir = join(nodeModules, SCOPE, WRAPPER);
  if (!existsSync(join(wrapperDir, 'package.json'))) return new Error(`${SCOPE}/${WRAPPER} is not installed under ${nodeModules}`);
  const version = (JSON.parse(readFileSync(join(wrapperDir, 'package.json'), 'utf8')) as { version: string }).version;
  const key = platformKey();
  const platformDir = join(nodeModules, SCOPE, `${WRAPPER}-${key}`);
  const candidates = [join(platformDir, process.platform === 'win32' ? 'claude.exe' : 'claude'), join(wrapperDir, 'bin', 'claude.exe')];
  const path = candidates.find(isNative);
  if (path) return { path, version };
  const known = Object.keys((JSON.parse(readFileSync(join(wrapperDir, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> }).optionalDependencies ?? {});
  if (!known.includes(`${SCOPE}/${WRAPPER}-${key}`)) {
    return new Error(`Claude Code ${version} has no native package for this platform (${key}); it ships ${known.map((name) => name.slice(SCOPE.length + WRAPPER.length + 2)).join(', ')}`);
  }
  return new Error(`Claude Code ${version}: the platform package ${SCOPE}/${WRAPPER}-${key} is missing or holds no executable (looked at ${candidates.join(', ')}); reinstall it`);
}
