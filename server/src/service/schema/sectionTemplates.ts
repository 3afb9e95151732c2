// Plain-text bodies of the sections the "insert missing section" fix adds.
// The editor snippets in snippets/ carry the same sections with tab stops.

export const SECTION_TEMPLATES: Readonly<Record<string, string>> = {
  'PRE-EXECUTION VALIDATION': [
    '### PRE-EXECUTION VALIDATION (MANDATORY)',
    'Before ANY action, you MUST:',
    '1. Load and validate the project rules document',
    '2. Check for existing solutions before creating new ones',
    '3. Confirm the change is tracked in CHANGELOG.md',
  ].join('\n'),
  'VIOLATION RESPONSE': [
    '### VIOLATION RESPONSE',
    'If you detect any rule violation:',
    '1. IMMEDIATELY STOP all operations',
    '2. Document the violation with the specific rule reference',
    '3. REFUSE to proceed until the violation is fixed',
  ].join('\n'),
  'Cross-Agent Validation': [
    '### Cross-Agent Validation',
    '**MANDATORY**: Trigger validation from:',
    '- **code-reviewer**: Review of every code change',
  ].join('\n'),
  'Success Criteria': [
    '### Success Criteria',
    '- [ ] All rules verified before starting',
    '- [ ] Work validated by the cross-agent reviewers',
    '- [ ] CHANGELOG.md updated',
  ].join('\n'),
};

export function sectionTemplate(section: string): string {
  return SECTION_TEMPLATES[section] ?? `### ${section}\n`;
}
