// package.json (the extension manifest), the client sources and .vscodeignore
// agree: every command has a handler, every setting is documented and read by
// the server, the packaged file list is exactly what the extension needs, and the npm
// package holds the CLI and the server.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { agentDocumentSelector, agentGlobs, AGENT_LANGUAGES, DEFAULT_AGENT_GLOBS } from '../../client/src/documentSelector';
import { toJSONSchema } from 'zod';
import { CLIENT_SETTING_KEYS } from '../../server/src/workspace/clientSettings';
import { CLIENT_SETTINGS, settingsSchema } from '../../server/src/service/config/settingsSchema';
import { ALL_CODES } from '../../server/src/service/diagnostics/codes';
import { REPO_ROOT } from '../support/fixtures';
import { syncedManifest } from '../../scripts/sync-code-tables';

interface Setting {
  type?: string | string[];
  scope?: string;
  description?: string;
  markdownDescription?: string;
  default?: unknown;
  enum?: string[];
  properties?: Record<string, Setting>;
  items?: Setting;
  additionalProperties?: Setting;
}

interface Manifest {
  main: string;
  icon: string;
  activationEvents: string[];
  categories: string[];
  repository: { url: string };
  scripts: Record<string, string>;
  capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: { supported: boolean | string; description?: string } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { title: string; properties: Record<string, Setting> };
    snippets?: unknown;
    grammars?: unknown;
    jsonValidation: { fileMatch: string; url: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;

function clientSources(dir = path.join(REPO_ROOT, 'client/src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientSources(file);
    return entry.name.endsWith('.ts') ? [fs.readFileSync(file, 'utf8')] : [];
  });
}

describe('commands', () => {
  const registered = clientSources().flatMap((source) => [...source.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]));

  it('each contributed command has a handler registered in client/src, and each handler is contributed', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual([...contributed].sort(), ['agentry.fixAll', 'agentry.lintWorkspace', 'agentry.newAgent', 'agentry.showOutput']);
    assert.deepEqual([...registered].sort(), [...contributed].sort());
  });

  it('have a title and the Agentry category; palette conditions name contributed commands', () => {
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Agentry', command.command);
      assert.ok(command.title.length > 3, command.command);
    }
    for (const item of Object.values(manifest.contributes.menus).flat()) {
      assert.ok(
        manifest.contributes.commands.some((c) => c.command === item.command),
        item.command,
      );
    }
  });
});

