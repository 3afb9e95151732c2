// A string written as a YAML value.
import { parse } from '../parse/yamlPackage';

/** `text` plain when YAML reads it back as that string, else quoted (`1`, `true`, `null`, `a: b`). */
export function yamlScalar(text: string): string {
  try {
    if (parse(text) === text) return text;
  } catch {
    // Not a plain scalar at all: quoted below.
  }
  return JSON.stringify(text);
}
