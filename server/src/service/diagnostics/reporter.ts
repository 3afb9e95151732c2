// Collects diagnostics for one document, converting spans to LSP ranges.
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { AgentDocument, Span } from '../types';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes';
import { docsUrlFor } from './docsUrl';
import { spanToRange } from '../text/spans';

export interface Related {
  uri: string;
  range: Range;
  message: string;
}

export interface ReportExtras {
  data?: Record<string, unknown>;
  related?: Related[];
}

/** A diagnostic of the core: its message is always plain text. */
export type AgentDiagnostic = Diagnostic & { message: string };

export type Report = (code: DiagnosticCode, span: Span, message: string, extras?: ReportExtras) => void;

export const DIAGNOSTIC_SOURCE = 'agentry';

export function createReporter(doc: AgentDocument): { report: Report; diagnostics: AgentDiagnostic[] } {
  const diagnostics: AgentDiagnostic[] = [];
  const report: Report = (code, span, message, extras) => {
    const diagnostic: AgentDiagnostic = {
      range: spanToRange(doc, span),
      severity: DIAGNOSTIC_CODES[code],
      code,
      codeDescription: { href: docsUrlFor(code) },
      source: DIAGNOSTIC_SOURCE,
      message,
    };
    if (extras?.data) diagnostic.data = extras.data;
    if (extras?.related?.length) {
      diagnostic.relatedInformation = extras.related.map((r): DiagnosticRelatedInformation => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
    }
    diagnostics.push(diagnostic);
  };
  return { report, diagnostics };
}
