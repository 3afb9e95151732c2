// The code action kind of fix-all, declared in the server's capabilities: apart from
// codeActions.ts, so declaring it loads no analysis.
import { CodeActionKind } from 'vscode-languageserver-types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.agentry`;
