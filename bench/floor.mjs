#!/usr/bin/env node
// The floor: read every .md under <dir> and parse its frontmatter with `yaml`. Nothing else.
// Frontmatter = the lines between a first line `---` and the next line `---` (CRLF allowed).
// Usage: node bench/floor.mjs <dir>   -> prints {"files":N,"parsed":N,"failed":N}
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: floor.mjs <dir>');
  process.exit(2);
}

const OPEN = /^---\r?\n/;
const CLOSE = /\r?\n---\r?(?:\n|$)/g;
let files = 0,
  parsed = 0,
  failed = 0;
for (const rel of readdirSync(dir, { recursive: true })) {
  if (!rel.endsWith('.md')) continue;
  files++;
  const text = readFileSync(join(dir, rel), 'utf8');
  const open = OPEN.exec(text);
  CLOSE.lastIndex = open ? open[0].length - 1 : 0;
  const close = open && CLOSE.exec(text);
  if (!close) {
    failed++;
    continue;
  }
  const doc = parseDocument(text.slice(open[0].length, close.index));
  if (doc.errors.length) {
    failed++;
    continue;
  }
  doc.toJS();
  parsed++;
}
console.log(JSON.stringify({ files, parsed, failed }));
