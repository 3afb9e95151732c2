// Formats what a run found: the agree/disagree table per category with every disagreement, and
// the differences between Agentry's tool catalog and the tools Claude Code was seen to give.
import type { AgentryCatalog } from './catalog.js';
import { CATEGORIES, type Comparison, type Disagreement } from './compare.js';
import type { AllowEntry } from './allowList.js';
import type { Facts } from './facts.js';
import { observedRenames } from './facts.js';

export function formatComparison(comparison: Comparison, allow: { allowed: (Disagreement & { reason: string })[]; unexplained: Disagreement[]; unused: AllowEntry[] }): string {
  const lines: string[] = [];
  const rows = CATEGORIES.filter((category) => comparison.checked[category] > 0).map((category) => {
    const allowed = allow.allowed.filter((entry) => entry.category === category).length;
    const unexplained = allow.unexplained.filter((entry) => entry.category === category).length;
    return [category, String(comparison.checked[category]), String(comparison.checked[category] - allowed - unexplained), String(allowed), String(unexplained)];
  });
  const header = ['category', 'checked', 'agree', 'disagree (allowed)', 'disagree'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  lines.push(format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format));
  const list = (title: string, entries: (Disagreement & { reason?: string })[]) => {
    if (!entries.length) return;
    lines.push('', title);
    for (const category of CATEGORIES) {
      for (const entry of entries.filter((candidate) => candidate.category === category)) {
        lines.push(`  [${category}] ${entry.id}`, `      Claude Code: ${entry.claudeCode}`, `      Agentry:     ${entry.agentry}`);
        if (entry.reason) lines.push(`      allowed:     ${entry.reason}`);
      }
    }
  };
  list(`Disagreements not in the allow-list (${allow.unexplained.length}):`, allow.unexplained);
  list(`Allowed disagreements (${allow.allowed.length}):`, allow.allowed);
  if (allow.unused.length) {
    lines.push('', `Allow-list entries that matched nothing (${allow.unused.length}; remove them):`);
    for (const entry of allow.unused) lines.push(`  [${entry.category}] ${entry.file}`);
  }
  return lines.join('\n');
}

/** The differences between Agentry's catalog and the tools the probes saw, one line each. */
export function catalogDifferences(catalog: AgentryCatalog, facts: Facts): string[] {
  const lines: string[] = [];
  const reachable = new Set(facts.tools.all);
  for (const [name, fact] of Object.entries(facts.tools.probes)) if ('spawned' in fact && fact.spawned.length === 1 && fact.spawned[0] === name) reachable.add(name);
  const known = new Set(catalog.tools);
  for (const name of [...reachable].sort()) if (!known.has(name)) lines.push(`Claude Code gives ${name}; Agentry's catalog does not list it`);
  const unrecognized: string[] = [];
  for (const name of catalog.tools) {
    const fact = facts.tools.probes[name];
    if (!fact) {
      if (!reachable.has(name)) lines.push(`Agentry lists ${name}; not probed`);
      continue;
    }
    if (!('refused' in fact)) continue;
    const notForSubagents = /not available to subagents/.test(fact.refused);
    if (notForSubagents && catalog.notForSubagents?.includes(name)) continue;
    if (fact.refused === 'unrecognized') unrecognized.push(name);
    else lines.push(`Agentry lists ${name}; Claude Code refuses an agent with only it (${fact.refused})${notForSubagents ? ", and Agentry's catalog does not say so" : ''}`);
  }
  if (unrecognized.length) lines.push(`Agentry lists ${unrecognized.length} tools Claude Code calls unrecognized for a subagent of this headless session (unknown, or not offered here): ${unrecognized.join(', ')}`);
  const renames = observedRenames(facts);
  for (const [name, target] of Object.entries(renames)) {
    if (catalog.oldNames[name] !== target) lines.push(`Claude Code maps ${name} to ${target}; Agentry ${name in catalog.oldNames ? `says ${catalog.oldNames[name] ?? 'it was removed'}` : 'does not know the old name'}`);
  }
  for (const [name, target] of Object.entries(catalog.oldNames)) {
    if (renames[name] !== undefined) continue;
    const fact = facts.tools.probes[name];
    if (fact && 'spawned' in fact && fact.spawned.length === 1 && fact.spawned[0] === name) lines.push(`Agentry calls ${name} an old name${target ? ` of ${target}` : ''}; Claude Code still gives it as ${name}`);
    else if (target && fact && 'refused' in fact && reachable.has(target)) lines.push(`Agentry maps ${name} to ${target}; Claude Code does not (${fact.refused})`);
  }
  return lines;
}
