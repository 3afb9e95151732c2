// What linting one file produced, as the output formats and the cache see it.
import type { Diagnostic } from 'vscode-languageserver-types';

export interface FileResult {
  file: string;
  uri: string;
  diagnostics: Diagnostic[];
  fixed: boolean;
  /** Why fixes were found but not written. */
  notFixed?: string;
}
