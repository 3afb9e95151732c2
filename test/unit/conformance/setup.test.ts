// How the suite finds and lays out what it runs: the executable of an installed Claude Code
// (from the platform package, npm 11 running no install scripts), Agentry's catalog, the cases
// (each described), the batches (names unique in each) and the pinning that keeps npm test offline.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformKey, resolveBinary } from '../../../conformance/src/binary.js';
import { catalogFromJson, readAgentryCatalog } from '../../../conformance/src/catalog.js';
import { guessName, planBatches, type AgentSource } from '../../../conformance/src/oracle.js';
import { caseSources, generatedContent } from '../../../conformance/src/sources.js';
import { probeSources, withheldTools } from '../../../conformance/src/probes.js';

const repo = join(__dirname, '..', '..', '..');
const conformanceDir = join(repo, 'conformance');

function fakeInstall(root: string, options: { platformBinary?: Buffer; wrapperBinary?: Buffer; platforms?: string[] }): string {
  const nodeModules = join(root, 'node_modules');
  const wrapper = join(nodeModules, '@anthropic-ai', 'claude-code');
  mkdirSync(join(wrapper, 'bin'), { recursive: true });
  const platforms = options.platforms ?? [platformKey()];
  writeFileSync(join(wrapper, 'package.json'), JSON.stringify({ version: '9.9.9', optionalDependencies: Object.fromEntries(platforms.map((key) => [`@anthropic-ai/claude-code-${key}`, '9.9.9'])) }));
  writeFileSync(join(wrapper, 'bin', 'claude.exe'), options.wrapperBinary ?? 'echo "placeholder: the install script did not run"\n');
  if (options.platformBinary) {
    const dir = join(nodeModules, '@anthropic-ai', `claude-code-${platformKey()}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'claude'), options.platformBinary);
  }
  return nodeModules;
}
const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(2 * 1024 * 1024)]);

describe('conformance: finding the executable', () => {
  it('takes the platform package binary when the wrapper holds only its placeholder', () => {
    const root = mkdtempSync(join(tmpdir(), 'conformance-bin-'));
    try {
      const found = resolveBinary(fakeInstall(root, { platformBinary: elf() }));
      assert.ok(!(found instanceof Error), String(found));
      assert.equal(found.version, '9.9.9');
      assert.match(found.path, new RegExp(`claude-code-${platformKey()}`));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes the wrapper bin when the install script copied the binary there', () => {
    const root = mkdtempSync(join(tmpdir(), 'conformance-bin-'));
    try {
      const found = resolveBinary(fakeInstall(root, { wrapperBinary: elf() }));
      assert.ok(!(found instanceof Error));
      assert.match(found.path, /claude-code\/bin\/claude\.exe$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says clearly when the platform has no package, or the package is missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'conformance-bin-'));
    try {
      const none = resolveBinary(fakeInstall(root, { platforms: ['plan9-mips'] }));
      assert.ok(none instanceof Error);
      assert.match(none.message, new RegExp(`no native package for this platform \\(${platformKey()}\\); it ships plan9-mips`));
      rmSync(root, { recursive: true, force: true });
      const missing = resolveBinary(fakeInstall(root, {}));
      assert.ok(missing instanceof Error);
      assert.match(missing.message, /platform package .* is missing or holds no executable/);
      assert.match(String(resolveBinary(join(root, 'nowhere'))), /is not installed/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names platform packages as the wrapper does', () => {
    assert.equal(platformKey('linux', 'x64', false), 'linux-x64');
    assert.equal(platformKey('linux', 'arm64', true), 'linux-arm64-musl');
    assert.equal(platformKey('darwin', 'arm64', false), 'darwin-arm64');
  });
});

describe('conformance: pinning', () => {
  it('pins Claude Code exactly in conformance/, and the root never installs it', () => {
    const manifest = JSON.parse(readFileSync(join(conformanceDir, 'package.json'), 'utf8'));
    assert.match(manifest.dependencies['@anthropic-ai/claude-code'], /^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(readFileSync(join(conformanceDir, 'package-lock.json'), 'utf8'));
    assert.equal(lock.packages['node_modules/@anthropic-ai/claude-code'].version, manifest.dependencies['@anthropic-ai/claude-code']);
    const rootLock = readFileSync(join(repo, 'package-lock.json'), 'utf8');
    assert.ok(!rootLock.includes('@anthropic-ai/claude-code'), 'the root lockfile must not pull Claude Code');
  });
});

describe('conformance: catalog adapter', () => {
  it('reads a catalog data file with tools, old names and retired names', () => {
    const catalog = catalogFromJson({ claudeCode: '2.1.332', tools: { Read: {}, Agent: {} }, renamedTools: { Task: 'Agent' }, retiredTools: ['LS'] }, 'c.json');
    assert.deepEqual(catalog, { source: 'c.json', verifiedAgainst: '2.1.332', tools: ['Agent', 'Read'], oldNames: { Task: 'Agent', LS: undefined } });
    const shaped = catalogFromJson({ claudeCodeVersion: '2.1.332', tools: { Read: 'r' }, oldToolNames: { Task: 'Agent' }, retiredTools: { LS: { replacement: 'Glob' } }, notForSubagents: ['Workflow'] }, 'd.json');
    assert.deepEqual(shaped, { source: 'd.json', verifiedAgainst: '2.1.332', tools: ['Read'], oldNames: { Task: 'Agent', LS: undefined }, notForSubagents: ['Workflow'] });
    assert.throws(() => catalogFromJson({ models: [] }, 'm.json'), /no tool list/);
  });

  it("reads the repository's current catalog", async () => {
    const catalog = await readAgentryCatalog(repo);
    assert.ok(catalog.tools.includes('Read'));
    assert.ok(Object.keys(catalog.oldNames).includes('Task'));
  });
});

describe('conformance: cases', () => {
  it('has at least 80 cases and says what each one tests', () => {
    const { files, layouts } = caseSources(conformanceDir);
    assert.ok(files.length + layouts.length >= 80, `${files.length} cases`);
    const index = JSON.parse(readFileSync(join(conformanceDir, 'cases', 'index.json'), 'utf8')) as Record<string, string>;
    const flat = readdirSync(join(conformanceDir, 'cases'))
      .filter((file) => file.endsWith('.md'))
      .sort();
    assert.deepEqual(Object.keys(index).sort(), flat, 'index.json lists exactly the case files');
    for (const [file, what] of Object.entries(index)) assert.ok(what.length > 10, `${file}: say what it tests`);
    for (const layout of layouts) assert.ok(layout.what.length > 10, `${layout.id}: case.json says what it tests`);
  });

  it('builds the generated cases to the exact size', () => {
    const content = generatedContent({ file: 'x.md', what: 'w', name: 'x', bytes: 1_048_577 });
    assert.equal(content.length, 1_048_577);
    assert.ok(content.toString('utf8').startsWith('---\nname: x\n'));
  });
});

describe('conformance: batches', () => {
  const source = (id: string, text: string): AgentSource => ({ id, agentPath: `${id}.md`, content: Buffer.from(text) });

  it('guesses names as they are written (quoted blanks kept, tabs, BOM)', () => {
    assert.equal(guessName(Buffer.from('---\nname: a\n---')), 'a');
    assert.equal(guessName(Buffer.from('\uFEFF---\n\tname: "  "\n---')), '  ');
    assert.equal(guessName(Buffer.from('\n---\nname: a\n---')), undefined);
    assert.equal(guessName(Buffer.from('---\ndescription: x\n---')), undefined);
  });

  it('keeps names unique in each project and sends names of built-in agents alone', () => {
    const batches = planBatches(
      [source('1', '---\nname: a\n---'), source('2', '---\nname: a\n---'), source('3', '---\nname: b\n---'), source('4', '---\nname: Explore\n---'), source('5', 'no frontmatter'), source('6', 'no frontmatter either')],
      new Set(['Explore']),
      10,
    );
    assert.deepEqual(
      batches.map((batch) => batch.map((file) => file.id)),
      [['1', '3', '5', '6'], ['2'], ['4']],
    );
    assert.equal(
      planBatches(
        Array.from({ length: 5 }, (_, i) => source(String(i), `---\nname: n${i}\n---`)),
        new Set(),
        2,
      ).length,
      3,
    );
  });
});

describe('conformance: tool probes', () => {
  it('probes each name alone, beside Bash, and "*"', () => {
    const probes = probeSources(['Read', 'Bash', 'Task(x)']);
    assert.deepEqual(
      probes.map((probe) => probe.id),
      ['probe/*', 'probe/Read', 'probe/Bash', 'probe/Task(x)', 'probe/Bash+Read', 'probe/Bash+Task(x)'],
    );
    assert.match(probes[5].content.toString(), /^---\nname: probe-pair-Task-x-\ndescription: .*\ntools: "Bash, Task\(x\)"\n---\n/);
  });

  it('finds the tools left out beside Bash, and only those', () => {
    const single = new Map([
      ['Glob', ['Glob']],
      ['Read', ['Read']],
      ['Task', ['Agent']],
      ['Bash', ['Bash']],
    ]);
    const pairs = new Map([
      ['Glob', ['Bash']],
      ['Read', ['Bash', 'Read']],
      ['Task', ['Bash', 'Agent']],
      ['Gone', undefined],
    ]);
    assert.deepEqual([...withheldTools(single, pairs)], [['Glob', ['Bash']]]);
  });
});
