// GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` line per
// diagnostic, which a workflow run shows as an annotation on the file and line.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import * as path from 'node:path';
import { severityName } from '../service/diagnostics/codes';
import type { FileResult } from './fileResult';
import { sortByPosition } from './formatText';

const COMMAND = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

export function formatGithub(results: FileResult[], cwd: string): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = (path.relative(cwd, result.file) || result.file).split(path.sep).join('/');
    for (const d of sortByPosition(result.diagnostics)) {
      const { start, end } = d.range;
      const properties = [`file=${escapeProperty(file)}`, `line=${start.line + 1}`, `col=${start.character + 1}`, `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeProperty(`agentry ${d.code}`)}`];
      lines.push(`::${COMMAND[severityName(d.severity)]} ${properties.join(',')}::${escapeData(String(d.message))}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The runner reads `%`, CR and LF in a message as escapes, and ends a property at `:` or `,`. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
