// The language server's entry point (dist/server.js): runs the server bundle
// (dist/server-main.js, built from server.ts) through V8's code cache, which saves
// start-up CPU (workspace/codeCache.ts; measured in bench/README.md).
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { requireWithCodeCache } from './workspace/codeCache';

// V8 grows the young generation while a large folder is indexed: parsing makes short-lived
// garbage fast, and the grown space stays in RSS. Kept at its initial size, indexing is a
// little slower at a lower peak RSS (bench/README.md). (The other heap flags only take effect on the command line, which the server does not own.)
// Set before compiling: code cache data carries the flags it was made under.
setFlagsFromString('--semi-space-growth-factor=1');

requireWithCodeCache(path.join(__dirname, 'server-main.js'));
