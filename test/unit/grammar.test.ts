// The injection grammars in syntaxes/, tokenized with vscode-textmate and
// vscode-oniguruma. VS Code's Markdown and YAML grammars are not available
// offline, so a small stand-in with the same scopes and rule shapes (frontmatter
// region, YAML keys as begin/end rules, paragraphs, lists, headings, code)
// hosts the injections. When VS Code's own grammars are found (code-server in
// .tools/, or AGENTRY_VSCODE_EXTENSIONS), the last suite runs on them too.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { parseAgent } from '../../server/src/service/parse/parseAgent';
import { MODEL_ALIASES } from '../../server/src/service/schema/models';
import { COLORS, EFFORT_LEVELS, FRONTMATTER_KEYS, MEMORY_SCOPES, PERMISSION_MODES, TRIGGER_PATTERN } from '../../server/src/service/schema/frontmatterSchema';
import { BUILTIN_TOOLS, OLD_TOOL_NAMES, RETIRED_TOOLS } from '../../server/src/service/schema/tools';
import { allSeeds, REPO_ROOT } from '../support/fixtures';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
};
const INJECTIONS = manifest.contributes.grammars.filter((g) => g.injectTo);
const grammarFile = (scopeName: string): string | undefined => {
  const entry = manifest.contributes.grammars.find((g) => g.scopeName === scopeName);
  return entry && path.join(REPO_ROOT, entry.path);
};

// ---------------------------------------------------------------------------------------------
// A stand-in for VS Code's Markdown grammar (text.html.markdown) and YAML 1.2 grammar.
// ---------------------------------------------------------------------------------------------

const STAND_IN_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#frontMatter' }, { include: '#block' }],
  repository: {
    frontMatter: {
      begin: '\\A(?=(-{3,}))',
      end: '^ {,3}\\1-*[ \\t]*$',
      applyEndPatternLast: 1,
      endCaptures: { 0: { name: 'punctuation.definition.end.frontmatter' } },
      patterns: [
        {
          begin: '\\A(-{3,})(.*)$',
          while: '^(?! {,3}\\1-*[ \\t]*$)',
          beginCaptures: { 1: { name: 'punctuation.definition.begin.frontmatter' } },
          contentName: 'meta.embedded.block.frontmatter',
          patterns: [{ include: 'source.yaml' }],
        },
      ],
    },
    block: { patterns: [{ include: '#fenced' }, { include: '#heading' }, { include: '#list' }, { include: '#paragraph' }] },
    fenced: {
      begin: '(^|\\G)(\\s*)(`{3,})',
      end: '(^|\\G)(\\2)(\\3)\\s*$',
      name: 'markup.fenced_code.block.markdown',
    },
    heading: {
      match: '(?:^|\\G)[ ]{0,3}(#{1,6})\\s+(.*?)\\s*$',
      name: 'markup.heading.markdown',
      captures: { 1: { name: 'punctuation.definition.heading.markdown' }, 2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] } },
    },
    list: {
      begin: '(^|\\G)([ ]{0,3})([-*+]|\\d+[.)])([ \\t])',
      while: '((^|\\G)([ ]{2,4}|\\t))|(^[ \\t]*$)',
      beginCaptures: { 3: { name: 'punctuation.definition.list.begin.markdown' } },
      name: 'markup.list.markdown',
      patterns: [{ include: '#block' }],
    },
    paragraph: {
      begin: '(^|\\G)[ ]{0,3}(?=\\S)',
      while: '(^|\\G)(?!\\s*$|#|[ ]{0,3}([-*+]|\\d+[.)])[ \\t]|[ ]{0,3}`{3,})',
      name: 'meta.paragraph.markdown',
      patterns: [{ include: '#inline' }],
    },
    inline: { patterns: [{ include: '#raw' }, { include: '#bold' }] },
    raw: { match: '(`+)(.+?)(\\1)', name: 'markup.inline.raw.string.markdown' },
    bold: { begin: '\\*\\*(?=\\S)', end: '\\*\\*', name: 'markup.bold.markdown', patterns: [{ include: '#raw' }] },
  },
};

