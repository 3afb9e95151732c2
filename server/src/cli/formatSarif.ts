// SARIF 2.1.0 for GitHub code scanning: one rule per diagnostic code, results
// with paths relative to the checkout root (%SRCROOT%).
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, severityName, type DiagnosticCode } from '../service/diagnostics/codes';
import { DIAGNOSTIC_SUMMARIES } from '../service/diagnostics/catalog';
import type { FileResult } from './fileResult';
import { DOCS_URL, docsUrlFor } from '../service/diagnostics/docsUrl';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(results: FileResult[], cwd: string, version: string): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const rules = codes.map((code) => ({
    id: code,
    name: code,
    shortDescription: { text: DIAGNOSTIC_SUMMARIES[code] },
    helpUri: docsUrlFor(code),
    defaultConfiguration: { level: LEVEL[severityName(DIAGNOSTIC_CODES[code])] },
  }));
  const sarifResults = results.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: String(d.code),
      ruleIndex: codes.indexOf(d.code as DiagnosticCode),
      level: LEVEL[severityName(d.severity)],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: path.relative(cwd, r.file).split(path.sep).join('/'), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'agentry', version, informationUri: DOCS_URL, rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
