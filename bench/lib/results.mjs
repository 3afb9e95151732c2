// bench/results.json is shared by all groups: read-modify-write one key at a time.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export function mergeResults(file, key, value) {
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[key] = value;
  writeFileSync(`${file}.tmp`, JSON.stringify(all, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
}

const cell = (v) => (v === null || v === undefined ? 'n/a' : typeof v === 'number' ? String(+v.toFixed(1)) : String(v));

/** Plain-text table of `rows`, limited to `columns` (default: every key of the first row). */
export function formatTable(rows, columns = Object.keys(rows[0] ?? {})) {
  const grid = [columns, ...rows.map((r) => columns.map((c) => cell(r[c])))];
  const width = columns.map((_, i) => Math.max(...grid.map((g) => g[i].length)));
  return grid
    .map((g) =>
      g
        .map((c, i) => c.padEnd(width[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
