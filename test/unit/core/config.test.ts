// The configuration file: what is valid applies, what is wrong is left out with a sentence.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../../server/src/service/config/config';

describe('parseConfig', () => {
  it('a wrong severity drops that entry only; an unknown key is ignored with a message', () => {
    const result = parseConfig(JSON.stringify({ severity: { 'unknown-key': 'of', mojibake: 'error' }, 'unknown-key': 'off', extraTools: ['T'] }));
    assert.ok('config' in result);
    assert.deepEqual(result.config, { severity: { mojibake: 'error' }, extraTools: ['T'] });
    assert.deepEqual(result.problems, ['`severity.unknown-key`: "of" is not one of error, warning, information, hint, off; ignored', '`unknown-key` is not a setting Agentry knows; ignored']);
  });

  it('a value of the wrong type drops that key; a valid config has no problem', () => {
    const result = parseConfig('{"requiredSections": "When Invoked", "rulesDocument": "CLAUDE.md", "severity": 3}');
    assert.ok('config' in result);
    assert.deepEqual(result.config, { rulesDocument: 'CLAUDE.md' });
    assert.equal(result.problems.length, 2);
    assert.match(result.problems[0], /^`requiredSections`: .*; ignored$/);
    assert.deepEqual(parseConfig('{"$schema": "x", "requiredSections": null, "severity": {"mojibake": "off"}}'), { config: { $schema: 'x', requiredSections: null, severity: { mojibake: 'off' } }, problems: [] });
  });

  it('text that is not a JSON object is an error: nothing of it applies', () => {
    assert.match((parseConfig('{ "severity": ') as { error: string }).error, /^not valid JSON/);
    assert.deepEqual(parseConfig('[1]'), { error: 'config: not a JSON object' });
    assert.deepEqual(parseConfig('{"name": "x"}', true), { config: {}, problems: [] });
    assert.deepEqual(parseConfig('{"agentry": {"sevrity": {}}}', true), { config: {}, problems: ['`sevrity` is not a setting Agentry knows; ignored'] });
  });
});
