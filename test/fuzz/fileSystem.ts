// File-system property: random sequences of operations on a workspace (create, modify,
// rename and delete agent files and folders, symbolic links, `.mcp.json`, `.agentry.json`,
// `package.json`, the rules document), each followed by the watched-file events a client
// sends for it (a folder operation is one event for the folder), sometimes several
// operations in one batch; at the end of each sequence the long-running server must show
// what a fresh server on the same disk shows. Shared by the unit tests and `npm run fuzz`.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { assertAgreesWithFresh } from '../support/serverView';
import { FULL_CLIENT, startInProcess } from '../unit/lsp/harness';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

const NAMES = ['lead', 'helper', 'reviewer', 'planner'];
const FOLDERS = ['.claude/agents', '.claude/agents/team', '.claude/agents/crew', 'agents', 'shared'];

type Operation =
  | { op: 'write'; folder: number; file: number; name: number; model: boolean }
  | { op: 'delete' | 'rename'; pick: number; folder: number; file: number }
  | { op: 'deleteFolder' | 'renameFolder' | 'linkFolder'; folder: number; to: number }
  | { op: 'linkFile'; pick: number; folder: number; file: number }
  | { op: 'config'; which: number; variant: number };

const index = (n: number) => fc.nat(n - 1);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('write' as const), folder: index(FOLDERS.length), file: index(4), name: index(NAMES.length), model: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'rename' as const), pick: fc.nat(), folder: index(FOLDERS.length), file: index(4) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('deleteFolder' as const, 'renameFolder' as const, 'linkFolder' as const), folder: index(FOLDERS.length), to: index(FOLDERS.length) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('linkFile' as const), pick: fc.nat(), folder: index(FOLDERS.length), file: index(4) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('config' as const), which: index(4), variant: index(3) }) },
);

/** Configuration texts: which file, then variants (undefined deletes it). */
const CONFIGS: [string, (string | undefined)[]][] = [
  ['.mcp.json', [JSON.stringify({ mcpServers: { github: {} } }), JSON.stringify({ mcpServers: {} }), undefined]],
  ['.agentry.json', [JSON.stringify({ severity: { 'unknown-model': 'off' } }), JSON.stringify({ rulesDocument: 'CLAUDE.md', ignore: ['agents/**'] }), undefined]],
  ['package.json', [JSON.stringify({ name: 'ws', agentry: { severity: { 'duplicate-agent-name': 'hint' } } }), JSON.stringify({ name: 'ws' }), undefined]],
  ['CLAUDE.md', ['# Rules\n\n**Rule 7: Seven**\n- one\n', '# No rules\n', undefined]],
];

const MAIN = '.claude/agents/main.md';
const agentText = (name: string, model: boolean) => `---\nname: ${name}\ndescription: The ${name} agent.\ntools: Read, mcp__github__search\n${model ? 'model: sonet\n' : ''}---\nFollow Rule 7.\n`;

export interface FileSystemRun {
  sequences: number;
  operations: number;
  events: number;
  ms: number;
}

/** Every regular file and link under `dir` (not following links), relative to `root`. */
function filesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

interface Disk {
  file(relative: string): string;
  write(relative: string, text: string): void;
  /** Queues the event a client sends for `relative`. */
  event(relative: string, type: number): void;
  /** Every file and link under the agent folders but the open agent. */
  others(): string[];
}

