// What the body's Markdown structure is read into, by markdown-it or the plain-body reader.
import type { LineRange } from '../types';

export interface BlockHeading {
  level: number;
  /** 0-based line within the parsed text. */
  line: number;
  text: string;
}

export interface BlockStructure {
  headings: BlockHeading[];
  codeRegions: LineRange[];
}
