// An error the user can fix (bad arguments, missing path, malformed config):
// reported as one clear line, never a stack trace.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** By name, not instanceof: the CLI's two bundles (cli.js, cli-lint.js) each have their own class. */
export function isUsageError(error: unknown): boolean {
  return error instanceof Error && error.name === 'UsageError';
}
