// The per-user folder the server's caches go to (index caches, the code cache) when the
// client names none. Its own small module: the server's loader reads it before anything else.
import { homedir } from 'node:os';
import * as path from 'node:path';

/** Where caches go when the client names no folder: the platform's per-user cache folder. */
export function defaultCacheFolder(env = process.env, platform = process.platform, home = homedir()): string {
  const base = env.XDG_CACHE_HOME || (platform === 'win32' ? env.LOCALAPPDATA || path.join(home, 'AppData', 'Local') : platform === 'darwin' ? path.join(home, 'Library', 'Caches') : path.join(home, '.cache'));
  return path.join(base, 'agentry');
}
