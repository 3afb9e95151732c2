// Trust: configuration is data (parsed as JSON, never run).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../server/src/service/config/config';
import { runCli, tempProject } from '../../support/cli';

const SLOW = { timeout: 60_000 };
const AGENT = { 'agents/ok.md': '---\nname: ok\ndescription: Fine.\n---\n' };

describe('trust', () => {
  it('a .agentry.json holding JavaScript is refused as not JSON, and none of it runs', SLOW, () => {
    const marker = path.join(tempProject({}), 'ran');
    const write = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
    const script = `module.exports = (${write}, { severity: {} });\n`;
    const objectLiteral = `{ severity: {}, ignore: [${write}] }\n`;
    for (const text of [script, objectLiteral]) {
      const project = tempProject({ ...AGENT, '.agentry.json': text });
      const run = runCli(['check', '.'], project);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /\.agentry\.json: not valid JSON: /);
      assert.equal(existsSync(marker), false, 'the config ran');
    }
    assert.match((parseConfig(script) as { error: string }).error, /^not valid JSON: /);
  });

  it('config keys are checked, and a __proto__ key pollutes nothing', () => {
    const polluted = parseConfig('{ "__proto__": { "polluted": true }, "severity": { "__proto__": "off" } }');
    assert.ok('config' in polluted);
    assert.deepEqual(polluted.problems, ['`__proto__` is not a setting Agentry knows; ignored'], 'an unknown key is left out');
    assert.equal(Object.getPrototypeOf(polluted.config), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const severity = polluted.config.severity!;
    assert.equal(Object.getPrototypeOf(severity), Object.prototype);
    assert.equal(({} as Record<string, unknown>).off, undefined);
    const toString = parseConfig('{ "rulesDocument": { "toString": "x" } }');
    assert.ok('config' in toString && toString.config.rulesDocument === undefined && toString.problems.length === 1);
    assert.deepEqual(parseConfig('{ "extraTools": ["MyTool"] }'), { config: { extraTools: ['MyTool'] }, problems: [] });
  });
});
