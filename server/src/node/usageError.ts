// An error the user can fix (bad arguments, missing path, malformed config):
// reported as one clear line, never a stack trace.
export class UsageError extends Error {}
