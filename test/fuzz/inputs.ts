// Agent texts for the fuzz properties: real files (the seeds and the corpus)
// mutated the ways files really break (flipped bytes, cut at a line, a lost
// `---`, shuffled lines, stray Unicode, lone surrogates, NUL, other line
// endings), documents assembled from agent-file fragments, and plain noise.
import fc from 'fast-check';
import { allSeeds, corpusFiles } from '../support/fixtures';

let sources: string[] | undefined;

/** The seeds first, then every corpus file (read once). */
export function sourceTexts(): string[] {
  sources ??= [...allSeeds(), ...corpusFiles()].map((f) => f.text);
  return sources;
}

type Mutation = (text: string) => string;

const at = (text: string, n: number) => (text.length ? n % (text.length + 1) : 0);
const insert = (text: string, n: number, piece: string) => text.slice(0, at(text, n)) + piece + text.slice(at(text, n));
const splitLines = (text: string) => text.split(/(?<=\n)/);

/** Pieces of agent files that steer the analyser into its corners. */
export const FRAGMENTS = [
  '---',
  '---\n',
  '\n---\n',
  '---js\n',
  '---javascript\n',
  '--- \n',
  '----\n',
  '\r\n',
  '\r',
  '\n',
  '\uFEFF',
  '\0',
  'name: ',
  'name: Bad Name\n',
  'name: a:b\n',
  'description: ',
  'description: Use it: always\n',
  'description: >-\n  folded\n',
  'tools: Read, Read, LS, Task, MultiEdit, Grepp\n',
  'tools:\n  - Read\n  - Read\n  - LS\n',
  'tools: Agent(a, b), Task(x)\n',
  'disallowedTools: Bash(rm:*)\n',
  'model: sonet\n',
  'model:\n  nested: map\n',
  'color: bleu\n',
  'hooks: []\n',
  'hooks: {}\n',
  'proactive_triggers:\n  - BadTrigger\n  - BadTrigger\n',
  'unknown_key: 1\n',
  'a: &a [1, *a]\n',
  '*alias',
  '&anchor',
  'key: "unclosed\n',
  "key: 'x\n",
  '{',
  '}',
  '[',
  ']',
  ': ',
  ' - ',
  '# ',
  '## ',
  '### ',
  '###### heading\n',
  '```\n',
  '~~~\n',
  '    indented code\n',
  '**Rule 1: First**\n- bullet\n',
  '**Rule 3: Third**\n',
  '📌 Rule 2: Pinned\n',
  '- **Rule 4: Listed**\n',
  'Rule 7',
  'Rule 0',
  'Rule 999999',
  'YOU ARE BOUND BY THE FOLLOWING 3 RULES\n',
  '## RULE ENFORCEMENT\n',
  '## Cross-Agent Validation\n- **nobody**: checks\n- other-agent: x\n',
  '<!-- agentry-disable-next-line -->\n',
  '# agentry-disable-next-line unknown-key\n',
  'â€”',
  'ðŸš¨',
  'Ã©',
  '\u2028',
  '\u2029',
  '\u0085',
  '\uD800',
  '\uDFFF',
  '\uD83D\uDE00',
  'e\u0301',
  '\u200B',
  '\t',
  ' '.repeat(40),
  '-'.repeat(20),
  '*'.repeat(30),
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // A flipped bit in the UTF-8 bytes, decoded again as a host reading the file would.
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([n, bit]): Mutation => (text) => {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return text;
    bytes[n % bytes.length] ^= 1 << bit;
    return bytes.toString('utf8');
  }),
  // Cut after some line, or in the middle of one.
  fc.tuple(fc.nat(), fc.boolean()).map(([n, midLine]): Mutation => (text) => {
    const lines = splitLines(text);
    const kept = lines.slice(0, n % (lines.length + 1)).join('');
    return midLine ? text.slice(0, at(text, n)) : kept;
  }),
  // One `---` line goes missing.
  fc.nat().map((n): Mutation => (text) => {
    const lines = splitLines(text);
    const delimiters = lines.map((l, i) => (/^---\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (delimiters.length === 0) return text;
    lines.splice(delimiters[n % delimiters.length], 1);
    return lines.join('');
  }),
  // Lines swapped pairwise, a few times or many.
  fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }).map((swaps): Mutation => (text) => {
    const lines = splitLines(text);
    for (const [a, b] of swaps) {
      const i = a % lines.length;
      const j = b % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return lines.join('');
  }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 12 })).map(
    ([n, piece]): Mutation =>
      (text) =>
        insert(text, n, piece),
  ),
  fc.tuple(fc.nat(), fc.string({ unit: 'grapheme', maxLength: 12 })).map(
    ([n, piece]): Mutation =>
      (text) =>
        insert(text, n, piece),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 0xd800, max: 0xdfff })).map(
    ([n, unit]): Mutation =>
      (text) =>
        insert(text, n, String.fromCharCode(unit)),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })).map(
    ([n, count]): Mutation =>
      (text) =>
        insert(text, n, '\0'.repeat(count)),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...FRAGMENTS)).map(
    ([n, piece]): Mutation =>
      (text) =>
        insert(text, n, piece),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(
    ([n, length]): Mutation =>
      (text) =>
        text.slice(0, at(text, n)) + text.slice(at(text, n) + length),
  ),
  fc.constantFrom<Mutation>(
    (text) => text.replace(/\r?\n/g, '\r\n'),
    (text) => text.replace(/\r?\n/g, '\r'),
    (text) => `\uFEFF${text}`,
  ),
);

/** A seed or corpus file with up to five mutations. */
export const mutatedAgent: fc.Arbitrary<string> = fc.tuple(fc.nat(), fc.array(mutation, { maxLength: 5 })).map(([n, mutations]) => {
  const texts = sourceTexts();
  return mutations.reduce((text, mutate) => mutate(text), texts[n % texts.length]);
});

/** A document assembled from fragments: frontmatter-like lines, then body-like lines. */
export const assembledAgent: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme-ascii', maxLength: 20 })), { maxLength: 12 }),
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 30 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([head, body, eol, closed]) => `---\n${head.join('')}${closed ? '\n---\n' : ''}${body.join('')}`.replace(/\r?\n/g, eol));

/** Anything at all. */
export const noise: fc.Arbitrary<string> = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'binary-ascii', maxLength: 400 }));

export const anyAgentText: fc.Arbitrary<string> = fc.oneof({ arbitrary: mutatedAgent, weight: 5 }, { arbitrary: assembledAgent, weight: 3 }, { arbitrary: noise, weight: 1 });
