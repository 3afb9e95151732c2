// esbuild plugins shared by the product build (esbuild.mjs) and the benchmarks' core bundle.
import { readFile } from 'node:fs/promises';

/**
 * markdown-it 15's dist build sets every class field through Babel's `_defineProperty`
 * helper: `toPropertyKey` -> `toPrimitive` -> `_typeof` (Symbol checks), an `in` walk of
 * the prototype chain and a keyed store whose key varies, so it never gets fast. A Token
 * has 13 fields and a body makes hundreds of tokens: this was a third of markdown-it's
 * time. `_defineProperty(this, "name", value)` in a constructor becomes `this.name = value`,
 * which is the same here (no prototype of theirs has an accessor of a field's name: the
 * helper's `in` check would then define instead of assign), and the helper itself, still
 * used by the object spread, skips `toPropertyKey`, the identity for its string and symbol keys.
 */
export const markdownItFields = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.(cjs\.js|mjs)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { contents, fields, helper } = plainFields(source);
      const warnings = fields && helper ? [] : [{ text: `markdown-it: ${fields} class fields and ${helper ? 'the' : 'no'} _defineProperty helper rewritten; its build changed?` }];
      return { contents, loader: 'js', warnings };
    });
  },
};

const FIELD = /_defineProperty\(\s*this,\s*(?:\/\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",\s*/g;
const HELPER = /function _defineProperty\(e, r, t\) \{[^}]*\}[^}]*\}/;

export function plainFields(source) {
  let out = '';
  let last = 0;
  let fields = 0;
  for (let m; (m = FIELD.exec(source)); ) {
    const end = valueEnd(source, FIELD.lastIndex);
    if (end < 0) continue;
    out += `${source.slice(last, m.index)}this.${m[1]} = ${source.slice(FIELD.lastIndex, end).trim()}`;
    last = end + 1; // past the call's ")"
    FIELD.lastIndex = last;
    fields++;
  }
  out += source.slice(last);
  const helper = HELPER.test(out);
  const fast = 'function _defineProperty(e, r, t) {\n\tif (r in e) Object.defineProperty(e, r, { value: t, enumerable: true, configurable: true, writable: true });\n\telse e[r] = t;\n\treturn e;\n}';
  return { contents: out.replace(HELPER, fast), fields, helper };
}

/** Index of the ")" closing the call whose last argument starts at `from`; -1 if unsure. */
function valueEnd(source, from) {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = source.indexOf(c, i + 1);
      if (close < 0 || source.slice(i + 1, close).includes('\\')) return -1;
      i = close;
    } else if (c === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) return -1;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' && depth === 0) return i;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return -1;
}
