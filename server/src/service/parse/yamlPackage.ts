// The yaml package as the service uses it, loaded on first use: the fast reader takes most
// frontmatter (simpleYaml.ts), so indexing plain agents never needs it, and evaluating its
// modules was a part of the language server's start-up (bench/README.md, the third round).
import type * as Yaml from 'yaml';

export type { Document, Node, Pair, YAMLMap } from 'yaml';

let loaded: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (loaded ??= require('yaml') as typeof Yaml);

export const parse = ((...args: Parameters<typeof Yaml.parse>) => yaml().parse(...args)) as typeof Yaml.parse;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