const STAND_IN_YAML = {
  scopeName: 'source.yaml',
  patterns: [
    { match: '(?:^|\\s)(#.*)$', captures: { 1: { name: 'comment.line.number-sign.yaml' } } },
    {
      begin: '(?=[A-Za-z_][\\w-]*[ \\t]*:(?:[ \\t]|$))',
      end: '(?=[ \\t]*:(?:[ \\t]|$))',
      name: 'meta.map.key.yaml string.unquoted.plain.yaml entity.name.tag.yaml',
    },
    {
      begin: ':(?=[ \\t]|$)',
      end: '$',
      beginCaptures: { 0: { name: 'punctuation.separator.map.value.yaml' } },
      name: 'meta.map.value.yaml',
      patterns: [{ begin: '(?=\\S)', end: '(?=[ \\t]+#)|$', name: 'string.unquoted.plain.out.yaml' }],
    },
    { match: '-(?=[ \\t]|$)', name: 'punctuation.definition.block.sequence.item.yaml' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Tokenizing
// ---------------------------------------------------------------------------------------------

interface Token {
  text: string;
  scopes: string[];
  line: number;
}

type Sources = Record<string, () => unknown>;

const onigLib = (async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return {
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  };
})();

async function loadMarkdown(sources: Sources, rootScope = 'text.html.markdown'): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const source = sources[scopeName];
      return source ? (source() as vsctm.IRawGrammar) : null;
    },
    getInjections: (scopeName) => (INJECTIONS.some((g) => g.injectTo!.includes(scopeName)) ? INJECTIONS.map((g) => g.scopeName) : undefined),
  });
  const grammar = await registry.loadGrammar(rootScope);
  assert.ok(grammar, `grammar ${rootScope} loads`);
  return grammar;
}

const ourGrammars = (): Sources =>
  Object.fromEntries(INJECTIONS.map((g) => [g.scopeName, () => vsctm.parseRawGrammar(fs.readFileSync(grammarFile(g.scopeName)!, 'utf8'), grammarFile(g.scopeName))]));

function tokenize(grammar: vsctm.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const t of result.tokens) tokens.push({ text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes, line });
    state = result.ruleStack;
  });
  return tokens;
}

const has = (token: Token | undefined, scope: string): boolean => Boolean(token?.scopes.some((s) => s === scope || s.startsWith(`${scope}.`)));

/** The tokens whose text is exactly `text` (after trimming). */
const named = (tokens: Token[], text: string): Token[] => tokens.filter((t) => t.text.trim() === text);

