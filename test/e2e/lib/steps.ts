// A tiny step runner for the end-to-end scripts: each step is timed and reported as `ok` / `FAIL`,
// and finish() prints the timings and the `N passed, N failed` line the runners look for.

export interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
}

export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** Throw `message` unless `cond` holds. */
export function assert(cond: unknown, message: string | (() => string)): asserts cond {
  if (!cond) throw new Error(typeof message === 'function' ? message() : message);
}

export class Steps {
  readonly results: StepResult[] = [];
  private readonly t0 = Date.now();

  constructor(private readonly title: string) {}

  /**
   * Run one step; its return value (if a string) is printed as detail. Returns whether it passed, so
   * a caller can stop when a step the rest depends on failed.
   */
  async step(name: string, fn: () => unknown): Promise<boolean> {
    const start = Date.now();
    try {
      const value = await fn();
      const detail = typeof value === 'string' ? value : undefined;
      const ms = Date.now() - start;
      this.results.push({ name, ok: true, ms, detail });
      console.log(`ok   ${name} (${secs(ms)})${detail ? ` - ${detail}` : ''}`);
      return true;
    } catch (e) {
      const ms = Date.now() - start;
      this.results.push({ name, ok: false, ms });
      const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
      console.log(`FAIL ${name} (${secs(ms)})\n${text.split('\n').slice(0, 12).join('\n')}`);
      return false;
    }
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }

  /** Print the step timings and the `N passed, N failed` line; returns the exit code. */
  finish(): number {
    const width = Math.max(...this.results.map((r) => r.name.length), 4);
    console.log(`\n${this.title}: step timings`);
    for (const r of this.results) console.log(`  ${r.name.padEnd(width)}  ${secs(r.ms).padStart(6)}${r.ok ? '' : '  FAILED'}`);
    console.log(`${this.title}: total ${secs(Date.now() - this.t0)}`);
    console.log(`${this.results.length - this.failed} passed, ${this.failed} failed`);
    return this.failed || this.results.length === 0 ? 1 : 0;
  }
}
