// claude-code-lint's `validate-agents` throws on the first frontmatter js-yaml rejects and
// drops every result (exit 2, message without a file name). To tell how far it got, replay
// its own discovery order and parser (internal modules, loaded by absolute path) and find
// the first file that throws. `stopMessage` lets the caller check it matches the real run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('claude-code-lint/package.json'));
const { findAgentFiles } = require(join(pkg, 'dist/utils/filesystem/files.js'));
const { extractFrontmatter } = require(join(pkg, 'dist/utils/formats/markdown.js'));

/** -> { order: string[], failed: string[], stopIndex (-1 if none), stopMessage } */
export async function probeClaudelint(root) {
  const order = await findAgentFiles(root);
  const failed = [];
  let stopMessage = '';
  for (const file of order) {
    try {
      extractFrontmatter(readFileSync(file, 'utf8'));
    } catch (e) {
      if (!failed.length) stopMessage = String(e.message).split('\n')[0];
      failed.push(file);
    }
  }
  return { order, failed, stopIndex: failed.length ? order.indexOf(failed[0]) : -1, stopMessage };
}