function scopeOf(tokens: Token[], text: string, line?: number): string[] {
  const token = named(tokens, text).find((t) => line === undefined || t.line === line);
  assert.ok(token, `a token "${text}"${line === undefined ? '' : ` on line ${line}`} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

function assertScope(tokens: Token[], text: string, scope: string, line?: number): void {
  const scopes = scopeOf(tokens, text, line);
  assert.ok(scopes.some((s) => s === scope || s.startsWith(`${scope}.`)), `"${text}" has ${scope}: ${scopes.join(' ')}`);
}

function assertNoScope(tokens: Token[], text: string, scope: string): void {
  for (const token of tokens.filter((t) => t.text.includes(text))) {
    assert.ok(!has(token, scope), `"${token.text}" (line ${token.line}) must not have ${scope}: ${token.scopes.join(' ')}`);
  }
}

const agent = (frontmatter: string, body = ''): string => `---\n${frontmatter}\n---\n${body}`;

// ---------------------------------------------------------------------------------------------

describe('injection grammars', () => {
  it('are valid grammars whose scope names and injection targets match package.json', () => {
    assert.equal(INJECTIONS.length, 3);
    for (const g of INJECTIONS) {
      const raw = JSON.parse(fs.readFileSync(grammarFile(g.scopeName)!, 'utf8')) as { scopeName: string; injectionSelector: string };
      assert.equal(raw.scopeName, g.scopeName);
      assert.match(raw.injectionSelector, /^L:/, 'left priority: wins ties against Markdown and YAML rules');
      assert.deepEqual(g.injectTo, ['text.html.markdown', 'text.html.markdown.prompt']);
    }
    assert.ok(INJECTIONS.some((g) => g.scopeName === 'agentry.injection'));
  });
});

describe('frontmatter (stand-in Markdown and YAML)', () => {
  let grammar: vsctm.IGrammar;
  before(async () => {
    grammar = await loadMarkdown({ 'text.html.markdown': () => STAND_IN_MARKDOWN, 'source.yaml': () => STAND_IN_YAML, ...ourGrammars() });
  });

  it('marks every key Agentry knows, and only top-level known keys', () => {
    const keys = FRONTMATTER_KEYS.map((key) => `${key}: x`).join('\n');
    const tokens = tokenize(grammar, agent(`${keys}\nversion: 1\nhooks:\n  name: nested`));
    FRONTMATTER_KEYS.forEach((key, index) => assertScope(tokens, key, 'support.type.property-name.agentry', index + 1));
    assertScope(tokens, 'version', 'entity.name.tag.yaml');
    assertNoScope(tokens, 'version', 'support.type.property-name.agentry');
    const nested = scopeOf(tokens, 'name', FRONTMATTER_KEYS.length + 3);
    assert.ok(!nested.includes('support.type.property-name.agentry'), `nested key: ${nested.join(' ')}`);
  });

  it('leaves the YAML grammar in charge of the values of plain keys', () => {
    const tokens = tokenize(grammar, agent('name: code-reviewer\ndescription: Reviews code'));
    assertScope(tokens, 'code-reviewer', 'string.unquoted.plain.out.yaml');
    assertScope(tokens, 'code-reviewer', 'meta.map.value.yaml');
    assertScope(tokens, 'Reviews code', 'string.unquoted.plain.out.yaml');
  });

  it('marks every built-in tool name (old names Claude Code maps too) and every retired one in tools:, and nothing else', () => {
    const builtins = [...Object.keys(BUILTIN_TOOLS), ...Object.keys(OLD_TOOL_NAMES)];
    const legacy = Object.keys(RETIRED_TOOLS);
    const tokens = tokenize(grammar, agent(`tools: ${builtins.join(', ')}\ndisallowedTools: ${legacy.join(', ')}, Frob, ReadFile, Reader`));
    for (const tool of builtins) assertScope(tokens, tool, 'support.function.builtin.tool.agentry');
    for (const tool of legacy) assertScope(tokens, tool, 'support.function.builtin.tool.legacy.agentry');
    for (const other of ['Frob', 'ReadFile', 'Reader']) {
      assertNoScope(tokens, other, 'support.function');
      assertScope(tokens, other, 'string.unquoted.plain.out.yaml');
    }
    assertScope(tokens, 'tools', 'support.type.property-name.agentry');
  });

  it('reads block lists, flow lists, quotes, comments and Tool(argument) forms', () => {
    const tokens = tokenize(grammar, agent('tools:\n  - Read\n  - "Grep" # search\n- Bash(git log:*)\ndisallowedTools: [Write, Edit]\nmodel: opus'));
    assertScope(tokens, 'Read', 'support.function.builtin.tool.agentry');
    assertScope(tokens, 'Grep', 'support.function.builtin.tool.agentry');
    assertScope(tokens, 'search', 'comment.line.number-sign.yaml');
    assertScope(tokens, 'Bash', 'support.function.builtin.tool.agentry');
    assertScope(tokens, 'git log:*', 'string.unquoted.tool-argument.agentry');
    assertScope(tokens, 'Write', 'support.function.builtin.tool.agentry');
    assertScope(tokens, '[', 'punctuation.definition.sequence.begin.yaml');
    // The tools entry ends at the next top-level key, which is read normally again.
    assertScope(tokens, 'opus', 'support.constant.model.agentry');
  });

  it('splits mcp__server__tool names into server and tool', () => {
    const tokens = tokenize(grammar, agent('tools: mcp__github__create_issue, mcp__my_db__*, mcp__linear'));
    assertScope(tokens, 'github', 'entity.name.namespace.mcp-server.agentry');
    assertScope(tokens, 'create_issue', 'entity.name.function.mcp-tool.agentry');
    assertScope(tokens, 'my_db', 'entity.name.namespace.mcp-server.agentry');
    assertScope(tokens, '*', 'entity.name.function.mcp-tool.agentry');
    assertScope(tokens, 'linear', 'entity.name.namespace.mcp-server.agentry');
    assert.equal(named(tokens, 'mcp').length, 3);
    named(tokens, 'mcp').forEach((t) => assert.ok(has(t, 'support.function.mcp.agentry')));
  });

  it('marks snake_case trigger ids the way the linter accepts them', () => {
    const ids = ['api_design_needed', 'security_review_required', 'Api-Design', 'apiDesign', 'api__double', '_leading'];
    const tokens = tokenize(grammar, agent(`proactive_triggers:\n${ids.map((id) => `  - ${id}`).join('\n')}`));
    for (const id of ids) {
      assert.equal(has(named(tokens, id)[0], 'constant.other.trigger.agentry'), TRIGGER_PATTERN.test(id), id);
    }
  });

  it('marks the known values of enum keys', () => {
    const cases: [string, readonly string[], string][] = [
      ['model', Object.keys(MODEL_ALIASES), 'support.constant.model.agentry'],
      ['color', COLORS, 'support.constant.color.agentry'],
      ['permissionMode', PERMISSION_MODES, 'support.constant.permission-mode.agentry'],
      ['memory', MEMORY_SCOPES, 'support.constant.memory.agentry'],
      ['effort', EFFORT_LEVELS, 'support.constant.effort.agentry'],
    ];
    for (const [key, values, scope] of cases) {
      for (const value of values) {
        const tokens = tokenize(grammar, agent(`${key}: ${value}`));
        assertScope(tokens, value, scope);
        assertScope(tokens, key, 'support.type.property-name.agentry');
      }
    }
    const unknown = tokenize(grammar, agent('model: gpt-5\ncolor: magenta'));
    assertNoScope(unknown, 'gpt-5', 'support.constant');
    assertNoScope(unknown, 'magenta', 'support.constant');
    assertScope(tokenize(grammar, agent('model: claude-sonnet-4-20250514')), 'claude-sonnet-4-20250514', 'support.constant.model.agentry');
  });

  it('marks <example> and <commentary> tags inside a description', () => {
    const toks = tokenize(grammar, agent('description: Reviews code. <example>Context: x</example>'));
    assertScope(toks, 'example', 'entity.name.tag.example.agentry');
    assertScope(toks, 'Reviews code.', 'string.unquoted.plain.out.yaml');
  });
});

describe('agent body (stand-in Markdown)', () => {
  let grammar: vsctm.IGrammar;
  before(async () => {
    grammar = await loadMarkdown({ 'text.html.markdown': () => STAND_IN_MARKDOWN, 'source.yaml': () => STAND_IN_YAML, ...ourGrammars() });
  });
  const body = (text: string): Token[] => tokenize(grammar, agent('name: a', text));

  it('marks **Rule N: Title** definitions with their number and title, keeping inline Markdown', () => {
    const toks = body('**Rule 12: Never Break `main`** - more');
    assertScope(toks, 'Rule', 'keyword.other.rule.agentry');
    assertScope(toks, '12', 'constant.numeric.rule-number.agentry');
    assertScope(toks, 'Never Break', 'entity.name.section.rule.agentry');
    assertScope(toks, '`main`', 'markup.inline.raw.string.markdown');
    assertScope(toks, '`main`', 'entity.name.section.rule.agentry');
    assertScope(toks, '12', 'markup.bold.markdown');
    assertNoScope(toks, '- more', 'meta.rule.definition.agentry');
  });

  it('marks 📌 Rule N: definitions and rule definitions in list items', () => {
    assertScope(body('📌 Rule 4: Pinned'), '4', 'meta.rule.definition.agentry');
    assertScope(body('- **Rule 5: Listed**\n'), 'Listed', 'entity.name.section.rule.agentry');
  });

  it('marks Rule N references in paragraphs, lists and headings, but not in code', () => {
    const toks = body('Follow Rule 18 first.\n\n- see Rule 3\n\n### Rule 7 in a heading\n\nUse `Rule 9` here.\n\n```\nRule 10 in code\n```\n');
    for (const n of ['18', '3', '7']) assertScope(toks, n, 'constant.numeric.rule-number.agentry');
    assertNoScope(toks, 'Rule 9', 'meta.rule');
    assertNoScope(toks, 'Rule 10', 'meta.rule');
    assertScope(toks, 'Rule 10 in code', 'markup.fenced_code.block.markdown');
  });

  it('marks the declared rule count', () => {
    const toks = body('YOU ARE BOUND BY THE FOLLOWING 20 COMPREHENSIVE CODEBASE RULES.\n');
    assertScope(toks, '20', 'constant.numeric.rule-count.agentry');
    assertScope(toks, 'BOUND BY THE FOLLOWING', 'keyword.other.enforcement.agentry');
    assertScope(toks, 'RULES', 'keyword.other.enforcement.agentry');
  });

  it('marks kebab-case agent names of Cross-Agent Validation items, not other bold labels', () => {
    const toks = body('- **expert-code-reviewer**: Review\n- **MANDATORY**: not an agent\n');
    assertScope(toks, 'expert-code-reviewer', 'entity.name.type.agent.agentry');
    assertNoScope(toks, 'MANDATORY', 'entity.name.type.agent.agentry');
  });

  it('marks Success Criteria checkboxes and MCP tool names in prose', () => {
    const toks = body('- [ ] Open item\n- [x] Done item\n\nQuery with mcp__db__query.\n');
    assert.ok(toks.some((t) => t.text === ' ' && has(t, 'constant.language.checkbox.unchecked.agentry')), 'unchecked box');
    assertScope(toks, 'x', 'constant.language.checkbox.checked.agentry');
    assertScope(toks, 'query', 'entity.name.function.mcp-tool.agentry');
  });

  it('does not treat tool names or key-like lines in prose as frontmatter', () => {
    const toks = body('Read the file, then Edit it.\n\ntools: Read, Grep\n');
    assertNoScope(toks, 'Read', 'support.function');
    assertNoScope(toks, 'tools', 'support.type.property-name.agentry');
  });

  it('agrees with the linter on rule definitions and the declared count in every seed', () => {
    for (const seed of allSeeds()) {
      const toks = tokenize(grammar, seed.text);
      const doc = parseAgent('file:///seed.md', 0, seed.text);
      const defined = toks.filter((t) => has(t, 'meta.rule.definition.agentry') && has(t, 'constant.numeric.rule-number.agentry')).map((t) => Number(t.text));
      assert.deepEqual(defined, doc.rules.map((r) => r.number), `${seed.name}: rule definitions`);
      const count = toks.find((t) => has(t, 'constant.numeric.rule-count.agentry'));
      assert.equal(count && Number(count.text), doc.declaredRuleCount?.count, `${seed.name}: declared count`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// VS Code's own Markdown and YAML grammars, when present
// ---------------------------------------------------------------------------------------------

function vscodeExtensionsDir(): string | undefined {
  const candidates = [process.env.AGENTRY_VSCODE_EXTENSIONS, path.join(REPO_ROOT, '.tools/cs/node_modules/code-server/lib/vscode/extensions')];
  return candidates.find((dir): dir is string => Boolean(dir && fs.existsSync(path.join(dir, 'markdown-basics/syntaxes/markdown.tmLanguage.json'))));
}

const EXTENSIONS = vscodeExtensionsDir();

describe('with VS Code’s Markdown and YAML grammars', { skip: EXTENSIONS ? false : 'VS Code grammars not found (set AGENTRY_VSCODE_EXTENSIONS)' }, () => {
  const real = (): Sources => {
    const file = (relative: string) => () => vsctm.parseRawGrammar(fs.readFileSync(path.join(EXTENSIONS!, relative), 'utf8'), path.join(EXTENSIONS!, relative));
    const sources: Sources = { 'text.html.markdown': file('markdown-basics/syntaxes/markdown.tmLanguage.json') };
    for (const name of fs.readdirSync(path.join(EXTENSIONS!, 'yaml/syntaxes'))) {
      const raw = JSON.parse(fs.readFileSync(path.join(EXTENSIONS!, 'yaml/syntaxes', name), 'utf8')) as { scopeName: string };
      sources[raw.scopeName] = file(path.join('yaml/syntaxes', name));
    }
    const prompt = 'prompt-basics/syntaxes/prompt.tmLanguage.json';
    if (fs.existsSync(path.join(EXTENSIONS!, prompt))) sources['text.html.markdown.prompt'] = file(prompt);
    return sources;
  };
  let plain: vsctm.IGrammar;
  let ours: vsctm.IGrammar;
  before(async () => {
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => (real()[scopeName]?.() as vsctm.IRawGrammar | undefined) ?? null,
    });
    plain = (await registry.loadGrammar('text.html.markdown'))!;
    ours = await loadMarkdown({ ...real(), ...ourGrammars() });
  });

  it('highlights a seed: keys, tools, triggers, rules, the declared count', () => {
    const seed = allSeeds()[0];
    const toks = tokenize(ours, seed.text);
    assertScope(toks, 'proactive_triggers', 'support.type.property-name.agentry');
    assertScope(toks, 'name', 'support.type.property-name.agentry', 1);
    assertScope(toks, 'api_design_and_implementation_needed', 'constant.other.trigger.agentry');
    assertScope(toks, 'TodoWrite', 'support.function.builtin.tool.agentry');
    assertScope(toks, 'MultiEdit', 'support.function.builtin.tool.legacy.agentry');
    assertScope(toks, 'blue', 'support.constant.color.agentry');
    assertScope(toks, '20', 'constant.numeric.rule-count.agentry');
    const doc = parseAgent('file:///seed.md', 0, seed.text);
    const defined = toks.filter((t) => has(t, 'meta.rule.definition.agentry') && has(t, 'constant.numeric.rule-number.agentry')).map((t) => Number(t.text));
    assert.deepEqual(defined, doc.rules.map((r) => r.number));
  });

  it('changes no Markdown or YAML scope outside what it marks, in every seed', () => {
    for (const seed of allSeeds()) {
      const a = scopesPerCharacter(plain, seed.text);
      const b = scopesPerCharacter(ours, seed.text);
      const lines = seed.text.split(/\r?\n/);
      lines.forEach((line, i) => {
        // Lines the frontmatter injection owns (tools, triggers, enum values) carry YAML-like scopes of their own.
        if (b[i].some((scopes) => /meta\.(tools|triggers)\.agentry|support\.constant\.\S+\.agentry/.test(scopes))) return;
        const strip = (scopes: string) => scopes.split(' ').filter((s) => !s.endsWith('.agentry')).join(' ');
        assert.deepEqual(b[i].map(strip), a[i].map(strip), `${seed.name}:${i + 1}: ${line.slice(0, 80)}`);
      });
    }
  });

  it('applies to VS Code’s agent-file language (chatagent, text.html.markdown.prompt)', { skip: !EXTENSIONS || !fs.existsSync(path.join(EXTENSIONS, 'prompt-basics')) }, async () => {
    const prompt = await loadMarkdown({ ...real(), ...ourGrammars() }, 'text.html.markdown.prompt');
    const toks = tokenize(prompt, agent('tools: Read', '**Rule 1: Real**\n'));
    assertScope(toks, 'Read', 'support.function.builtin.tool.agentry');
    assertScope(toks, '1', 'constant.numeric.rule-number.agentry');
  });
});

/** For each line, the scopes of each character (without the root scope). */
function scopesPerCharacter(grammar: vsctm.IGrammar, text: string): string[][] {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const chars: string[] = [];
    for (const t of result.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) chars.push(t.scopes.slice(1).join(' '));
    return chars;
  });
}