/** Carries out one operation and queues its events; false when it does not apply (nothing to act on, or the disk refused). */
function apply(disk: Disk, operation: Operation): boolean {
  try {
    return applyOrThrow(disk, operation);
  } catch (error) {
    if (['ENOENT', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ELOOP', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

/** Renames `from` to `to`, or links `to` to it, and queues the events a client sends. */
function moveOrLink({ file, event }: Disk, rename: boolean, from: string, to: string): boolean {
  mkdirSync(path.dirname(file(to)), { recursive: true });
  if (rename) {
    renameSync(file(from), file(to));
    event(from, DELETED);
  } else symlinkSync(file(from), file(to));
  event(to, CREATED);
  return true;
}

function applyOrThrow(disk: Disk, operation: Operation): boolean {
  const { file, write, event, others } = disk;
  const target = (folder: number, f: number) => `${FOLDERS[folder]}/a${f}.md`;
  switch (operation.op) {
    case 'write': {
      const relative = target(operation.folder, operation.file);
      const existed = existsSync(file(relative));
      write(relative, agentText(NAMES[operation.name], operation.model));
      event(relative, existed ? CHANGED : CREATED);
      // Written through a link: the watcher sees the file that changed.
      const real = path.relative(realpathSync(file('.')), realpathSync(file(relative)));
      if (real !== relative) event(real, CHANGED);
      return true;
    }
    case 'delete':
    case 'rename':
    case 'linkFile': {
      const files = others();
      if (!files.length) return false;
      const picked = files[operation.pick % files.length];
      const to = target(operation.folder, operation.file);
      if (operation.op === 'delete') {
        rmSync(file(picked), { force: true });
        event(picked, DELETED);
        return true;
      }
      if (existsSync(file(to))) return false;
      return moveOrLink(disk, operation.op === 'rename', picked, to);
    }
    case 'deleteFolder':
    case 'renameFolder':
    case 'linkFolder': {
      const from = FOLDERS[operation.folder];
      const to = `${FOLDERS[operation.to]}/moved`;
      if (from === '.claude/agents' || !existsSync(file(from))) return false;
      if (operation.op === 'deleteFolder') {
        rmSync(file(from), { recursive: true, force: true });
        event(from, DELETED);
        return true;
      }
      if (existsSync(file(to)) || `${to}/`.startsWith(`${from}/`)) return false;
      return moveOrLink(disk, operation.op === 'renameFolder', from, to);
    }
    case 'config': {
      const [name, variants] = CONFIGS[operation.which];
      const text = variants[operation.variant];
      const existed = existsSync(file(name));
      if (text === undefined) {
        if (!existed) return false;
        rmSync(file(name));
        event(name, DELETED);
      } else {
        write(name, text);
        event(name, existed ? CHANGED : CREATED);
      }
      return true;
    }
  }
}

export async function fileSystemFuzz(seed: number, sequences: number, length: number): Promise<FileSystemRun> {
  const started = performance.now();
  const run: FileSystemRun = { sequences: 0, operations: 0, events: 0, ms: 0 };
  const scripts = fc.sample(fc.array(fc.tuple(operation, fc.boolean()), { minLength: 1, maxLength: length }), { seed, numRuns: sequences });
  for (const [n, script] of scripts.entries()) {
    const root = mkdtempSync(path.join(tmpdir(), 'agentry-fs-'));
    const client = startInProcess();
    try {
      let batch: { uri: string; type: number }[] = [];
      const file = (relative: string) => path.join(root, relative);
      const uri = (relative: string) => pathToFileURL(file(relative)).href;
      const disk: Disk = {
        file,
        write: (relative, text) => {
          mkdirSync(path.dirname(file(relative)), { recursive: true });
          writeFileSync(file(relative), text);
        },
        event: (relative, type) => batch.push({ uri: uri(relative), type }),
        others: () => FOLDERS.flatMap((f) => filesUnder(root, f)).filter((f) => f !== MAIN),
      };
      disk.write(MAIN, agentText('lead', true));
      disk.write('.claude/agents/team/other.md', agentText('helper', false));
      await client.initialize(FULL_CLIENT, root);
      const open = new Map([[uri(MAIN), `${agentText('lead', true)}See Rule 7.\n`]]);
      for (const [u, text] of open) await client.open(u, text);
      await client.request('workspace/symbol', { query: '' }); // answered after the startup walk
      const send = async () => {
        run.events += batch.length;
        if (batch.length) await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: batch });
        batch = [];
      };
      for (const [operation, flush] of script) {
        if (!apply(disk, operation)) continue;
        run.operations++;
        if (flush) await send();
      }
      await send();
      await assertAgreesWithFresh(client, root, open, `seed ${seed}, sequence ${n}: ${JSON.stringify(script.map(([o]) => o))}`);
      run.sequences++;
    } finally {
      client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  }
  run.ms = performance.now() - started;
  return run;
}
