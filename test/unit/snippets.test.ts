// snippets/agentry.json: valid snippet syntax, choices in step with the schema,
// and the agent skeleton (the New Agent command's text) a clean agent file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { agentNameProblem, agentSkeleton, agentSkeletonSnippet, snippetBody } from '../../server/src/service/text/agentSkeleton';
import { yamlScalar } from '../../server/src/service/schema/yamlScalar';
import { parseSnippet, resolveSnippet, SnippetSyntaxError, type SnippetNode } from '../../server/src/service/text/snippetSyntax';
import { snippetChoices } from '../support/snippetChoices';
import { ENFORCEMENT_SECTIONS } from '../../server/src/service/config/config';
import { COLORS } from '../../server/src/service/schema/frontmatterSchema';
import { NAME_PATTERN } from '../../server/src/service/schema/agentName';
import { MODEL_ALIASES } from '../../server/src/service/schema/models';
import { sectionTemplate } from '../../server/src/service/schema/sectionTemplates';
import { analyze } from '../support/analyze';
import { REPO_ROOT } from '../support/fixtures';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const SNIPPETS = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets/agentry.json'), 'utf8')) as Record<string, Snippet>;
const NAMES = Object.keys(SNIPPETS);

function frontmatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, `frontmatter in:\n${text.slice(0, 200)}`);
  return parseYaml(match[1]) as Record<string, unknown>;
}

function tabstops(nodes: SnippetNode[], into = new Set<number>()): Set<number> {
  for (const node of nodes) {
    if (node.kind === 'tabstop' || node.kind === 'choice') into.add(node.index);
    if (node.kind === 'tabstop') tabstops(node.children, into);
    if (node.kind === 'variable' && node.children) tabstops(node.children, into);
  }
  return into;
}

