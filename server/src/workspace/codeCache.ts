// Runs a bundle as a CommonJS module through V8's code cache: a run after the first
// skips parsing and compiling the functions the first one compiled (Node 20 has no
// module.enableCompileCache). The cache lives in the user's cache folder, is keyed on
// the Node version and the bundle's size and time, and V8 itself rejects data that does
// not match the source or the V8 flags; a cache that cannot be read or written only
// costs that time.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { defaultCacheFolder } from './cacheFolder';

/** After this long the functions start-up needed are compiled, and go into the cache. */
const WRITE_CACHE_AFTER_MS = 1500;
const loaded = new Map<string, unknown>();

/** The exports of the bundle at `file` (once per process, as require would). */
export function requireWithCodeCache(file: string): unknown {
  if (loaded.has(file)) return loaded.get(file);
  // The bundles are ASCII (esbuild.mjs), so Latin-1 reads them as UTF-8 would; Node makes a large
  // Latin-1 string without decoding it, outside V8's heap (bench/README.md, the third round).
  const source = readFileSync(file, 'latin1');
  const stamp = statSync(file);
  const cacheFile = path.join(defaultCacheFolder(), `${path.basename(file, '.js')}-${process.version}-${process.arch}-${stamp.size}-${Math.round(stamp.mtimeMs)}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // None yet: this run writes it.
  }
  const script = new Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: file, cachedData });
  const bundle = new Module(file);
  bundle.filename = file;
  loaded.set(file, bundle.exports);
  (script.runInThisContext() as (...args: unknown[]) => void).call(bundle.exports, bundle.exports, createRequire(file), bundle, file, path.dirname(file));
  loaded.set(file, bundle.exports);
  if (!cachedData || script.cachedDataRejected) writeLater(script, cacheFile, cachePrefix(file));
  return bundle.exports;
}

/** Once start-up is over, or at exit if that comes first (a short run). */
function writeLater(script: Script, cacheFile: string, prefix: string): void {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
      removeOtherCaches(cacheFile, prefix);
    } catch {
      // A read-only cache folder: every run compiles, as without a cache.
    }
  };
  setTimeout(write, WRITE_CACHE_AFTER_MS).unref();
  process.on('exit', write);
}

/**
 * Removes the caches of other builds of the same bundle (another version, another Node): each
 * build writes its own, and they would pile up in the user's cache folder. A build that still
 * runs beside this one (two versions of the extension) writes its cache again on its next start.
 */
function removeOtherCaches(cacheFile: string, prefix: string): void {
  const folder = path.dirname(cacheFile);
  for (const other of readdirSync(folder)) {
    if (other.startsWith(prefix) && other.endsWith('.v8cache') && other !== path.basename(cacheFile)) rmSync(path.join(folder, other), { force: true });
  }
}

/** The start of the name of every cache of this bundle, whatever its build: its name, then process.version (`v20...`). */
function cachePrefix(file: string): string {
  return `${path.basename(file, '.js')}-v`;
}
