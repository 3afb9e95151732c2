// The files the suite asks about: the seeds, the corpus (both from test/fixtures/) and the cases.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { AgentSource } from './oracle.js';

export interface Sources {
  files: (AgentSource & { path: string; set: string })[];
  layouts: { id: string; folder: string; cwd: string; what: string }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

export function seedSources(repo: string): Sources['files'] {
  const dir = join(repo, 'test', 'fixtures', 'seeds');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({
      id: `seeds/${file}`,
      set: 'seeds',
      path: join(dir, file),
      agentPath: `seeds/${basename(file, '.txt')}.md`,
      content: readFileSync(join(dir, file)),
    }));
}

export function corpusSources(repo: string): Sources['files'] {
  const dir = join(repo, 'test', 'fixtures', 'corpus');
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort()
    .flatMap((repoDir) => walk(join(dir, repoDir)).filter((file) => file.endsWith('.md')))
    .map((path) => {
      const rel = relative(dir, path);
      return { id: `corpus/${rel}`, set: 'corpus', path, agentPath: `corpus/${rel}`, content: readFileSync(path) };
    });
}

/** Flat cases are `cases/*.md`; a case that needs a layout is a folder with `case.json`. */
export function caseSources(conformanceDir: string): Sources {
  const dir = join(conformanceDir, 'cases');
  const files: Sources['files'] = [];
  const layouts: Sources['layouts'] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      const meta = existsSync(join(full, 'case.json')) ? (JSON.parse(readFileSync(join(full, 'case.json'), 'utf8')) as { what?: string; cwd?: string }) : {};
      layouts.push({ id: `cases/${entry}`, folder: full, cwd: meta.cwd ?? '.', what: meta.what ?? '' });
    } else if (entry.endsWith('.md')) {
      files.push({ id: `cases/${entry}`, set: 'cases', path: full, agentPath: `cases/${entry}`, content: readFileSync(full) });
    }
  }
  for (const generated of readGenerated(dir)) {
    files.push({ id: `cases/${generated.file}`, set: 'cases', path: join(dir, 'generated.json'), agentPath: `cases/${generated.file}`, content: generatedContent(generated) });
  }
  return { files, layouts };
}

/** Cases too large to commit (the 1 MiB limit), described in cases/generated.json and built here. */
export interface GeneratedCase {
  file: string;
  what: string;
  name: string;
  bytes: number;
}

export function readGenerated(dir: string): GeneratedCase[] {
  const path = join(dir, 'generated.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GeneratedCase[]) : [];
}

/** A valid agent named `name`, its body padded with lines of text to exactly `bytes` bytes. */
export function generatedContent(generated: GeneratedCase): Buffer {
  const head = `---\nname: ${generated.name}\ndescription: ${generated.what}\n---\n`;
  const room = generated.bytes - Buffer.byteLength(head);
  if (room < 1) throw new Error(`generated case ${generated.file}: ${generated.bytes} bytes is too small`);
  const line = `${'x'.repeat(79)}\n`;
  const body = line.repeat(Math.floor(room / line.length)) + 'x'.repeat(room % line.length);
  return Buffer.from(head + body);
}
