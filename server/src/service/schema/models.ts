// Model values: Claude Code keeps any non-empty string as written; at spawn it
// resolves the aliases of the catalog case-insensitively (and `inherit`) and
// sends anything else to the API as written, so only a full Claude model id works.
import { CATALOG, lookup } from '../catalog/catalog';

export const MODEL_ALIASES: Readonly<Record<string, string>> = CATALOG.modelAliases;
export const KNOWN_MODEL_IDS: readonly string[] = CATALOG.modelIds;

/** A full Claude model id such as `claude-sonnet-4-20250514` or `claude-opus-4-5`. */
const MODEL_ID = /^claude-(?:(?:opus|sonnet|haiku|fable)-\d+(?:-\d+)?|\d+(?:-\d+)?-(?:opus|sonnet|haiku))(?:-\d{8})?(?:\[1m\])?$/;

/** The description of a model alias (any case), or undefined when `value` is not one. */
export function modelAlias(value: string): string | undefined {
  return lookup(MODEL_ALIASES, value.toLowerCase());
}

export function isKnownModel(value: string, extra: readonly string[] = []): boolean {
  return modelAlias(value) !== undefined || MODEL_ID.test(value) || extra.includes(value);
}

/** How Claude Code reads a model value: an alias (lower-cased), `inherit`, or an id sent as written. */
export function resolveModel(value: string): { kind: 'inherit' | 'alias' | 'id'; resolved: string } {
  const lower = value.toLowerCase();
  if (lower === 'inherit') return { kind: 'inherit', resolved: 'inherit' };
  if (lookup(MODEL_ALIASES, lower) !== undefined) return { kind: 'alias', resolved: lower };
  return { kind: 'id', resolved: value };
}
