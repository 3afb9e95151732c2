// Runs every check on one parsed document and applies severities and inline
// suppressions.
import type { AgentDocument } from '../types';
import type { WorkspaceContext } from '../workspace/workspaceContext';
import { severityFromName } from './codes';
import { checkAllowedTools } from './allowedToolsCheck';
import { checkFrontmatter } from './frontmatterChecks';
import { checkHooks } from './hookChecks';
import { checkPermissionMode } from './permissionChecks';
import { createReporter, type AgentDiagnostic, type Report } from './reporter';
import type { AnalysisSettings } from '../config/settings';
import { checkStructure } from './structureChecks';
import { checkTags } from './tagChecks';
import { applySuppressions } from './suppressions';
import { checkText } from './textChecks';
import { checkTools } from './toolChecks';
import { checkToolOverlap } from './toolOverlapChecks';
import { checkWorkspace } from './workspaceChecks';

export function validateDocument(doc: AgentDocument, settings: AnalysisSettings, workspace?: WorkspaceContext): AgentDiagnostic[] {
  const { report, diagnostics } = createReporter(doc);
  diagnostics.push(...claudeCodeFindings(doc, settings));
  checkPermissionMode(doc, report);
  checkStructure(doc, settings, report);
  checkTags(doc, report);
  checkWorkspace(doc, workspace, report);
  return applySuppressions(doc, applySeverities(diagnostics, settings));
}

/** Each document's findings, kept for the effective agent, which reads the same ones after its validation (the CLI's JSON output, hovers, code lenses). */
const findingsOf = new WeakMap<AgentDocument, { settings: AnalysisSettings; findings: readonly AgentDiagnostic[] }>();

/** The checks of how Claude Code reads the file on its own, before severities and suppressions: what the effective agent is made of. */
export function claudeCodeFindings(doc: AgentDocument, settings: AnalysisSettings): readonly AgentDiagnostic[] {
  const cached = findingsOf.get(doc);
  if (cached?.settings === settings) return cached.findings;
  const { report, diagnostics } = createReporter(doc);
  checkClaudeCodeReading(doc, settings, report);
  findingsOf.set(doc, { settings, findings: diagnostics });
  return diagnostics;
}

function checkClaudeCodeReading(doc: AgentDocument, settings: AnalysisSettings, report: Report): void {
  checkFrontmatter(doc, settings, report);
  checkTools(doc, settings, report);
  checkToolOverlap(doc, report);
  checkHooks(doc, report);
  checkAllowedTools(doc, report);
  checkText(doc, report);
}

function applySeverities(diagnostics: AgentDiagnostic[], settings: AnalysisSettings): AgentDiagnostic[] {
  const overrides = settings.severity;
  if (Object.keys(overrides).length === 0) return diagnostics;
  const result: AgentDiagnostic[] = [];
  for (const d of diagnostics) {
    const override = overrides[String(d.code)];
    if (override === 'off') continue;
    result.push(override ? { ...d, severity: severityFromName(override) } : d);
  }
  return result;
}
