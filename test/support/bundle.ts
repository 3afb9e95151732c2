// Bundles one entry point as the product build does (node, cjs) without writing it, for tests
// that check what a bundle holds.
import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { REPO_ROOT } from './fixtures';

export async function bundleMetafile(entry: string, outfile: string): Promise<Metafile> {
  const result = await build({ entryPoints: [path.join(REPO_ROOT, entry)], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, outfile, logLevel: 'silent' });
  return result.metafile;
}
