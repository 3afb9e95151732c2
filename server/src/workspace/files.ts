// File URIs and disk reads for the host (the core never touches the disk).
// fs.promises, not node:fs/promises: Node loads it (and the modules it needs) on first use,
// which the language server's start-up from an index cache never makes.
import { promises, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** An absolute path of plain segments, each written in a file URL as it is. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9._-]+)+$/;

/** The file URI of a path. A plain one is `file://` and the path: pathToFileURL resolves the path and builds a URL, a cost on each of ten thousand indexed files (bench/README.md). */
export function pathToUri(file: string): string {
  if (path.sep === '/' && PLAIN_PATH.test(file) && !UNNORMAL_SEGMENT.test(file)) return `file://${file}`;
  return pathToFileURL(file).href;
}

/** Segments path.relative would rewrite: `.`, `..`, an empty one. */
const UNNORMAL_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)|\/\//;

/**
 * `file` relative to `base`, `/`-separated, as path.relative says it. A file plainly below a
 * plain absolute folder is cut from it directly: path.relative resolves both paths, a cost
 * on each of ten thousand indexed files (bench/README.md).
 */
export function slashRelative(base: string, file: string): string {
  const below = path.sep === '/' && base.startsWith('/') && file.startsWith(base) && file[base.length] === '/' && file.length > base.length + 1;
  if (below && !file.endsWith('/') && !UNNORMAL_SEGMENT.test(file)) return file.slice(base.length + 1);
  return path.relative(base, file).split(path.sep).join('/');
}

/**
 * One spelling per file: clients encode file URIs their own way (VS Code writes
 * `c%3A` and `%40`), so every URI the host keys on goes through the path.
 */
export function canonicalUri(uri: string): string {
  const file = uriToPath(uri);
  return file ? pathToUri(file) : uri;
}

export function readTextSync(uri: string): string | undefined {
  const file = uriToPath(uri);
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export async function readText(file: string): Promise<string | undefined> {
  try {
    return await promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