describe('snippet file', () => {
  it('has the expected snippets, each with an agent- prefix, a description and a body', () => {
    for (const expected of ['Agent file', 'Agent frontmatter', 'Rule definition', 'PRE-EXECUTION VALIDATION', 'VIOLATION RESPONSE', 'Cross-Agent Validation', 'Success Criteria', 'When Invoked', 'Description example']) {
      assert.ok(NAMES.includes(expected), `snippet "${expected}"`);
    }
    const prefixes = NAMES.flatMap((name) => [SNIPPETS[name].prefix].flat());
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    for (const name of NAMES) {
      const snippet = SNIPPETS[name];
      for (const prefix of [snippet.prefix].flat()) assert.match(prefix, /^agent(-[a-z]+)*$/, `${name}: prefix ${prefix}`);
      assert.ok(snippet.description.length > 10, `${name}: description`);
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${name}: body`);
    }
  });

  it('parses every body as a snippet: closed placeholders, tab stops numbered from 1 without gaps, ending at $0', () => {
    for (const name of NAMES) {
      const nodes = parseSnippet(snippetBody(name));
      const stops = [...tabstops(nodes)].sort((a, b) => a - b);
      const numbered = stops.filter((n) => n > 0);
      assert.deepEqual(
        numbered,
        numbered.map((_, i) => i + 1),
        `${name}: tab stops ${stops.join(', ')}`,
      );
      assert.equal(stops[0], 0, `${name}: has $0`);
      assert.match(snippetBody(name), /\$0$/, `${name}: $0 comes last`);
    }
  });

  it('offers the valid models and every valid color as choices', () => {
    let checked = 0;
    for (const name of NAMES) {
      for (const options of snippetChoices(snippetBody(name)).values()) {
        if (options.includes('sonnet')) {
          for (const model of ['sonnet', 'opus', 'haiku', 'inherit']) assert.ok(options.includes(model), `${name}: model ${model}`);
          for (const model of options) assert.ok(model in MODEL_ALIASES, `${name}: ${model} is a model alias`);
          checked++;
        } else if (options.includes('blue')) {
          assert.deepEqual([...options].sort(), [...COLORS].sort(), `${name}: colors`);
          checked++;
        } else {
          assert.fail(`${name}: unexpected choice ${options.join(',')}`);
        }
      }
    }
    assert.equal(checked, 4, 'a model and a color choice in both frontmatter snippets');
  });

  it('gives the missing-section fix the section snippet with its defaults, which the linter then finds', () => {
    for (const section of ENFORCEMENT_SECTIONS) {
      const text = sectionTemplate(section);
      assert.equal(text, resolveSnippet(snippetBody(section)).trimEnd(), section);
      assert.doesNotMatch(text, /\$\{|\$\d/, 'no snippet syntax left');
    }
    assert.equal(sectionTemplate('Tool Usage'), '### Tool Usage\n', 'a section without a snippet: its heading');
    assert.equal(sectionTemplate('constructor'), '### constructor\n', 'not a property of every object');
  });

  it('starts the section snippets with the headings the linter requires and its fixes insert', () => {
    for (const section of ENFORCEMENT_SECTIONS) {
      const heading = sectionTemplate(section).split('\n')[0];
      assert.ok(
        NAMES.some((name) => snippetBody(name).split('\n')[0] === heading),
        `a snippet starts with "${heading}"`,
      );
    }
  });

  it('keeps YAML valid in the description snippets', () => {
    const text = resolveSnippet(snippetBody('Description with examples'), { variables: { TM_FILENAME_BASE: 'code-reviewer' } });
    const parsed = parseYaml(text) as { description: string };
    assert.match(parsed.description, /^Use this agent/);
    assert.match(parsed.description, /<example>\nContext: [^\n]+\nuser: "[^"]+"\nassistant: "I'll use the code-reviewer agent/);
    assert.match(parsed.description, /<\/commentary>\n<\/example>\n$/);
  });
});

describe('snippet syntax', () => {
  it('resolves placeholders to their defaults, choices to the first option, mirrors and variables', () => {
    assert.equal(resolveSnippet('a ${1:one} b ${2|x,y|} c $1 ${TM_FILENAME_BASE} ${UNKNOWN:dflt} $0'), 'a one b x c one  dflt ');
    assert.equal(resolveSnippet('${1:outer ${2:inner}} $2', { variables: {} }), 'outer inner inner');
    assert.equal(resolveSnippet('name: ${1:${TM_FILENAME_BASE}}', { variables: { TM_FILENAME_BASE: 'my-agent' } }), 'name: my-agent');
    assert.equal(resolveSnippet('${1:a} ${2:b}', { tabstops: { 2: 'B' } }), 'a B');
    assert.equal(resolveSnippet('cost: \\$5 \\} \\\\ ${1|a\\,b,c|}'), 'cost: $5 } \\ a,b');
    assert.equal(resolveSnippet('$ 5 and a } alone'), '$ 5 and a } alone');
  });

  it('rejects unclosed placeholders and choices, and transforms', () => {
    for (const bad of ['${1:open', '${1|a,b}', '${1|a,b|', 'x ${name', '${1/(.*)/$1/}', '${:x}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
  });
});

describe('agent skeleton (New Agent)', () => {
  it('is the "Agent file" snippet: as a snippet, tab stops for the name, the description and the tools; as text, their defaults with the name', () => {
    const snippet = agentSkeletonSnippet();
    assert.equal(snippet, snippetBody('Agent file'));
    const stops = parseSnippet(snippet).flatMap((node) => (node.kind === 'tabstop' ? [node.index] : []));
    assert.deepEqual(stops.slice(0, 3), [1, 2, 3]);
    const lines = snippet.split('\n');
    for (const [stop, key] of [
      [1, 'name'],
      [2, 'description'],
      [3, 'tools'],
    ] as const)
      assert.ok(lines.find((line) => line.startsWith(`${key}: `))?.startsWith(`${key}: \${${stop}:`), `${key} is tab stop ${stop}`);
    const text = agentSkeleton('api-reviewer');
    assert.equal(text, resolveSnippet(snippet, { variables: { TM_FILENAME_BASE: 'api-reviewer' } }));
    assert.equal(frontmatterOf(text).name, 'api-reviewer');
    assert.doesNotMatch(text, /\$\{|\$\d/, 'no snippet syntax left');
    assert.ok(text.endsWith('\n'));
  });

  it('yamlScalar keeps any value intact through YAML', () => {
    for (const description of ['Reviews code: quality and security', 'Uses # comments', '"Quoted" start', '- dash start', 'yes', '42', 'Trailing colon:', 'Unicode ✓ – fine', "It's fine"]) {
      assert.equal(parseYaml(`k: ${yamlScalar(description)}`).k, description, `yamlScalar(${description})`);
    }
    assert.equal(yamlScalar('Plain words, commas too'), 'Plain words, commas too', 'plain when safe');
  });

  it('is a plain agent the linter accepts without a single diagnostic, alone in a fresh workspace, referring to no agent', () => {
    const text = agentSkeleton('api-reviewer');
    const { diagnostics, doc } = analyze(text, { uri: 'file:///ws/.claude/agents/api-reviewer.md' });
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}: ${d.message}`),
      [],
    );
    assert.deepEqual([doc.declaredRuleCount, doc.rules.length, doc.crossAgentReferences.length, doc.agentToolReferences.length], [undefined, 0, 0, 0], 'no rule-enforcement block, no agent references');
    assert.ok(!/proactive_triggers/.test(text));
    const frontmatter = resolveSnippet(snippetBody('Agent frontmatter'), { variables: { TM_FILENAME_BASE: 'code-reviewer' } });
    assert.deepEqual(
      analyze(frontmatter, { uri: 'file:///ws/.claude/agents/code-reviewer.md' }).diagnostics.map((d) => d.code),
      [],
    );
  });

  it('accepts exactly the names Claude Code accepts', () => {
    for (const name of ['code-reviewer', 'a', 'agent2', 'x-1-y']) {
      assert.equal(agentNameProblem(name), undefined, name);
      assert.ok(NAME_PATTERN.test(name));
    }
    for (const name of ['', 'Code-Reviewer', 'code_reviewer', '-x', 'x-', 'a--b', 'a b', 'a/b', '../x', 'a.md']) {
      assert.ok(agentNameProblem(name), `${name} is rejected`);
      assert.ok(!NAME_PATTERN.test(name));
    }
    assert.match(agentNameProblem('Reviewer')!, /lowercase/);
    assert.match(agentNameProblem('a--b')!, /hyphen/i);
  });
});
