// Bundles the pure language core (server/src/service) to one ES module for
// in-process benchmarks, with the same esbuild the product build uses.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadCore(ctx) {
  const outfile = join(ctx.tmpDir, 'core.mjs');
  await build({
    entryPoints: [join(ctx.repoRoot, 'server/src/service/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    // CommonJS dependencies bundled into ESM need a require.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}
