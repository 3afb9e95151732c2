// Compiler-style output: `file:line:col severity code message`, then a summary.
import * as path from 'node:path';
import { severityName } from '../service/diagnostics/codes';
import type { FileResult } from './fileResult';

export function formatText(results: FileResult[], cwd: string): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) {
    const file = path.relative(cwd, result.file) || result.file;
    for (const d of sortByPosition(result.diagnostics)) {
      const severity = severityName(d.severity);
      counts[severity]++;
      lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code} ${d.message}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const fixed = results.filter((r) => r.fixed).length;
  lines.push(
    `${total} problem${total === 1 ? '' : 's'} (${counts.error} errors, ${counts.warning} warnings, ${counts.information} infos, ${counts.hint} hints) in ${results.length} file${results.length === 1 ? '' : 's'}` +
      (fixed ? `; fixed ${fixed} file${fixed === 1 ? '' : 's'}` : ''),
  );
  return lines.join('\n') + '\n';
}

export function sortByPosition<T extends { range: { start: { line: number; character: number } } }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
