// Model values the `model:` key accepts: aliases and full model ids.

export const MODEL_ALIASES: Readonly<Record<string, string>> = {
  sonnet: 'The latest Sonnet model: fast and capable, the usual choice for subagents.',
  opus: 'The latest Opus model: the most capable, for hard reasoning and architecture work.',
  haiku: 'The latest Haiku model: fastest and cheapest, for simple high-volume tasks.',
  inherit: 'Use the same model as the main conversation (the default when `model` is omitted).',
  'opusplan': 'Opus while planning, Sonnet while executing.',
  'sonnet[1m]': 'Sonnet with a one-million-token context window.',
  'opus[1m]': 'Opus with a one-million-token context window.',
};

export const KNOWN_MODEL_IDS: readonly string[] = [
  'claude-opus-4-5',
  'claude-opus-4-1',
  'claude-opus-4-1-20250805',
  'claude-opus-4-20250514',
  'claude-sonnet-4-5',
  'claude-sonnet-4-5-20250929',
  'claude-sonnet-4-20250514',
  'claude-haiku-4-5',
  'claude-haiku-4-5-20251001',
  'claude-3-7-sonnet-20250219',
  'claude-3-5-haiku-20241022',
];

/** A full Claude model id such as `claude-sonnet-4-20250514` or `claude-opus-4-5`. */
const MODEL_ID = /^claude-(?:(?:opus|sonnet|haiku)-\d+(?:-\d+)?|\d+(?:-\d+)?-(?:opus|sonnet|haiku))(?:-\d{8})?(?:\[1m\])?$/;

/** The description of a model alias, or undefined when `value` is not one (own keys only, so not `constructor`). */
export function modelAlias(value: string): string | undefined {
  return Object.hasOwn(MODEL_ALIASES, value) ? MODEL_ALIASES[value] : undefined;
}

export function isKnownModel(value: string, extra: readonly string[] = []): boolean {
  return modelAlias(value) !== undefined || MODEL_ID.test(value) || extra.includes(value);
}
