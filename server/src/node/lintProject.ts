// Lints a set of paths as one workspace: every file is indexed before any is
// validated, so cross-file checks (duplicate names, unknown agents) see them all.
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, createAgentService, settingsFromConfig, type AgentDocument } from '../service';
import { writeFileAtomic } from './atomicWrite';
import { findAgentFilesSync } from './findAgentFiles';
import { loadProjectConfig, readMcpServers } from './projectConfig';
import { UsageError } from './usageError';

export interface FileResult {
  file: string;
  uri: string;
  diagnostics: Diagnostic[];
  fixed: boolean;
  /** Why fixes were found but not written. */
  notFixed?: string;
}

export interface LintOptions {
  cwd: string;
  fix?: boolean;
}

export async function lintProject(paths: string[], options: LintOptions): Promise<FileResult[]> {
  const project = await loadProjectConfig(await configStart(paths, options.cwd));
  const settings = settingsFromConfig(project.config, await readMcpServers(project.root));
  const files = await collectFiles(paths.length ? paths : ['.'], options.cwd, project.config.ignore ?? []);
  const service = createAgentService();
  if (project.config.rulesDocument) {
    const rulesFile = path.resolve(project.root, project.config.rulesDocument);
    const text = await fs.readFile(rulesFile, 'utf8').catch(() => {
      throw new UsageError(`rules document not found: ${rulesFile}`);
    });
    service.setRulesDocument(service.parse(pathToFileURL(rulesFile).href, 0, text));
  }
  const docs: { file: string; doc: AgentDocument; lossless: boolean }[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    const doc = service.parse(pathToFileURL(file).href, 0, text);
    service.indexDocument(doc);
    // Invalid UTF-8 decodes to U+FFFD: writing the text back would change bytes no fix touches.
    docs.push({ file, doc, lossless: Buffer.from(text, 'utf8').equals(bytes) });
  }
  const results: FileResult[] = [];
  for (const { file, doc, lossless } of docs) {
    let current = doc;
    let diagnostics = service.validate(current, settings);
    let fixed = false;
    let notFixed: string | undefined;
    if (options.fix) {
      const edits = service.fixAll(current, diagnostics);
      if (edits.length && !lossless) notFixed = 'the file is not valid UTF-8, and rewriting it would change bytes no fix touches';
      else if (edits.length) {
        const text = applyEdits(current.text, edits);
        await writeFileAtomic(file, text);
        current = service.parse(current.uri, current.version + 1, text);
        service.indexDocument(current);
        diagnostics = service.validate(current, settings);
        fixed = true;
      }
    }
    results.push({ file, uri: current.uri, diagnostics, fixed, notFixed });
  }
  return results;
}

/** Config is looked up from the first path given (its folder for a file), as eslint does. */
async function configStart(paths: string[], cwd: string): Promise<string> {
  const first = path.resolve(cwd, paths[0] ?? '.');
  const stat = await fs.stat(first).catch(() => undefined);
  return stat?.isDirectory() ? first : path.dirname(first);
}

async function collectFiles(paths: string[], cwd: string, ignore: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file or directory: ${p}`);
    if (stat.isDirectory()) for (const f of findAgentFilesSync(full, ignore)) files.add(f);
    else files.add(full);
  }
  return [...files];
}
