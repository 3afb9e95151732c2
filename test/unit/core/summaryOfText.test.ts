// The index's summary of a text (from its frontmatter alone, or with its body read by the
// line reader and its positions from the index's line table) against the summary of the
// fully parsed document: the same on every seed and corpus file, on generated bodies of
// rules, references, headings, lists and code, and on the fuzz inputs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAgent } from '../../../server/src/service/parse/parseAgent';
import { mayHoldBodyFacts } from '../../../server/src/service/parse/bodyScanner';
import { readLineBlocks } from '../../../server/src/service/parse/lineBlocks';
import { splitFrontmatter } from '../../../server/src/service/parse/splitFrontmatter';
import { bomLengthOf } from '../../../server/src/service/text/hasFrontmatter';
import { summaryOfText } from '../../../server/src/service/workspace/summaryOfText';
import { summarize } from '../../../server/src/service/workspace/workspaceIndex';
import { anyAgentText } from '../../fuzz/inputs';
import { allSeeds, corpusFiles } from '../../support/fixtures';

const URI = 'file:///ws/.claude/agents/some-agent.md';

/** Compares both summaries; true when the text took the frontmatter-only reading. */
function agrees(text: string, label: string): boolean {
  assert.deepEqual(summaryOfText(URI, text), summarize(parseAgent(URI, 0, text)), label);
  return !mayHoldBodyFacts(text);
}

/** Lines of rules, references, Cross-Agent Validation sections and what hides them: code, headings, lists, quotes. */
const BODY_LINES = [
  ...['**Rule 1: First**', '**Rule 2: Second**', '- **Rule 3: Third**', '📌 Rule 4: Pinned', '  **Rule 1: Again**', '- bullet', '  - nested bullet', 'See Rule 2 and Rule 9.'],
  ...['## Cross-Agent Validation', '# Cross agent validation', '### Deeper', '## Other', '- **other-agent**: checks', '- plain-agent: checks', '  - **nested-agent**: x'],
  ...['```', '~~~', '    **Rule 5: Indented**', '    code', '> **Rule 6: Quoted**', '---', '===', '***', '', 'text', '1. step', '\t**Rule 7: Tabbed**', '<div>Rule 8</div>'],
];

function bodyOf(text: string): string {
  const split = splitFrontmatter(text, bomLengthOf(text));
  return split?.closed ? text.slice(split.blockEnd) : text;
}

describe('summary of a text that is not open', () => {
  it('is that of the parsed document on every seed and corpus file, most read from the frontmatter alone', () => {
    const files = [...allSeeds(), ...corpusFiles()];
    const short = files.filter((f) => agrees(f.text, f.name)).length;
    assert.ok(short > files.length / 2 && short < files.length, `${short} of ${files.length} from the frontmatter alone`);
  });

  it('is that of the parsed document on the files with rules or agent references, most with their body read by the line reader', () => {
    const files = [...allSeeds(), ...corpusFiles()].filter((f) => mayHoldBodyFacts(f.text));
    for (const f of files) agrees(f.text, f.name);
    const lineRead = files.filter((f) => readLineBlocks(bodyOf(f.text), 0) !== undefined).length;
    assert.ok(lineRead > (files.length * 9) / 10, `${lineRead} of ${files.length} read by the line reader`);
  });

  it('is that of the parsed document on generated bodies of rules, references, headings, lists and code', () => {
    let lineRead = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 18 }), fc.constantFrom('\n', '\r\n'), (lines, lineBreak) => {
        const text = `---\nname: a\ndescription: b\n---\n${lines.join(lineBreak)}\n`;
        agrees(text, JSON.stringify(lines));
        if (readLineBlocks(bodyOf(text), 0)) lineRead++;
      }),
      { seed: 20_261_201, numRuns: 3000 },
    );
    assert.ok(lineRead > 1000, `${lineRead} of 3000 read by the line reader`);
  });

  it('is that of the parsed document where line ends and names sit at the edges', () => {
    const texts = [
      '---\r\nname: a\r\ndescription: b\r\n---\r\n',
      '---\rname: a\r---\r',
      '\uFEFF---\nx: 1\nname: a\n---\n',
      '---\nname:\n---\n',
      'name: a\n',
      '',
      '---\nname: a\ntools: Agent(x, y)\n---\n## cross agent  validation\n- **x**: y\n',
      '---\nname: a\n---\n**Rule 1: A**\n- b\nSee Rule 2\n',
      '---\nname: [a]\n---\n',
    ];
    const short = texts.filter((t) => agrees(t, JSON.stringify(t))).length;
    assert.ok(short >= 5 && short < texts.length, `${short} of ${texts.length}`);
  });

  it('is that of the parsed document on the fuzz inputs', () => {
    fc.assert(
      fc.property(anyAgentText, (text) => void agrees(text, JSON.stringify(text.slice(0, 400)))),
      { seed: 20_261_201, numRuns: 1000 },
    );
  });
});
