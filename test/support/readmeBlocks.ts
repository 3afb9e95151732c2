// The README's tested commands: fenced blocks right after a `<!-- readme-test -->` comment
// (`<!-- readme-test: KIND -->` for those another test runs: the package check, Neovim).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './fixtures';

export function readmeBlocks(kind: string | undefined, language: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const marker = kind ? `<!-- readme-test: ${kind} -->` : '<!-- readme-test -->';
  const blocks: string[] = [];
  for (const match of text.matchAll(/^(<!-- readme-test(?:: [\w.-]+)? -->)\n```(\w+)\n([\s\S]*?)^```$/gm)) {
    if (match[1] === marker && match[2] === language) blocks.push(match[3]);
  }
  return blocks;
}

/** A folder on the PATH with `agentry` and `agentry-language-server` running this checkout's dist/. */
export function shimBin(folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, script] of [
    ['agentry', 'cli.js'],
    ['agentry-language-server', 'server.js'],
  ]) {
    writeFileSync(path.join(folder, name), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO_ROOT, 'dist', script)}" "$@"\n`, { mode: 0o755 });
  }
  return folder;
}
