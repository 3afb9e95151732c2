// Code actions: every quick fix applied to every seed and re-validated (the
// fixed kind decreases and nothing outside the edited ranges changes), the
// rename-file fix as a RenameFile change, and source.fixAll.agentry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, createAgentService, type AgentDocument } from '../../../server/src/service';
import { codeActions } from '../../../server/src/service/features/fixes/codeActions';
import { FIX_ALL_KIND } from '../../../server/src/service/features/fixes/fixAllKind';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { agentSkeleton } from '../../../server/src/service/text/agentSkeleton';
import { allSeeds } from '../../support/fixtures';
import { AGENTS } from './helpers';

const SUPPORT = { documentChanges: true, renameFiles: true };

/** Asserts that `result` is `original` with only the edited ranges replaced. */
function assertOnlyEdited(doc: AgentDocument, edits: TextEdit[], result: string): void {
  const spans = edits.map((e) => ({ start: doc.textDocument.offsetAt(e.range.start), end: doc.textDocument.offsetAt(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start);
  let from = 0;
  let at = 0;
  for (const span of spans) {
    const kept = doc.text.slice(from, span.start);
    assert.equal(result.slice(at, at + kept.length), kept);
    at += kept.length + span.text.length;
    from = span.end;
  }
  assert.equal(result.slice(at), doc.text.slice(from));
}

function loadSeeds() {
  const service = createAgentService();
  const docs = allSeeds().map((s) => service.parse(`${AGENTS}/${s.name.replace(/\.txt$/, '')}.md`, 1, s.text));
  for (const doc of docs) service.indexDocument(doc);
  return { service, docs };
}

describe('quick fixes on every seed', () => {
  const { service, docs } = loadSeeds();
  const count = (diagnostics: Diagnostic[], code: unknown) => diagnostics.filter((d) => d.code === code).length;

  for (const doc of docs) {
    it(`${doc.uri.slice(AGENTS.length + 1)}: each fix removes a diagnostic of its kind and touches nothing else`, () => {
      const diagnostics = service.validate(doc);
      let applied = 0;
      for (const diagnostic of diagnostics) {
        for (const fix of service.fixes(doc, diagnostic)) {
          if (fix.create) {
            // A new file: the reference resolves once it is in the workspace.
            const created = service.parse(fix.create.uri, 1, fix.create.text);
            service.indexDocument(created);
            const after = service.validate(service.parse(doc.uri, doc.version + 1, doc.text));
            service.removeFromIndex(created.uri);
            service.forget(created.uri);
            service.parse(doc.uri, doc.version, doc.text);
            assert.ok(count(after, diagnostic.code) < count(diagnostics, diagnostic.code), `${fix.title} (${diagnostic.code})`);
            applied++;
            continue;
          }
          const text = applyEdits(doc.text, fix.edits);
          assertOnlyEdited(doc, fix.edits, text);
          const uri = fix.rename?.newUri ?? doc.uri;
          service.removeFromIndex(doc.uri);
          const fixed = service.parse(uri, doc.version + 1, text);
          service.indexDocument(fixed);
          const after = service.validate(fixed);
          service.removeFromIndex(uri);
          service.forget(uri);
          service.indexDocument(doc);
          assert.ok(count(after, diagnostic.code) < count(diagnostics, diagnostic.code), `${fix.title} (${diagnostic.code})`);
          applied++;
        }
      }
      assert.ok(applied > 0);
    });
  }

  it('fix-all of every seed leaves only diagnostics that need a person', () => {
    for (const doc of docs) {
      const diagnostics = service.validate(doc);
      const edits = service.fixAll(doc, diagnostics);
      const text = applyEdits(doc.text, edits);
      assertOnlyEdited(doc, edits, text);
      const after = service.validate(service.parse(`${doc.uri}.fixed`, 1, text));
      for (const code of ['yaml-lenient-value', 'legacy-tool', 'mojibake']) assert.equal(count(after, code), 0, `${doc.uri} ${code}`);
    }
  });
});

describe('code actions', () => {
  const { service, docs } = loadSeeds();
  const doc = docs[0];
  const diagnostics = service.validate(doc);

  it('offers quick fixes for the request diagnostics, preferred ones marked, with versioned edits', () => {
    const lenient = diagnostics.filter((d) => d.code === 'yaml-lenient-value');
    const actions = codeActions(doc, service, { diagnostics: lenient, allDiagnostics: diagnostics }, SUPPORT, NOT_CANCELLED);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [
        ['Quote the `description` value', 'quickfix', true],
        ['Make `description` a `>-` block scalar', 'quickfix', undefined],
        ['Disable `yaml-lenient-value` for this line', 'quickfix', undefined],
        ['Fix all auto-fixable Agentry problems', FIX_ALL_KIND, undefined],
      ],
    );
    assert.deepEqual(actions[0].diagnostics, lenient);
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: doc.uri, version: doc.version });
  });

  it('renames the file through a RenameFile change only when the client supports it', () => {
    const mismatch = diagnostics.filter((d) => d.code === 'name-file-mismatch');
    const request = { diagnostics: mismatch, allDiagnostics: diagnostics, only: ['quickfix'] };
    const [rename] = codeActions(doc, service, request, SUPPORT, NOT_CANCELLED);
    assert.deepEqual(rename.edit!.documentChanges, [{ kind: 'rename', oldUri: doc.uri, newUri: `${AGENTS}/senior-backend-developer.md`, options: { overwrite: false, ignoreIfExists: false } }]);
    const titles = codeActions(doc, service, request, { documentChanges: true, renameFiles: false }, NOT_CANCELLED).map((a) => a.title);
    assert.deepEqual(titles, ['Disable `name-file-mismatch` for this line']);
  });

  it('answers `only: [source.fixAll]` with the fix-all action alone, as plain changes for clients without documentChanges', () => {
    const actions = codeActions(doc, service, { diagnostics, allDiagnostics: diagnostics, only: ['source.fixAll'] }, { documentChanges: false, renameFiles: false }, NOT_CANCELLED);
    assert.deepEqual(
      actions.map((a) => a.kind),
      [FIX_ALL_KIND],
    );
    assert.ok(actions[0].edit!.changes![doc.uri].length > 0);
  });
});

