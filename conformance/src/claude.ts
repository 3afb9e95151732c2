// The two ways the harness asks Claude Code: the SDK `initialize` request (which agents it
// loads, nothing sent to the API) and a one-turn `-p` run against the fake API (what a spawned
// agent gets). Both run in a given project folder with a given HOME and write a debug log.
import { readFileSync } from 'node:fs';
import { claudeEnv } from './environment.js';
import { run } from './processes.js';
import { startFakeApi, MAIN_PROMPT, type FakeApiState } from './fakeApi.js';

export interface LoadedAgent {
  name: string;
  description?: string;
  model?: string;
}
export interface InitializeAnswer {
  agents: LoadedAgent[];
  version?: string;
  log: string;
}

const INITIALIZE = `${JSON.stringify({ type: 'control_request', request_id: 'conformance-init', request: { subtype: 'initialize' } })}\n`;

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The `agents` Claude Code reports at start-up for the project in `cwd`. */
export async function initialize(binary: string, cwd: string, home: string, debugFile: string, timeoutMs = 60_000): Promise<InitializeAnswer> {
  const result = await run(binary, ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose', '--debug-file', debugFile], {
    cwd,
    env: claudeEnv(home),
    timeoutMs,
    input: INITIALIZE,
  });
  for (const line of result.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let message: { type?: string; response?: { request_id?: string; subtype?: string; response?: { agents?: LoadedAgent[]; claude_code_version?: string }; error?: string } };
    try {
      message = JSON.parse(line);
    } catch {
      continue;
    }
    if (message.type !== 'control_response' || message.response?.request_id !== 'conformance-init') continue;
    if (message.response.subtype !== 'success') throw new Error(`initialize failed in ${cwd}: ${message.response.error ?? line}`);
    return { agents: message.response.response?.agents ?? [], version: message.response.response?.claude_code_version, log: readLog(debugFile) };
  }
  throw new Error(`no initialize answer from Claude Code in ${cwd} (exit ${result.code}${result.timedOut ? ', timed out' : ''}): ${result.stderr.slice(0, 500)}`);
}

/** Runs one main turn that spawns each of `targets`; the fake API records what each one got. */
export async function spawnAgents(binary: string, cwd: string, home: string, debugFile: string, targets: string[], timeoutMs = 120_000): Promise<FakeApiState & { log: string; timedOut: boolean }> {
  const api = await startFakeApi(targets);
  try {
    const result = await run(binary, ['-p', MAIN_PROMPT, '--output-format', 'stream-json', '--verbose', '--debug-file', debugFile], {
      cwd,
      env: claudeEnv(home, api.url),
      timeoutMs,
    });
    return { ...api.state, log: readLog(debugFile), timedOut: result.timedOut };
  } finally {
    await api.close();
  }
}
