// Claude Code's lenient retry, reproduced: when the strict YAML parse fails, it
// rewrites every line `key: value` whose key is only ASCII letters, `_` and `-`
// and whose value holds a YAML indicator or `: `, as `key: "value"` (unless the value
// is already quoted or is a `[...]` list that parses), turns leading tabs into two
// spaces each, and parses the whole text once more. A line that ends in `\r` never
// matches, so a CRLF frontmatter gets no rewrites.
import { parse } from './yamlPackage';
import { flowList } from './simpleYaml';

const RETRY_LINE = /^([a-zA-Z_-]+):\s+(.+)$/;
const NEEDS_QUOTES = /[{}[\]*&#!|>%@`]|: /;

/** One line of the rewritten text and where it came from. */
interface LineMap {
  /** Offset of the line in the original text and in the rewritten text. */
  from: number;
  to: number;
  /** Characters added at the start of the line by turning tabs into spaces. */
  tabGrowth: number;
  rewrite?: RewrittenLine;
}

export interface RewrittenLine {
  key: string;
  /** The value as written (trimmed), in the original text. */
  valueStart: number;
  valueEnd: number;
  /** The rewritten value's quoted span in the rewritten text. */
  quotedStart: number;
  quotedEnd: number;
}

export interface RetryText {
  text: string;
  rewrites: RewrittenLine[];
  /** Maps an offset of the rewritten text back into the original text. */
  toOriginal(offset: number): number;
}

export function claudeRetry(source: string): RetryText {
  const lines: LineMap[] = [];
  const rewrites: RewrittenLine[] = [];
  let out = '';
  let from = 0;
  for (const raw of source.split('\n')) {
    const tabs = /^\t*/.exec(raw)![0].length;
    const line = '  '.repeat(tabs) + raw.slice(tabs);
    const map: LineMap = { from, to: out.length, tabGrowth: tabs };
    const match = RETRY_LINE.exec(line);
    const value = match?.[2].trim();
    if (match && value && NEEDS_QUOTES.test(value) && !isQuoted(value) && !isParsingList(value)) {
      const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      // A matching line starts with its key, so it had no leading tabs: offsets are the original's.
      const valueStart = from + line.indexOf(value, match[1].length + 1);
      const rewrite: RewrittenLine = {
        key: match[1],
        valueStart,
        valueEnd: valueStart + value.length,
        quotedStart: out.length + match[1].length + 2,
        quotedEnd: out.length + match[1].length + 2 + quoted.length,
      };
      map.rewrite = rewrite;
      rewrites.push(rewrite);
      out += `${match[1]}: ${quoted}\n`;
    } else {
      out += line + '\n';
    }
    lines.push(map);
    from += raw.length + 1;
  }
  const text = out.slice(0, -1);
  return {
    text,
    rewrites,
    toOriginal(offset) {
      let lo = 0;
      let hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid].to <= offset) lo = mid;
        else hi = mid - 1;
      }
      const line = lines[lo];
      if (line.rewrite) {
        const r = line.rewrite;
        if (offset < r.quotedStart) return Math.min(line.from + (offset - line.to), r.valueStart);
        return offset >= r.quotedEnd ? r.valueEnd : Math.min(r.valueEnd, r.valueStart + Math.max(0, offset - r.quotedStart - 1));
      }
      const column = offset - line.to;
      // Inside the spaces that replaced tabs: the tab they came from.
      if (column < 2 * line.tabGrowth) return line.from + (column >> 1);
      return line.from + column - line.tabGrowth;
    },
  };
}

function isQuoted(value: string): boolean {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0];
}

function isParsingList(value: string): boolean {
  if (!value.startsWith('[') || !value.endsWith(']')) return false;
  // A list of words parses; the yaml package decides the others.
  if (flowList(value)) return true;
  try {
    return Array.isArray(parse(value));
  } catch {
    return false;
  }
}
