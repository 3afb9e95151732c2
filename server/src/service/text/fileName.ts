// The decoded file name of a document URI.

/** `file.md` of a URI. */
export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
