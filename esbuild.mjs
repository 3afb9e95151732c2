// Bundles the entry points: the VS Code client (vscode stays external), the language
// server and the CLI (fully bundled, so the .vsix ships no node_modules).
import * as esbuild from 'esbuild';
import { asciiOutput } from './scripts/asciiOutput.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Pure ASCII bundles load faster (scripts/asciiOutput.mjs), which writes them.
  write: false,
  plugins: [asciiOutput],
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  // The server's entry is a small loader that runs the server bundle through V8's code cache.
  { entryPoints: { server: 'server/src/serverLoader.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { 'server-main': 'server/src/server.ts' } },
  // The CLI is a light entry and the linter it loads only when there is linting to do
  // (require of ./cli-lint.js, left alone): a warm `check --cache` never loads the parsers.
  { entryPoints: { cli: 'server/src/cli.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { 'cli-lint': 'server/src/cli/lint.ts' } },
];

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b, outdir: 'dist' })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
