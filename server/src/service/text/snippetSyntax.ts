// VS Code snippet syntax: a parser for the subset Agentry's snippets use
// (tab stops, placeholders, choices, variables; no transforms) and a resolver
// that turns a snippet into plain text. Pure: no vscode import.
//
//   any         ::= tabstop | placeholder | choice | variable | text
//   tabstop     ::= '$' int | '${' int '}'
//   placeholder ::= '${' int ':' any* '}'
//   choice      ::= '${' int '|' text (',' text)* '|}'
//   variable    ::= '$' var | '${' var '}' | '${' var ':' any* '}'

export type SnippetNode =
  { kind: 'text'; value: string } | { kind: 'tabstop'; index: number; children: SnippetNode[] } | { kind: 'choice'; index: number; options: string[] } | { kind: 'variable'; name: string; children: SnippetNode[] | undefined };

export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

const INT = /^\d+/;
const VAR = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Parses a snippet body; throws SnippetSyntaxError on unbalanced or malformed syntax. */
export function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;

  function fail(message: string): never {
    throw new SnippetSyntaxError(message, pos);
  }

  /** Reads nodes until `}` (when nested) or the end. */
  function nodes(nested: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < body.length) {
      const ch = body[pos];
      if (ch === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
      } else if (ch === '}' && nested) {
        break;
      } else if (ch === '$') {
        const node = dollar();
        if (node) {
          flush();
          out.push(node);
        } else {
          text += '$';
          pos++;
        }
      } else {
        text += ch;
        pos++;
      }
    }
    flush();
    return out;
  }

  /** A construct starting at `$`, or undefined when the `$` is literal text. */
  function dollar(): SnippetNode | undefined {
    const rest = body.slice(pos + 1);
    const bareInt = INT.exec(rest);
    if (bareInt) {
      pos += 1 + bareInt[0].length;
      return { kind: 'tabstop', index: Number(bareInt[0]), children: [] };
    }
    const bareVar = VAR.exec(rest);
    if (bareVar) {
      pos += 1 + bareVar[0].length;
      return { kind: 'variable', name: bareVar[0], children: undefined };
    }
    if (rest[0] !== '{') return undefined;
    const start = pos;
    pos += 2;
    const inner = body.slice(pos);
    const int = INT.exec(inner);
    const name = int ? undefined : VAR.exec(inner);
    if (!int && !name) fail('expected a tab stop number or a variable name after "${"');
    pos += (int ?? name)![0].length;
    const next = body[pos];
    if (next === '}') {
      pos++;
      return int ? { kind: 'tabstop', index: Number(int[0]), children: [] } : { kind: 'variable', name: name![0], children: undefined };
    }
    if (next === ':') {
      pos++;
      const children = nodes(true);
      if (body[pos] !== '}') {
        pos = start;
        fail('unclosed "${"');
      }
      pos++;
      return int ? { kind: 'tabstop', index: Number(int[0]), children } : { kind: 'variable', name: name![0], children };
    }
    if (next === '|' && int) {
      pos++;
      return { kind: 'choice', index: Number(int[0]), options: choiceOptions(start) };
    }
    if (next === '/') fail('transforms are not supported');
    return fail(next === undefined ? 'unclosed "${"' : `unexpected "${next}" in "\${"`);
  }

  function choiceOptions(start: number): string[] {
    const options: string[] = [];
    let option = '';
    while (pos < body.length) {
      const ch = body[pos];
      if (ch === '\\' && pos + 1 < body.length && ',|\\'.includes(body[pos + 1])) {
        option += body[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        options.push(option);
        option = '';
        pos++;
      } else if (ch === '|' && body[pos + 1] === '}') {
        options.push(option);
        pos += 2;
        return options;
      } else {
        option += ch;
        pos++;
      }
    }
    pos = start;
    return fail('unclosed choice "${n|…|}"');
  }

  // At the top level a lone `}` is text, as in VS Code; only `${` must be closed.
  return nodes(false);
}

export interface ResolveOptions {
  /** Values of variables such as TM_FILENAME_BASE. */
  variables?: Readonly<Record<string, string>>;
  /** Text for tab stops, replacing their defaults (and the first choice). */
  tabstops?: Readonly<Record<number, string>>;
}

/**
 * The text a snippet inserts when every tab stop keeps its default: a
 * placeholder's content, a choice's first option; mirrors of a tab stop repeat
 * its value. Unknown variables resolve to their default, else to nothing.
 */
export function resolveSnippet(body: string, options: ResolveOptions = {}): string {
  const tree = parseSnippet(body);
  const values = new Map<number, string>();
  for (const [index, value] of Object.entries(options.tabstops ?? {})) values.set(Number(index), value);

  // A tab stop's value comes from its first occurrence that carries a default.
  const collect = (list: SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'choice' && !values.has(node.index)) values.set(node.index, node.options[0] ?? '');
      if (node.kind === 'tabstop') {
        if (!values.has(node.index) && node.children.length > 0) values.set(node.index, render(node.children));
        collect(node.children);
      }
      if (node.kind === 'variable' && node.children) collect(node.children);
    }
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'choice':
            return values.get(node.index) ?? node.options[0] ?? '';
          case 'tabstop':
            return values.get(node.index) ?? render(node.children);
          case 'variable':
            return options.variables?.[node.name] ?? (node.children ? render(node.children) : '');
        }
      })
      .join('');
  collect(tree);
  return render(tree);
}
