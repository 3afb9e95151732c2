// The index's summary of a text read from its frontmatter alone against the summary of
// the fully parsed document: the same on every seed and corpus file and on the fuzz inputs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAgent } from '../../../server/src/service/parse/parseAgent';
import { mayHoldBodyFacts } from '../../../server/src/service/parse/bodyScanner';
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

describe('summary of a text that is not open', () => {
  it('is that of the parsed document on every seed and corpus file, most read from the frontmatter alone', () => {
    const files = [...allSeeds(), ...corpusFiles()];
    const short = files.filter((f) => agrees(f.text, f.name)).length;
    assert.ok(short > files.length / 2 && short < files.length, `${short} of ${files.length} from the frontmatter alone`);
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
