// Names inherited from Object.prototype (`constructor`, `toString`) are not
// model aliases, built-in tools or legacy tools.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { hover } from '../../../server/src/service/features/hover/hover';
import { isKnownModel, modelAlias } from '../../../server/src/service/schema/models';
import { builtinTool, isBuiltinTool, mappedToolOf, retiredToolOf } from '../../../server/src/service/schema/tools';
import { analyze, codes, withCode } from '../../support/analyze';
import { workspace } from '../features/helpers';

const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];

function hoverText(source: string): string {
  const ws = workspace(source);
  const result = hover(ws.doc, ws.position, ws.ctx, NOT_CANCELLED);
  return result ? (result.contents as MarkupContent).value : '';
}

describe('prototype names', () => {
  it('are not models, built-in tools or legacy tools in the schema lookups', () => {
    for (const name of PROTOTYPE_NAMES) {
      assert.equal(modelAlias(name), undefined, name);
      assert.equal(isKnownModel(name), false, name);
      assert.equal(builtinTool(name), undefined, name);
      assert.equal(isBuiltinTool(name), false, name);
      assert.equal(retiredToolOf(name), undefined, name);
      assert.equal(mappedToolOf(name), undefined, name);
    }
    assert.equal(isBuiltinTool('Read'), true);
    assert.equal(retiredToolOf('LS')?.replacement, 'Glob');
    assert.equal(mappedToolOf('Task'), 'Agent');
    assert.match(modelAlias('sonnet') ?? '', /Sonnet/);
  });

  it('`model: constructor` and `model: toString` get unknown-model', () => {
    for (const model of ['constructor', 'toString']) {
      const { diagnostics } = analyze(`---\nname: test-agent\ndescription: x\nmodel: ${model}\n---\n`);
      assert.equal(withCode(diagnostics, 'unknown-model').length, 1, model);
    }
  });

  it('a tool named `constructor` or `toString` is an unknown tool', () => {
    const { diagnostics } = analyze('---\nname: test-agent\ndescription: x\ntools: Read, constructor, toString\n---\n');
    assert.deepEqual(codes(diagnostics), ['unknown-tool', 'unknown-tool']);
  });

  it('hovers do not describe them as a model id or a tool (the unknown-* diagnostic speaks)', () => {
    assert.equal(hoverText('---\nname: test-agent\ndescription: x\nmodel: constr|uctor\n---\n'), '');
    assert.equal(hoverText('---\nname: test-agent\ndescription: x\ntools: Read, toStr|ing\n---\n'), '');
  });
});