describe('related information of rule problems', () => {
  const related = (text: string, code: string) => {
    const service = createAgentService();
    const doc = service.parse(`${AGENTS}/a.md`, 1, text);
    return service
      .validate(doc)
      .find((d) => d.code === code)
      ?.relatedInformation?.map((r) => [r.location.range.start.line, r.message]);
  };
  const head = '---\nname: a\ndescription: b\n---\nYOU ARE BOUND BY THE FOLLOWING 2 RULES.\n';

  it('points a duplicate rule at its first definition and an out-of-order rule at the rule before it', () => {
    assert.deepEqual(related(`${head}**Rule 1: A**\n- x\n**Rule 1: B**\n- y\n`, 'duplicate-rule'), [[5, 'Rule 1 is first defined here']]);
    assert.deepEqual(related(`${head}**Rule 2: A**\n- x\n**Rule 1: B**\n- y\n`, 'rule-order'), [[5, 'Rule 2 is defined here']]);
  });

  it('points a rule count mismatch at the rules beyond the declared count', () => {
    assert.deepEqual(related(`${head}**Rule 1: A**\n- x\n**Rule 2: B**\n- y\n**Rule 3: C**\n- z\n`, 'rule-count-mismatch'), [[9, 'Rule 3 is beyond the declared 2']]);
  });
});

describe('Create agent `x` (unknown-agent-reference)', () => {
  const CREATE = { documentChanges: true, renameFiles: true, createFiles: true };
  const referring = '---\nname: lead\ndescription: Leads.\n---\n## Cross-Agent Validation\n- **api-designer**: checks the API\n';
  const setup = (uri = `${AGENTS}/team/lead.md`) => {
    const service = createAgentService();
    const doc = service.parse(uri, 1, referring);
    service.indexDocument(doc);
    // Names are checked once the workspace has another agent.
    service.indexDocument(service.parse(`${AGENTS}/reviewer.md`, 1, '---\nname: reviewer\ndescription: Reviews.\n---\n'));
    const diagnostics = service.validate(doc).filter((d) => d.code === 'unknown-agent-reference');
    assert.equal(diagnostics.length, 1);
    const actions = codeActions(doc, service, { diagnostics, allDiagnostics: diagnostics, only: ['quickfix'] }, CREATE, NOT_CANCELLED);
    return { service, doc, diagnostics, actions, create: actions.find((a) => a.title === 'Create agent `api-designer`') };
  };

  it('creates .claude/agents/<name>.md from the New Agent skeleton without overwriting, and the name then resolves', () => {
    const { service, doc, diagnostics, create } = setup();
    assert.ok(create);
    const [file, insert] = create.edit!.documentChanges! as [{ kind: string; uri: string; options: unknown }, TextDocumentEdit];
    assert.deepEqual(file, { kind: 'create', uri: `${AGENTS}/api-designer.md`, options: { overwrite: false, ignoreIfExists: false } });
    assert.equal(insert.textDocument.uri, `${AGENTS}/api-designer.md`);
    const text = (insert.edits[0] as TextEdit).newText;
    assert.equal(text, agentSkeleton('api-designer'));
    assert.deepEqual(insert.edits[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const created = service.parse(`${AGENTS}/api-designer.md`, 1, text);
    service.indexDocument(created);
    assert.deepEqual(
      service.validate(created).map((d) => d.code),
      [],
      'the new agent has no problem',
    );
    const after = service.validate(service.parse(doc.uri, 2, doc.text));
    assert.deepEqual(
      after.filter((d) => d.code === 'unknown-agent-reference'),
      [],
      `still: ${diagnostics[0].message}`,
    );
  });

  it('is not offered when that file is an agent already, nor to clients that cannot create files; next to an agent outside .claude/agents', () => {
    const { service, doc, diagnostics } = setup();
    service.indexDocument(service.parse(`${AGENTS}/api-designer.md`, 1, '---\nname: other-name\ndescription: x\n---\n'));
    const request = { diagnostics, allDiagnostics: diagnostics, only: ['quickfix'] };
    assert.ok(!codeActions(doc, service, request, CREATE, NOT_CANCELLED).some((a) => a.title.startsWith('Create agent')));
    const noCreate = codeActions(setup().doc, setup().service, request, SUPPORT, NOT_CANCELLED);
    assert.ok(!noCreate.some((a) => a.title.startsWith('Create agent')));
    const outside = setup('file:///ws/prompts/agents/lead.md').create!;
    assert.equal((outside.edit!.documentChanges![0] as { uri: string }).uri, 'file:///ws/prompts/agents/api-designer.md');
  });

  it('never goes into fix-all', () => {
    const { service, doc } = setup();
    assert.deepEqual(service.fixAll(doc, service.validate(doc)), []);
  });
});
