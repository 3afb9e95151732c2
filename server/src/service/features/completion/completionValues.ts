// Completion of single values: `model:` aliases and ids, the enum keys
// (`color:`, `permissionMode:`, `memory:`, `effort:`, `isolation:`), booleans,
// and `name:` from the file name.
import type { CompletionItem } from 'vscode-languageserver-types';
import { enumValueDoc, enumValues, isKnownKey } from '../../schema/frontmatterSchema';
import { KNOWN_MODEL_IDS, MODEL_ALIASES } from '../../schema/models';
import { nameFromFile } from '../../schema/agentName';
import { yamlScalar } from '../../schema/yamlScalar';
import type { AgentDocument, Span } from '../../types';
import { completionItem, CompletionItemKind, rank, type CompletionOptions } from './completionItems';
import type { FeatureContext } from '../featureContext';

interface Choice {
  value: string;
  /** The text inserted, when it differs from the value (a quoted name). */
  text?: string;
  documentation?: string;
  detail?: string;
}

function choicesFor(key: string, doc: AgentDocument, ctx: FeatureContext): Choice[] {
  if (key === 'model') {
    return [
      ...Object.entries(MODEL_ALIASES).map(([value, documentation]) => ({ value, documentation, detail: 'alias' })),
      ...KNOWN_MODEL_IDS.map((value) => ({ value, detail: 'model id' })),
      ...ctx.settings.extraModels.map((value) => ({ value, detail: 'from the configuration' })),
    ];
  }
  if (key === 'background') return [{ value: 'true' }, { value: 'false' }];
  if (key === 'name') {
    const name = nameFromFile(doc.uri);
    return [{ value: name, text: yamlScalar(name), detail: 'from the file name' }];
  }
  const values = isKnownKey(key) ? enumValues(key) : undefined;
  return (values ?? []).map((value) => ({ value, documentation: enumValueDoc(key, value) }));
}

export function valueCompletions(doc: AgentDocument, key: string, span: Span, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  return choicesFor(key, doc, ctx).map((choice, i) =>
    completionItem(doc, span, { label: choice.value, text: choice.text, kind: CompletionItemKind.Value, detail: choice.detail, documentation: choice.documentation, sortText: rank(i) }, options),
  );
}
