// Types for esbuild.mjs's escaping, which the bundle tests call.
export function asciiEscape(text: string): string;
