// The language server's entry point (dist/server.js): loads the server bundle
// (dist/server-main.js, built from server.ts) through V8's code cache, so a start
// after the first skips parsing and compiling most of its 2 MB (about a quarter of
// the start-up's CPU on Node 20, which has no module.enableCompileCache). The
// cache lives in the user's cache folder, is keyed on the Node version and on the
// bundle's size and time, and V8 itself rejects data that does not match the
// source; a cache that cannot be read or written only costs that time.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { defaultCacheFolder } from './workspace/cacheFolder';

// V8 grows the young generation up to 16 MB semi-spaces while a large folder is indexed:
// parsing makes short-lived garbage fast, and the grown space stays in RSS. Kept at its
// initial size, 10,000 agents index in about 5% more time at ~30 MB less peak RSS. (The
// other heap flags only take effect on the command line, which the server does not own.)
// Set before compiling: code cache data carries the flags it was made under.
setFlagsFromString('--semi-space-growth-factor=1');

/** After this long the functions start-up needed are compiled, and go into the cache. */
const WRITE_CACHE_AFTER_MS = 1500;

const main = path.join(__dirname, 'server-main.js');
const source = readFileSync(main, 'utf8');
const stamp = statSync(main);
const cacheFile = path.join(defaultCacheFolder(), `server-${process.version}-${process.arch}-${stamp.size}-${Math.round(stamp.mtimeMs)}.v8cache`);
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // None yet: this start writes it.
}
const script = new Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: main, cachedData });
const mainModule = new Module(main, module);
mainModule.filename = main;
(script.runInThisContext() as (...args: unknown[]) => void).call(mainModule.exports, mainModule.exports, createRequire(main), mainModule, main, __dirname);

if (!cachedData || script.cachedDataRejected) {
  let written = false;
  const writeCache = () => {
    if (written) return;
    written = true;
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only cache folder: every start compiles, as without a cache.
    }
  };
  // Once start-up is over, or at exit if that comes first (a server asked only to initialize).
  setTimeout(writeCache, WRITE_CACHE_AFTER_MS).unref();
  process.on('exit', writeCache);
}
