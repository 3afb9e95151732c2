// Every expectation the seeds define, stated as a test.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allSeeds, agentUri, seed } from '../../support/fixtures';
import { analyze, codes, withCode } from '../../support/analyze';
import { createAgentService } from '../../../server/src/service';

const LENIENT_SEEDS = ['000', '001', '002', '003'];

describe('seeds', () => {
  for (const s of allSeeds()) {
    it(`${s.name} has no error-severity diagnostic (Claude Code loads it)`, () => {
      const { diagnostics } = analyze(s.text);
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 1),
        [],
      );
    });
  }

  it('reads the unquoted `: ` descriptions of 000–003 leniently, with a warning, and 004 strictly', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { doc, diagnostics } = analyze(seed(prefix).text);
      const description = doc.frontmatter!.fields.find((f) => f.key === 'description')!;
      assert.equal(typeof description.value, 'string');
      const lenient = withCode(diagnostics, 'yaml-lenient-value');
      assert.equal(lenient.length, LENIENT_SEEDS.includes(prefix) ? 1 : 0, prefix);
      if (lenient.length) assert.equal(lenient[0].range.start.line, 2);
    }
    assert.match(analyze(seed('000').text).doc.frontmatter!.fields[1].value as string, /^Senior backend engineer with 20\+ years experience: APIs/);
  });

  it('003 and 004 declare 19 rules but define 1–4 and 19: says which are missing', () => {
    for (const prefix of ['003', '004']) {
      const { doc, diagnostics } = analyze(seed(prefix).text);
      assert.deepEqual(
        doc.rules.map((r) => r.number),
        [1, 2, 3, 4, 19],
      );
      const [mismatch] = withCode(diagnostics, 'rule-count-mismatch');
      assert.match(mismatch.message, /Declares 19 rules but defines 5; missing 5–18/);
      assert.equal(mismatch.range.start.line, 8);
    }
  });

  it('000–002 define Rules 1–20 with bullets, matching their declared 20', () => {
    for (const prefix of ['000', '001', '002']) {
      const { doc, diagnostics } = analyze(seed(prefix).text);
      assert.equal(doc.declaredRuleCount?.count, 20);
      assert.deepEqual(
        doc.rules.map((r) => r.number),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      assert.ok(doc.rules.every((r) => r.bullets.length === 10));
      assert.deepEqual(withCode(diagnostics, 'rule-count-mismatch'), []);
    }
    const rule18 = analyze(seed('000').text).doc.rules[17];
    assert.equal(rule18.title, 'Mandatory Documentation Review - Backend Knowledge');
  });

  it('finds the `Rule 18` reference of 000 on line 33 and the declared count on line 23', () => {
    const { doc } = analyze(seed('000').text);
    const ref = doc.ruleReferences.find((r) => doc.textDocument.positionAt(r.span.start).line === 32);
    assert.equal(ref?.number, 18);
    assert.equal(doc.textDocument.positionAt(doc.declaredRuleCount!.span.start).line, 22);
  });

  it('reports mojibake in 000, 001, 003 and 004 with the repaired text, none in 002', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const mojibake = withCode(analyze(seed(prefix).text).diagnostics, 'mojibake');
      if (prefix === '002') assert.equal(mojibake.length, 0);
      else {
        assert.ok(mojibake.length >= 2, prefix);
        assert.match(mojibake[0].message, /`ðŸš¨` is `🚨`/);
        assert.equal((mojibake[0].data as { repaired: string }).repaired, '🚨');
      }
    }
  });

  it('flags the retired MultiEdit and LS in 000–002, and not Task, which Claude Code still maps to Agent', () => {
    for (const prefix of ['000', '001', '002']) {
      const { diagnostics } = analyze(seed(prefix).text);
      assert.deepEqual(
        withCode(diagnostics, 'legacy-tool').map((d) => d.message.split('`')[1]),
        ['MultiEdit', 'LS'],
      );
      assert.ok(!diagnostics.some((d) => d.message.includes('`Task`')));
      assert.equal(withCode(diagnostics, 'unknown-tool').length, 0);
    }
  });

  it('reads the proactive_triggers list and the Cross-Agent Validation agents', () => {
    const { doc } = analyze(seed('000').text);
    const triggers = doc.frontmatter!.fields.find((f) => f.key === 'proactive_triggers')!;
    assert.equal(triggers.items.length, 11);
    assert.equal(triggers.items[0].text, 'api_design_and_implementation_needed');
    assert.deepEqual(
      doc.crossAgentReferences.map((r) => r.name),
      ['expert-code-reviewer', 'testing-qa-validator', 'rules-enforcer', 'system-architect', 'security-auditor', 'database-optimizer', 'enterprise-architect'],
    );
    assert.deepEqual(
      analyze(seed('003').text).doc.crossAgentReferences.map((r) => r.name),
      ['code-reviewer', 'testing-qa-validator', 'rules-enforcer', 'security-auditor'],
    );
  });

  it('requires the enforcement sections: 002 lacks Cross-Agent Validation, 003 and 004 lack Success Criteria', () => {
    const missing = (prefix: string) => withCode(analyze(seed(prefix).text).diagnostics, 'missing-section').map((d) => (d.data as { section: string }).section);
    assert.deepEqual(missing('000'), []);
    assert.deepEqual(missing('002'), ['Cross-Agent Validation']);
    assert.deepEqual(missing('003'), ['Success Criteria']);
    assert.deepEqual(missing('004'), ['Success Criteria']);
  });

  it('ignores `#` lines inside code fences of 002 when reading headings', () => {
    const { doc } = analyze(seed('002').text);
    assert.ok(!doc.headings.some((h) => h.text === 'Production-Ready Circuit Breaker Implementation'));
    assert.deepEqual(withCode(analyze(seed('002').text).diagnostics, 'heading-skip'), []);
  });

  it('in one workspace, 000 and 003 share the name senior-backend-developer', () => {
    const service = createAgentService();
    const docs = allSeeds().map((s) => service.parse(agentUri(s.name.replace('.txt', '')), 0, s.text));
    docs.forEach((d) => service.indexDocument(d));
    const duplicates = docs.map((d) => withCode(service.validate(d), 'duplicate-agent-name'));
    assert.deepEqual(
      duplicates.map((d) => d.length),
      [1, 1, 0, 1, 1],
    );
    assert.match(duplicates[0][0].message, /senior-backend-developer/);
    assert.equal(duplicates[0][0].relatedInformation?.[0].location.uri, docs[3].uri);
    assert.match(duplicates[1][0].message, /backend-architect/);
  });

  it('reports Cross-Agent references to agents missing from a workspace that has agents', () => {
    const { diagnostics } = analyze(seed('003').text, { others: { 'file:///ws/.claude/agents/code-reviewer.md': '---\nname: code-reviewer\ndescription: Reviews code.\n---\n' } });
    assert.deepEqual(
      withCode(diagnostics, 'unknown-agent-reference').map((d) => (d.data as { name: string }).name),
      ['testing-qa-validator', 'rules-enforcer', 'security-auditor'],
    );
    assert.ok(!codes(analyze(seed('003').text).diagnostics).includes('unknown-agent-reference'));
  });
});
