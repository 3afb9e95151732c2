// Outline, folding and workspace symbols.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../../server/src/service/features/navigation/documentSymbols';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { foldingRanges } from '../../../server/src/service/features/navigation/foldingRanges';
import { workspaceSymbols } from '../../../server/src/service/features/navigation/workspaceSymbols';
import { seed } from '../../support/fixtures';
import { agentUri, workspace } from './helpers';

const TEXT = '---\nname: a\ndescription: Does things.\n---\n# Agent\n\n## Rules\n\n**Rule 1: First**\n- x\n- y\n\n**Rule 2: Second**\n- z\n\n## Other\ntext\n';

function tree(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...tree(s.children ?? [], depth + 1)]);
}

describe('document symbols', () => {
  it('nests the frontmatter keys, the sections by level and the rules under their section', () => {
    const { doc } = workspace(TEXT);
    assert.deepEqual(tree(documentSymbols(doc, NOT_CANCELLED)), ['Frontmatter', '  name', '  description', 'Agent', '  Rules', '    Rule 1: First', '    Rule 2: Second', '  Other']);
  });

  it('lists only the frontmatter and the rules where the editor lists the headings', () => {
    const { doc } = workspace(TEXT);
    assert.deepEqual(tree(documentSymbols(doc, NOT_CANCELLED, { headings: false })), ['Frontmatter', '  name', '  description', 'Rule 1: First', 'Rule 2: Second']);
  });

  it('keeps every child range inside its parent on seed 000', () => {
    const { doc } = workspace({ text: seed('000').text, offset: 0 });
    const symbols = documentSymbols(doc, NOT_CANCELLED);
    const check = (parent: DocumentSymbol) => {
      for (const child of parent.children ?? []) {
        assert.ok(child.range.start.line >= parent.range.start.line && child.range.end.line <= parent.range.end.line, `${child.name} in ${parent.name}`);
        check(child);
      }
    };
    symbols.forEach(check);
    const rules = tree(symbols).filter((s) => s.trim().startsWith('Rule '));
    assert.equal(rules.length, 20);
  });
});

describe('folding ranges', () => {
  it('folds the frontmatter, each section and each rule block', () => {
    const { doc } = workspace(TEXT);
    const ranges = foldingRanges(doc, NOT_CANCELLED).map((r) => `${r.startLine}-${r.endLine}`);
    assert.deepEqual(ranges.sort(), ['0-3', '12-13', '15-16', '4-16', '6-13', '8-10'].sort());
  });
});

describe('workspace symbols', () => {
  it('finds agents by name letters in order or by a description word', () => {
    const { service } = workspace(TEXT, agentUri('a'), {
      others: { [agentUri('code-reviewer')]: '---\nname: code-reviewer\ndescription: Reviews security.\n---\n' },
    });
    assert.deepEqual(
      workspaceSymbols('crv', service.index, NOT_CANCELLED).map((s) => s.name),
      ['code-reviewer'],
    );
    assert.deepEqual(
      workspaceSymbols('security', service.index, NOT_CANCELLED).map((s) => s.name),
      ['code-reviewer'],
    );
    assert.deepEqual(
      workspaceSymbols('', service.index, NOT_CANCELLED).map((s) => s.name),
      ['a', 'code-reviewer'],
    );
  });
});
