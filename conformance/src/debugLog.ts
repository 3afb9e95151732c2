// Reads Claude Code's --debug-file: which agent file each message is about and what it says.
// Lines start with an ISO time and a [LEVEL]; a line without that prefix continues the previous one.

export type LogKind =
  | 'dropped' // "Failed to parse agent from <file>: <reason>"
  | 'error' // "Agent file <file>: <reason>" (the reason shown to a user)
  | 'yaml-failed' // "YAML frontmatter in <file> failed to parse and was ignored: <reason>"
  | 'yaml-strict-failed' // "Failed to parse YAML frontmatter in <file>: <reason>"
  | 'unknown-keys' // "Agent file <file> has frontmatter key(s) Claude Code does not recognize or apply: ..."
  | 'invalid-value' // "Agent file <file> has invalid <key> '<value>'. Valid options: ..."
  | 'skipped' // "loadMarkdownFilesFromDir: skipping <file>: not a regular file or exceeds ... byte limit"
  | 'other';

export interface LogEntry {
  level: string;
  message: string;
}
export interface FileNote {
  kind: LogKind;
  level: string;
  reason: string;
}

const LINE = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) \[([A-Z]+)\] ?(.*)$/;

export function parseLog(text: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (match) entries.push({ level: match[2], message: match[3] });
    else if (entries.length && line) entries[entries.length - 1].message += `\n${line}`;
  }
  return entries;
}

const FILE = '\u0000file\u0000';
const PATTERNS: { kind: LogKind; pattern: RegExp }[] = [
  { kind: 'dropped', pattern: /Failed to parse agent from \u0000file\u0000: (.*)/s },
  { kind: 'yaml-failed', pattern: /YAML frontmatter in \u0000file\u0000 failed to parse and was ignored: (.*)/s },
  { kind: 'yaml-strict-failed', pattern: /Failed to parse YAML frontmatter in \u0000file\u0000: (.*)/s },
  { kind: 'error', pattern: /Agent file \u0000file\u0000: (.*)/s },
  { kind: 'unknown-keys', pattern: /Agent file \u0000file\u0000 has (?:a )?frontmatter keys? Claude Code does not recognize or apply: (.*)/s },
  { kind: 'skipped', pattern: /skipping \u0000file\u0000: (.*)/s },
  { kind: 'invalid-value', pattern: /Agent file \u0000file\u0000 has (invalid .*)/s },
];

/** What one message says about `file`, which it is known to contain. */
export function classify(message: string, file: string): { kind: LogKind; reason: string } {
  const marked = message.split(file).join(FILE);
  for (const { kind, pattern } of PATTERNS) {
    const match = pattern.exec(marked);
    if (match) return { kind, reason: match[1].split(FILE).join(file).trim() };
  }
  return { kind: 'other', reason: message.trim() };
}

/**
 * The notes about each of `files` (absolute paths as Claude Code prints them). A message is
 * attributed to the longest file path it contains, so `a.md` never takes `aa.md`'s lines.
 */
export function notesByFile(entries: LogEntry[], files: string[]): Map<string, FileNote[]> {
  const notes = new Map<string, FileNote[]>(files.map((file) => [file, []]));
  const longestFirst = [...files].sort((a, b) => b.length - a.length);
  for (const entry of entries) {
    const file = longestFirst.find((candidate) => containsPath(entry.message, candidate));
    if (file) notes.get(file)!.push({ level: entry.level, ...classify(entry.message, file) });
  }
  return notes;
}

/** `file` occurs in `message` as a whole path (not as the prefix of a longer one). */
function containsPath(message: string, file: string): boolean {
  let at = message.indexOf(file);
  while (at >= 0) {
    const next = message[at + file.length];
    if (next === undefined || !/[\w.\-/]/.test(next)) return true;
    at = message.indexOf(file, at + 1);
  }
  return false;
}

/** Messages about an agent by name (`Agent '<name>': ...`), as for a top-level hook key. */
export function notesByAgentName(entries: LogEntry[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const entry of entries) {
    const match = /^Agent '([^']*)': (.*)$/s.exec(entry.message);
    if (!match) continue;
    byName.set(match[1], [...(byName.get(match[1]) ?? []), match[2]]);
  }
  return byName;
}

/** The one-line reason Claude Code gives for dropping a file, or undefined when it logs none. */
export function dropReason(notes: FileNote[]): string | undefined {
  const pick = (kind: LogKind) => notes.find((note) => note.kind === kind)?.reason;
  return pick('yaml-failed') ?? pick('error') ?? pick('dropped') ?? pick('skipped');
}
