// Every choice of a snippet, by tab stop: what the snippet tests compare with the schema's values.
import { parseSnippet, type SnippetNode } from '../../server/src/service/text/snippetSyntax';

/** Every choice of a snippet, by tab stop. */
export function snippetChoices(body: string): Map<number, string[]> {
  const choices = new Map<number, string[]>();
  const walk = (list: SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'choice') choices.set(node.index, node.options);
      if (node.kind === 'tabstop') walk(node.children);
      if (node.kind === 'variable' && node.children) walk(node.children);
    }
  };
  walk(parseSnippet(body));
  return choices;
}
