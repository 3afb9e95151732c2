// Every diagnostic Agentry reports, with its stable code and default severity.
// docs/diagnostics.md documents each one; a test keeps the two in step.
import { DiagnosticSeverity } from 'vscode-languageserver-types';

const { Error, Warning, Information } = DiagnosticSeverity;

export const DIAGNOSTIC_CODES = {
  'frontmatter-missing': Error,
  'frontmatter-unclosed': Error,
  'frontmatter-language': Error,
  'frontmatter-early-close': Warning,
  'yaml-unreadable': Error,
  'yaml-lenient-value': Warning,
  'yaml-retry-rewrite': Warning,
  'duplicate-key': Warning,
  'unknown-key': Information,
  'missing-name': Error,
  'missing-description': Error,
  'name-colon': Error,
  'invalid-name': Error,
  'name-format': Information,
  'invalid-value': Warning,
  'empty-hooks': Error,
  'hook-event-key': Warning,
  'top-level-hook': Error,
  'unknown-tool': Warning,
  'legacy-tool': Warning,
  'tool-not-for-subagents': Warning,
  'empty-tools': Warning,
  'no-usable-tools': Error,
  'duplicate-tool': Warning,
  'unknown-mcp-server': Warning,
  'unknown-model': Warning,
  'trigger-format': Warning,
  'duplicate-trigger': Warning,
  'rule-count-mismatch': Warning,
  'duplicate-rule': Warning,
  'rule-order': Warning,
  'rule-without-bullets': Warning,
  'undefined-rule-reference': Warning,
  'heading-skip': Information,
  'missing-section': Warning,
  mojibake: Warning,
  'duplicate-agent-name': Warning,
  'name-file-mismatch': Information,
  'unknown-agent-reference': Warning,
  'file-too-large': Error,
  'permission-no-prompts': Information,
  'allowed-tools-ignored': Warning,
  'unbalanced-tag': Warning,
  'unknown-skill': Warning,
  'tool-allowed-and-denied': Warning,
  'unknown-hook-event': Warning,
  'hook-ignored': Warning,
  'invalid-hooks': Error,
} as const satisfies Record<string, DiagnosticSeverity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export const ALL_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

export function severityName(severity: DiagnosticSeverity | undefined): SeverityName {
  return SEVERITY_NAMES[(severity ?? Error) - 1];
}

export function severityFromName(name: SeverityName): DiagnosticSeverity {
  return (SEVERITY_NAMES.indexOf(name) + 1) as DiagnosticSeverity;
}
