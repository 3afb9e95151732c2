// Parsing and validating on worker threads as well as the main thread. Parsing is
// most of a run: the main thread and each worker take batches of files from one
// queue, so a worker that starts late (loading the linter takes a while) or a busy
// core just takes fewer. Each thread keeps the documents it parsed; once every
// summary is back, each builds the same workspace index (the summaries in file
// order) and validates its own documents.
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAgentService, DEFAULT_SETTINGS, fixedHost, type AgentDocument, type Settings } from '../service';
import { summarize, type AgentSummary } from '../service/workspace/workspaceIndex';
import type { SkillSummary } from '../service/skills/skillIndex';
import { pathToUri } from '../workspace/files';

export interface ThreadOptions {
  /** Threads in all, the main thread included. */
  count: number;
  /** The script a worker runs: one that calls serveLintJobs() in a worker. */
  script: string;
}

/**
 * Below this many files to parse, a worker costs more than it saves: it loads and warms
 * up its own copy of the linter, and V8 already keeps a second core busy (GC, compiler).
 * The measurements behind the number are in bench/README.md.
 */
export const MIN_FILES_FOR_THREADS = 1500;
const MAIN_BATCH = 8;
const WORKER_BATCH = 16;
/** Set in a worker's environment: node:worker_threads is loaded only by runs that use threads. */
const WORKER_ENV = 'AGENTRY_LINT_WORKER';

const workerThreads = () => require('node:worker_threads') as typeof import('node:worker_threads');

export interface RulesSource {
  uri: string;
  text: string;
}

type Job = { type: 'parse'; files: string[] } | { type: 'validate'; summaries: AgentSummary[]; settings: Settings; rules?: RulesSource; skills: SkillSummary[]; files: string[] };
type Reply = { type: 'parsed'; summaries: [string, AgentSummary][] } | { type: 'validated'; diagnostics: [string, Diagnostic[]][] };

/**
 * Parses `files` on the main thread (`parseHere`, which keeps its documents) and on
 * `threads.count - 1` workers; returns each file's summary and the worker holding
 * its document (undefined: the main thread).
 */
export async function parseOnThreads(files: string[], parseHere: (file: string) => AgentSummary, threads: ThreadOptions): Promise<ParsedFiles> {
  const parsed: ParsedFiles = { summaries: new Map(), holder: new Map(), workers: [] };
  const queue = [...files];
  let failed: Error | undefined;
  let pending = 0;
  let settle: (() => void) | undefined;
  const send = (worker: Worker) => {
    const batch = queue.splice(0, WORKER_BATCH);
    if (!batch.length) return;
    pending++;
    worker.postMessage({ type: 'parse', files: batch } satisfies Job);
  };
  for (let i = 1; i < threads.count; i++) {
    const worker = new (workerThreads().Worker)(threads.script, { env: { ...process.env, [WORKER_ENV]: '1' } });
    parsed.workers.push(worker);
    worker.on('message', (reply: Reply | 'ready') => {
      if (reply === 'ready') {
        send(worker);
        send(worker);
      } else if (reply.type === 'parsed') {
        for (const [file, summary] of reply.summaries) {
          parsed.summaries.set(file, summary);
          parsed.holder.set(file, worker);
        }
        pending--;
        send(worker);
        if (pending === 0) settle?.();
      }
    });
    worker.on('error', (error) => {
      failed = error;
      settle?.();
    });
  }
  while (queue.length && !failed) {
    for (const file of queue.splice(0, MAIN_BATCH)) parsed.summaries.set(file, parseHere(file));
    await new Promise((resolve) => setImmediate(resolve)); // let workers' replies and requests in
  }
  if (pending > 0 && !failed) await new Promise<void>((resolve) => (settle = resolve));
  if (failed) {
    await stopThreads(parsed.workers);
    throw failed;
  }
  return parsed;
}

export interface ParsedFiles {
  summaries: Map<string, AgentSummary>;
  holder: Map<string, Worker | undefined>;
  workers: Worker[];
}

/** Validates on each worker the documents it parsed; the index is built from `summaries`, in order. */
export async function validateOnWorkers(parsed: ParsedFiles, files: string[], summaries: AgentSummary[], settings: Settings, rules: RulesSource | undefined, skills: SkillSummary[]): Promise<Map<string, Diagnostic[]>> {
  const results = new Map<string, Diagnostic[]>();
  await Promise.all(
    parsed.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const own = files.filter((f) => parsed.holder.get(f) === worker);
          if (!own.length) return resolve();
          worker.removeAllListeners('message');
          worker.removeAllListeners('error');
          worker.on('message', (reply: Reply) => {
            if (reply.type !== 'validated') return;
            for (const [file, diagnostics] of reply.diagnostics) results.set(file, diagnostics);
            resolve();
          });
          worker.on('error', reject);
          worker.postMessage({ type: 'validate', summaries, settings, rules, skills, files: own } satisfies Job);
        }),
    ),
  );
  return results;
}

export async function stopThreads(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.terminate()));
}

/** In a worker started by parseOnThreads: answers its jobs until terminated. Returns false on the main thread. */
export function serveLintJobs(): boolean {
  if (process.env[WORKER_ENV] !== '1') return false;
  const { isMainThread, parentPort } = workerThreads();
  if (isMainThread) return false;
  let settings = DEFAULT_SETTINGS;
  const service = createAgentService({ ...fixedHost(), settings: () => settings });
  const docs = new Map<string, AgentDocument>();
  parentPort!.on('message', (job: Job) => {
    if (job.type === 'parse') {
      const summaries: [string, AgentSummary][] = [];
      for (const file of job.files) {
        const doc = service.parse(pathToUri(file), 0, readFileSync(file, 'utf8'));
        docs.set(file, doc);
        summaries.push([file, summarize(doc)]);
      }
      parentPort!.postMessage({ type: 'parsed', summaries } satisfies Reply);
    } else {
      settings = job.settings;
      if (job.rules) service.setRulesDocument(service.parse(job.rules.uri, 0, job.rules.text));
      for (const summary of job.summaries) service.index.upsert(summary);
      service.setSkills(job.skills);
      const diagnostics = job.files.map((file): [string, Diagnostic[]] => [file, service.validate(docs.get(file)!)]);
      parentPort!.postMessage({ type: 'validated', diagnostics } satisfies Reply);
    }
  });
  parentPort!.postMessage('ready');
  return true;
}
