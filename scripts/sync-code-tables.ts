// Writes what is generated from the diagnostic code table (codes.ts, the summaries in
// catalog.ts, the quick fixes): the `agentry.severity` setting of package.json, so that
// the Settings UI lists every code with its default, and the index table of
// docs/diagnostics.md. Run: node --import tsx scripts/sync-code-tables.ts (tests check both).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_CODES, DIAGNOSTIC_CODES, severityName } from '../server/src/service/diagnostics/codes';
import { DIAGNOSTIC_SUMMARIES } from '../server/src/service/diagnostics/catalog';
import { QUICK_FIXES } from '../server/src/service/features/fixes';

const manifestFile = path.join(__dirname, '..', 'package.json');
const docsFile = path.join(__dirname, '..', 'docs', 'diagnostics.md');

/** `type` as well as `enum`: VS Code's Settings UI edits an object setting only when each property has a simple type. */
export function severityProperties(): Record<string, { type: 'string'; enum: string[]; markdownDescription: string }> {
  return Object.fromEntries(
    ALL_CODES.map((code) => [code, { type: 'string', enum: ['error', 'warning', 'information', 'hint', 'off'], markdownDescription: `${DIAGNOSTIC_SUMMARIES[code]} Default: \`${severityName(DIAGNOSTIC_CODES[code])}\`.` }]),
  );
}

/** package.json with the severity properties replaced in place (the rest of the file keeps its layout). */
export function syncedManifest(text: string): string {
  const start = text.indexOf('"properties": {', text.indexOf('"agentry.severity": {'));
  let depth = 0;
  let end = start + '"properties": '.length;
  for (; end < text.length; end++) {
    if (text[end] === '{') depth++;
    else if (text[end] === '}' && --depth === 0) break;
  }
  const indent = ' '.repeat(12);
  const entries = Object.entries(severityProperties()).map(
    ([code, p]) =>
      `${indent}${JSON.stringify(code)}: {\n${indent}  "type": "string",\n${indent}  "enum": ${JSON.stringify(p.enum).replace(/,/g, ', ')},\n${indent}  "markdownDescription": ${JSON.stringify(p.markdownDescription)}\n${indent}}`,
  );
  return `${text.slice(0, start)}"properties": {\n${entries.join(',\n')}\n${' '.repeat(10)}}${text.slice(end + 1)}`;
}

/** docs/diagnostics.md with its index table (code, default severity, fix) made from the code table. */
export function syncedDocs(text: string): string {
  const fixable = new Set(QUICK_FIXES.flatMap((f) => f.codes));
  const rows = ALL_CODES.map((code) => `| [\`${code}\`](#${code}) | ${severityName(DIAGNOSTIC_CODES[code])} | ${fixable.has(code) ? 'yes' : 'no'} |`);
  const table = ['| code | default severity | fix |', '|---|---|---|', ...rows].join('\n');
  return text.replace(/^\| code \| default severity \| fix \|\n(?:\|.*\n)*/m, `${table}\n`);
}

if (require.main === module) {
  writeFileSync(manifestFile, syncedManifest(readFileSync(manifestFile, 'utf8')));
  writeFileSync(docsFile, syncedDocs(readFileSync(docsFile, 'utf8')));
}
