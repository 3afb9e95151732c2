// The environment Claude Code runs in: a fresh HOME, a dummy key, the API at a loopback
// address, and everything that could reach the network switched off.
import { mkdirSync } from 'node:fs';

/** A closed loopback port: any request Claude Code makes fails at once and stays local. */
export const CLOSED_API = 'http://127.0.0.1:9';

export function claudeEnv(home: string, apiUrl: string = CLOSED_API): NodeJS.ProcessEnv {
  mkdirSync(home, { recursive: true });
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    ANTHROPIC_API_KEY: 'conformance-dummy-key',
    ANTHROPIC_BASE_URL: apiUrl,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    // Deferred tools would hide most of a spawned agent's tools behind ToolSearch.
    ENABLE_TOOL_SEARCH: 'false',
    // One main turn spawns every agent of a project at once.
    CLAUDE_CODE_MAX_CONCURRENT_SUBAGENTS: '1000',
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
}