describe('settings', () => {
  it('are the ones the server reads, plus the trace setting', () => {
    const serverKeys = CLIENT_SETTING_KEYS.map((key) => `agentry.${key}`);
    assert.deepEqual(Object.keys(settings).sort(), [...serverKeys, 'agentry.trace.server'].sort());
    assert.equal(manifest.contributes.configuration.title, 'Agentry');
  });

  it('have the types of the settings schema (a nullable one: the type besides null)', () => {
    const schema = toJSONSchema(settingsSchema.pick(CLIENT_SETTINGS), { target: 'draft-7', io: 'input' }).properties as Record<string, Setting & { anyOf?: Setting[] }>;
    for (const key of CLIENT_SETTING_KEYS) {
      const expected = schema[key].anyOf?.find((alternative) => alternative.type !== 'null') ?? schema[key];
      const contributed = settings[`agentry.${key}`];
      assert.equal(contributed.type, expected.type, key);
      assert.deepEqual(contributed.items, expected.items, key);
      assert.deepEqual(contributed.additionalProperties, expected.additionalProperties, key);
    }
  });

  it('each has a description, a default and resource scope (the trace setting: window)', () => {
    for (const [key, setting] of Object.entries(settings)) {
      const text = setting.markdownDescription ?? setting.description ?? '';
      assert.ok(text.length > 40, `${key}: description`);
      assert.ok('default' in setting, `${key}: default`);
      assert.equal(setting.scope, key === 'agentry.trace.server' ? 'window' : 'resource', `${key}: scope`);
    }
    assert.deepEqual(settings['agentry.trace.server'].enum, ['off', 'messages', 'verbose']);
    // Types VS Code's Settings UI edits in place (not "Edit in settings.json"): a list of strings.
    assert.equal(settings['agentry.requiredSections'].type, 'array');
    assert.deepEqual(settings['agentry.requiredSections'].items, { type: 'string' });
    assert.deepEqual(settings['agentry.requiredSections'].default, []);
  });

  it('agentry.severity offers every diagnostic code with the five levels', () => {
    const severity = settings['agentry.severity'];
    assert.deepEqual(Object.keys(severity.properties ?? {}).sort(), [...ALL_CODES].sort());
    for (const [code, entry] of Object.entries(severity.properties ?? {})) {
      assert.deepEqual(entry.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
      assert.equal(entry.type, 'string', `${code}: the Settings UI edits objects whose properties have a simple type`);
      assert.match(entry.markdownDescription ?? '', /Default: `(error|warning|information|hint)`\.$/, code);
    }
  });
});

describe('activation and documents', () => {
  it('activates on workspaces containing agent files, on .agentry.json and on the chatagent language', () => {
    for (const glob of DEFAULT_AGENT_GLOBS) assert.ok(manifest.activationEvents.includes(`workspaceContains:${glob}`), glob);
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/.agentry.json'));
    assert.ok(manifest.activationEvents.includes('onLanguage:chatagent'));
    assert.ok(!manifest.activationEvents.includes('onLanguage:markdown'), 'not on every Markdown file');
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('hands markdown and chatagent files in agent folders or agentGlobs to the server, file: only', () => {
    const globs = agentGlobs(['prompts/*.md', './team/*.md', '**/x/*.md', '', 42, '**/.claude/agents/**/*.md']);
    assert.deepEqual(globs, [...DEFAULT_AGENT_GLOBS, '**/prompts/*.md', '**/team/*.md', '**/x/*.md']);
    const selector = agentDocumentSelector(globs);
    assert.equal(selector.length, AGENT_LANGUAGES.length * globs.length);
    assert.ok(selector.every((filter) => filter.scheme === 'file' && AGENT_LANGUAGES.includes(filter.language as never)));
    assert.deepEqual(AGENT_LANGUAGES, ['markdown', 'chatagent']);
  });

  it('contributes no snippets or grammars: the server offers them, in agent files only', () => {
    assert.equal(manifest.contributes.snippets, undefined);
    assert.equal(manifest.contributes.grammars, undefined);
  });
});

describe('listing', () => {
  it('declares categories, repository, a 128x128 PNG icon and the package script', () => {
    assert.deepEqual(manifest.categories, ['Programming Languages', 'Linters', 'Snippets']);
    assert.equal(manifest.repository.url, 'https://github.com/agentry-dev/agentry');
    assert.equal(manifest.main, './dist/client.js');
    assert.match(manifest.scripts.package, /^node esbuild\.mjs --production && vsce package --no-dependencies$/);
    const png = fs.readFileSync(path.join(REPO_ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('supports untrusted workspaces and declares virtual workspaces limited, with a reason', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description ?? '', /disk/);
  });

  it('has an MIT license for Agentry contributors and a changelog entry for the version', () => {
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Agentry contributors\n/);
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?`, 'm'));
  });
});

describe('.vscodeignore', () => {
  it('is an allowlist: vsce packages the two bundles and the declarative files, no node_modules, maps, sources or CLI', async () => {
    const lines = fs
      .readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.ok(!lines.some((l) => l.includes('node_modules') && l.startsWith('!')));

    // vsce's own file listing over a stand-in tree with the real manifest and ignore file.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-vsix-'));
    try {
      const shipped = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/client.js', 'dist/server.js', 'dist/server-main.js', 'images/icon.png', ...manifest.contributes.jsonValidation.map((j) => j.url.replace(/^\.\//, ''))];
      const dropped = [
        '.vscodeignore',
        'dist/client.js.map',
        'dist/server.js.map',
        'dist/cli.js',
        'node_modules/yaml/index.js',
        'client/src/extension.ts',
        'server/src/server.ts',
        'test/unit/manifest.test.ts',
        'examples/.claude/agents/a.md',
        'docs/diagnostics.md',
        'scripts/make-icon.mjs',
        'images/draft.png',
        'tsconfig.json',
        'esbuild.mjs',
        'package-lock.json',
        'agentry-0.1.0.vsix',
        'schemas/agent-frontmatter.schema.json',
        'snippets/agentry.json',
      ];
      for (const file of [...shipped, ...dropped]) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.copyFileSync(path.join(REPO_ROOT, file === '.vscodeignore' || file === 'package.json' ? file : 'LICENSE'), path.join(root, file));
      }
      const files = (await listFiles({ cwd: root, packageManager: PackageManager.None })).map((f) => f.split(path.sep).join('/'));
      assert.deepEqual(files.sort(), shipped.sort());
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the npm package', () => {
  it('is publishable, ships the CLI and server bundles, their bins and the schemas, and has no dependencies', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.private, undefined);
    assert.equal(pkg.dependencies, undefined, 'the bundles carry every dependency');
    assert.equal(pkg.files, undefined, 'vsce refuses "files" beside .vscodeignore: the npm package list is .npmignore');
    assert.match(pkg.scripts.prepack, /esbuild\.mjs --production/);
    const listed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' }))[0].files.map((f: { path: string }) => f.path);
    const bins = Object.values(pkg.bin as Record<string, string>);
    assert.deepEqual(listed.sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli-lint.js', 'dist/server-main.js', 'package.json', 'schemas/agent-frontmatter.schema.json', 'schemas/agentry-config.schema.json', ...bins].sort());
  });
});

describe('generated manifest parts', () => {
  it('the agentry.severity setting is the one scripts/sync-code-tables.ts writes from the code table', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
    assert.equal(text, syncedManifest(text), 'run: node --import tsx scripts/sync-code-tables.ts');
  });
});
