// A loopback-only fake of the Messages API. The main conversation's first request is answered
// with one `Agent` tool call per agent to probe; each spawned agent's request is recorded
// (its model and tool names) and answered with a short text, as is everything else.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageStream, type Block } from './sse.js';

/** The prompt of the main conversation; nothing else starts with it. */
export const MAIN_PROMPT = 'conformance-main: spawn the listed agents';
const PROBE_PREFIX = 'conformance-probe:';

export interface SpawnRecord {
  agent: string;
  model: string;
  tools: string[];
}
export interface ToolResult {
  agent: string;
  isError: boolean;
  text: string;
}
export interface FakeApiState {
  /** Agent names to spawn from the main conversation. */
  targets: string[];
  spawns: SpawnRecord[];
  results: ToolResult[];
  /** Every request's path and model, for debugging a run. */
  requests: { path: string; model: string; kind: string }[];
}

interface MessagesRequest {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: unknown }[];
  tools?: { name?: string }[];
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part && typeof part === 'object' && (part as { type?: string }).type === 'text' ? String((part as { text?: unknown }).text ?? '') : '')).join('\n');
}

function toolUseId(agent: string, index: number): string {
  return `toolu_conformance_${index}_${agent.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}`;
}

/** Decides the answer to one request and records what it carries (pure apart from `state`). */
export function respond(request: MessagesRequest, state: FakeApiState): Block[] {
  const messages = Array.isArray(request.messages) ? request.messages : [];
  const model = String(request.model ?? '');
  // The first user message; Claude Code may put context blocks before the prompt.
  const first = messages[0]?.role === 'user' ? textOf(messages[0].content) : '';
  const tools = (Array.isArray(request.tools) ? request.tools : []).map((tool) => String(tool?.name ?? ''));
  const probe = first.indexOf(PROBE_PREFIX);
  if (probe >= 0) {
    // Names may have blanks at either end: take the rest of the line as it is.
    const agent = first.slice(probe + PROBE_PREFIX.length).split('\n')[0];
    if (!state.spawns.some((spawn) => spawn.agent === agent)) state.spawns.push({ agent, model, tools });
    state.requests.push({ path: '', model, kind: `spawn ${agent}` });
    return [{ type: 'text', text: 'done' }];
  }
  if (first.includes(MAIN_PROMPT)) {
    // The spawning tool is `Agent`; some versions still send it to the API as `Task`.
    const spawner = tools.find((name) => name === 'Agent') ?? tools.find((name) => name === 'Task');
    if (!messages.some((message) => message.role === 'assistant') && spawner) {
      state.requests.push({ path: '', model, kind: `main: call ${spawner}` });
      return state.targets.map((agent, index) => ({
        type: 'tool_use',
        id: toolUseId(agent, index),
        name: spawner,
        input: { subagent_type: agent, description: `probe ${index}`, prompt: `${PROBE_PREFIX}${agent}`, run_in_background: false },
      }));
    }
    recordToolResults(messages, state);
    state.requests.push({ path: '', model, kind: 'main: after' });
    return [{ type: 'text', text: 'done' }];
  }
  state.requests.push({ path: '', model, kind: 'other' });
  return [{ type: 'text', text: 'ok' }];
}

function recordToolResults(messages: { role: string; content: unknown }[], state: FakeApiState): void {
  const byId = new Map(state.targets.map((agent, index) => [toolUseId(agent, index), agent]));
  for (const message of messages) {
    if (message.role !== 'user' || !Array.isArray(message.content)) continue;
    for (const part of message.content as { type?: string; tool_use_id?: string; is_error?: boolean; content?: unknown }[]) {
      if (part?.type !== 'tool_result' || !byId.has(String(part.tool_use_id))) continue;
      const agent = byId.get(String(part.tool_use_id))!;
      if (state.results.some((result) => result.agent === agent)) continue;
      state.results.push({ agent, isError: part.is_error === true, text: textOf(part.content) });
    }
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, state: FakeApiState): Promise<void> {
  const path = (request.url ?? '').split('?')[0];
  if (request.method !== 'POST') {
    response.writeHead(404).end();
    return;
  }
  const raw = await readBody(request, 64 * 1024 * 1024);
  if (path.endsWith('/count_tokens')) {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"input_tokens":1}');
    return;
  }
  if (!path.endsWith('/v1/messages')) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"type":"error","error":{"type":"not_found_error","message":"not found"}}');
    return;
  }
  const body = JSON.parse(raw) as MessagesRequest;
  const blocks = respond(body, state);
  const model = String(body.model ?? 'claude');
  if (body.stream) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.end(messageStream(model, blocks));
  } else {
    const stopReason = blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: 'msg_conformance', type: 'message', role: 'assistant', model, content: blocks, stop_reason: stopReason, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } }));
  }
}

/** Starts the fake on 127.0.0.1 (an ephemeral port); `close` stops it and drops open sockets. */
export async function startFakeApi(targets: string[]): Promise<{ url: string; state: FakeApiState; close: () => Promise<void>; server: Server }> {
  const state: FakeApiState = { targets, spawns: [], results: [], requests: [] };
  const server = createServer((request, response) => {
    handle(request, response, state).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: String(error) } }));
    });
  });
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
