// The semantic token types and modifiers the server declares in its capabilities and
// semanticTokens.ts encodes by index: apart, so declaring them loads no analysis.
import type { SemanticTokensLegend } from 'vscode-languageserver-types';

export const TOKEN_TYPES = ['property', 'function', 'enumMember', 'keyword', 'number', 'type'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary', 'deprecated'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };
