// Group `core`: the language core against its parse floor, in process and warm.
// Floor = read the bytes + yaml parse of the frontmatter + markdown-it block
// tokens of the body (the two parses the core cannot avoid). Full = read the
// bytes + parse into the document model + every diagnostic.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadCore } from './lib/coreBundle.mjs';
import { corpusFiles, seedFiles } from './lib/fixtures.mjs';

export const columns = ['file', 'kb', 'floorMs', 'fullMs', 'ratio', 'parseMs'];

const SAMPLES = 200;
const WARMUP = 50;

function median(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[SAMPLES >> 1];
}

export async function run(ctx) {
  const core = await loadCore(ctx);
  const require = createRequire(join(ctx.repoRoot, 'package.json'));
  const MarkdownIt = require('markdown-it');
  const { parseDocument } = require('yaml');
  const md = new MarkdownIt();
  md.core.ruler.enableOnly(['normalize', 'block']);

  const largest = corpusFiles().reduce((a, b) => (statSync(b.src).size > statSync(a.src).size ? b : a));
  const files = [...seedFiles(), largest];
  let version = 0;
  return files.map((f) => {
    const floor = median(() => {
      const text = readFileSync(f.src, 'utf8');
      const close = text.indexOf('\n---', 3);
      parseDocument(text.slice(4, close));
      md.parse(text.slice(close + 4), {});
    });
    const full = median(() => {
      const text = readFileSync(f.src, 'utf8');
      core.createAgentService().validate(core.parseAgent(f.src, version++, text));
    });
    const text = readFileSync(f.src, 'utf8');
    const parse = median(() => core.parseAgent(f.src, version++, text));
    return { file: f.sub ? `${f.sub}/${f.name}` : f.name, kb: statSync(f.src).size / 1024, floorMs: floor, fullMs: full, ratio: full / floor, parseMs: parse };
  });
}
