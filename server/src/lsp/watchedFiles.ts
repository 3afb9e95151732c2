// The files the server asks the client to watch, and the events it accepts from it.
import { literal, object, string, union } from 'zod';
import { FileChangeType, WatchKind, type FileEvent, type FileSystemWatcher } from './languageServer';
import { userSkillsFolder } from '../workspace/skillSources';
import { pathToUri } from '../workspace/files';
import type { Logger } from './guard';

export const WATCHED_FILES: FileSystemWatcher[] = [
  { globPattern: '**/*.md' },
  { globPattern: '**/.mcp.json' },
  { globPattern: '**/.agentry.json' },
  // Its `agentry` key is a configuration too.
  { globPattern: '**/package.json' },
  // A folder deleted or renamed is one event for the folder, none for the files in it.
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];

/** The user's skills live outside the workspace: watched where the client can watch a folder of its own. */
export function userSkillWatchers(home: string): FileSystemWatcher[] {
  const baseUri = pathToUri(userSkillsFolder(home));
  return [{ globPattern: { baseUri, pattern: '*/SKILL.md' } }, { globPattern: { baseUri, pattern: '*' }, kind: WatchKind.Create | WatchKind.Delete }];
}

// Built on first use: the language server's start-up gets no file event (bench/README.md, the third round).
const buildFileEvent = () =>
  object({
    uri: string(),
    type: union([literal(FileChangeType.Created), literal(FileChangeType.Changed), literal(FileChangeType.Deleted)]),
  });
let fileEvent: ReturnType<typeof buildFileEvent> | undefined;

/** The well-formed events of a batch; a malformed one is logged and skipped, never the ones after it. */
export function readFileEvents(changes: unknown, log: Logger): FileEvent[] {
  if (!Array.isArray(changes)) {
    log.error('workspace/didChangeWatchedFiles: `changes` is not a list; ignored.');
    return [];
  }
  const events: FileEvent[] = [];
  for (const change of changes) {
    const parsed = (fileEvent ??= buildFileEvent()).safeParse(change);
    if (parsed.success) events.push(parsed.data);
    else log.error(`workspace/didChangeWatchedFiles: malformed event ${JSON.stringify(change)?.slice(0, 200)} skipped.`);
  }
  return events;
}
