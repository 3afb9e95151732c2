// Finds text that was UTF-8, decoded as Windows-1252 and saved again as UTF-8
// (`ðŸš¨` for `🚨`, `â€”` for `—`), and repairs it by reversing that decoding.

/** Windows-1252 bytes 0x80–0x9F that decode to characters outside Latin-1. */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};
const CONTINUATION = `[\\u0080-\\u00BF${Object.keys(CP1252_HIGH).join('')}]`;
/** A UTF-8 lead byte (as its Windows-1252 character) followed by continuation bytes. */
const CANDIDATE = new RegExp(`(?:[\\u00C2-\\u00F4]${CONTINUATION}{1,3})+`, 'g');
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface MojibakeRun {
  start: number;
  end: number;
  text: string;
  repaired: string;
}

export function findMojibake(text: string, from = 0, to = text.length): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(region); m; m = CANDIDATE.exec(region)) {
    const repaired = repair(m[0]);
    if (repaired !== undefined) runs.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0], repaired });
  }
  return runs;
}

function repair(run: string): string | undefined {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const c = run[i];
    const code = c.charCodeAt(0);
    bytes[i] = code <= 0xff ? code : CP1252_HIGH[c];
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
