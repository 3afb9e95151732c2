// Where each diagnostic code is documented (docs/diagnostics.md in the repository).
export const DOCS_URL = 'https://github.com/agentry-dev/agentry/blob/main/docs/diagnostics.md';

export function docsUrlFor(code: string): string {
  return `${DOCS_URL}#${code}`;
}
