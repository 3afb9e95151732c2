// The matcher of a list of globs (`ignore`, `agentGlobs`), picomatch's. picomatch is loaded
// the first time there are globs to match: most folders set none, and neither the server's
// start nor a warm `check --cache` then evaluates it.
import type picomatch from 'picomatch';

/** Matches a slash-separated relative path against any of `globs` (dotfiles too); undefined for no globs. */
export function globMatcher(globs: readonly string[]): ((relative: string) => boolean) | undefined {
  return globs.length ? (require('picomatch') as typeof picomatch)([...globs], { dot: true }) : undefined;
}
