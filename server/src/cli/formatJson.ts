// Machine-readable output with 1-based lines and columns.
import { severityName } from '../service/diagnostics/codes';
import type { FileResult } from './fileResult';
import type { EffectiveAgent } from '../service/claude/effectiveAgent';
import { sortByPosition } from './formatText';

export function formatJson(results: FileResult[], agents?: EffectiveAgent[]): string {
  const diagnostics = results.flatMap((r) =>
    sortByPosition(r.diagnostics).map((d) => ({
      file: r.file,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: severityName(d.severity),
      code: String(d.code),
      message: d.message,
    })),
  );
  const out: Record<string, unknown> = { diagnostics };
  if (agents) out.agents = agents.map((agent, i) => ({ file: results[i].file, ...agent }));
  return JSON.stringify(out, null, 2) + '\n';
}
