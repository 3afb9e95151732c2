// Whether an index update can change other files' results: an agent appearing
// or disappearing, or a different name, name line (where another agent's
// duplicate-agent-name points), set of rule numbers or trigger ids.
import type { AgentSummary } from '../service/workspace/workspaceIndex';

export function affectsOthers(before: AgentSummary | undefined, after: AgentSummary | undefined): boolean {
  if (!before || !after) return before !== after;
  return (
    before.name !== after.name ||
    (before.name !== undefined && before.nameLine !== after.nameLine) ||
    !sameItems(before.rules.map((r) => r.number), after.rules.map((r) => r.number)) ||
    !sameItems(before.triggers, after.triggers)
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
