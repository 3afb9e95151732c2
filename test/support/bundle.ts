// Bundles one entry point as the product build does (node, cjs) without writing it, for tests
// that check what a bundle holds.
import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { REPO_ROOT } from './fixtures';

/** The bundle of `entry`: its metafile and its text. */
export async function bundleOf(entry: string, outfile: string): Promise<{ metafile: Metafile; text: string }> {
  const result = await build({ entryPoints: [path.join(REPO_ROOT, entry)], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, outfile, logLevel: 'silent' });
  return { metafile: result.metafile, text: result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '' };
}

export async function bundleMetafile(entry: string, outfile: string): Promise<Metafile> {
  return (await bundleOf(entry, outfile)).metafile;
}
