// Every child process the harness starts goes through `run`: bounded by a timeout, and
// killed (its whole process group) when the harness exits, fails or is interrupted.
import { spawn, type ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** Kills every child still running (for exit and signal handlers). */
export function stopAll(): void {
  for (const child of running) killGroup(child);
  running.clear();
}

let installed = false;
/** Makes sure children die with the harness: on exit, SIGINT, SIGTERM and an uncaught error. */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
}

export interface RunResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs a command to completion within `timeoutMs`; `input` is written to stdin, which then stays
 * open until `closeStdinWhen` sees the wanted output (or is closed at once when not given).
 */
export function run(
  command: string,
  args: string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    input?: string;
    closeStdinWhen?: (stdout: string) => boolean;
    maxOutput?: number;
  },
): Promise<RunResult> {
  installCleanup();
  const maxOutput = options.maxOutput ?? 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, options.timeoutMs);
    const closeStdin = () => {
      if (!child.stdin.destroyed) child.stdin.end();
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < maxOutput) stdout += chunk;
      if (options.closeStdinWhen?.(stdout)) closeStdin();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < maxOutput) stderr += chunk;
    });
    child.stdin.on('error', () => {
      /* the child may exit before reading its input */
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      killGroup(child);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    if (options.input !== undefined) child.stdin.write(options.input);
    if (!options.closeStdinWhen) closeStdin();
  });
}
