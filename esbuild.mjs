// Bundles the entry points: the VS Code client (vscode stays external), the language
// server and the CLI (fully bundled, so the .vsix ships no node_modules).
import { readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { asciiEscape } from './scripts/asciiEscape.cjs';

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
  metafile: true,
  plugins: [asciiOutput()],
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  // The server's entry is a small loader that runs the server bundle through V8's code cache.
  { entryPoints: { server: 'server/src/serverLoader.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { 'server-main': 'server/src/server.ts' }, plugins: [asciiOutput(), builtinsOnFirstUse()] },
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

/**
 * Writes every bundle as ASCII (scripts/asciiEscape.cjs): V8 keeps a script's whole source as
 * one string of two bytes a character when one character is outside Latin-1, so the server
 * bundle's source took twice the memory (bench/README.md).
 */
function asciiOutput() {
  return {
    name: 'ascii-output',
    setup(build) {
      build.onEnd((result) => {
        for (const file of Object.keys(result.metafile?.outputs ?? {})) {
          if (!file.endsWith('.js')) continue;
          const text = readFileSync(file, 'utf8');
          if (/[^\x00-\x7f]/.test(text)) writeFileSync(file, asciiEscape(text));
        }
      });
    },
  };
}

/**
 * Node's built-in modules that vscode-languageserver and vscode-jsonrpc require as they load but
 * use only on paths the language server's start-up does not take (child_process to find global
 * npm and yarn modules, crypto to name a pipe): each is required on first use instead, through a
 * stand-in that forwards every property read. Loading them was a part of the server's start-up
 * (bench/README.md, the third round).
 */
function builtinsOnFirstUse() {
  const LIBRARY = /[\\/]node_modules[\\/]vscode-(languageserver|jsonrpc)[\\/]/;
  return {
    name: 'builtins-on-first-use',
    setup(build) {
      build.onResolve({ filter: /^(child_process|crypto)$/ }, (args) => (LIBRARY.test(args.importer) ? { path: args.path, namespace: 'builtin-on-first-use' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'builtin-on-first-use' }, (args) => ({
        contents: `let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:${args.path}'))[key] });\n`,
        loader: 'js',
      }));
    },
  };
}
