// The `agentry` settings the client sends (per resource), read with the settings schema:
// a malformed value is unset, and so is an empty one (null, an empty string or list: the
// Settings UI's defaults), so that the configuration file's value applies.
import { object, preprocess } from 'zod';
import { CLIENT_SETTINGS, settingsSchema, SEVERITY_LEVEL } from '../service/config/settingsSchema';
import type { ClientSettings } from '../service/config/settings';

export const SETTINGS_SECTION = 'agentry';

/** A value as the client sent it, with what means "unset" made undefined; a list keeps its strings, a severity its valid levels (one bad entry leaves the others in force). */
function unsetIfEmpty(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return value.length ? value.filter((item) => typeof item === 'string') : undefined;
  if (typeof value === 'object') {
    const valid = Object.entries(value).filter(([, level]) => SEVERITY_LEVEL.safeParse(level).success);
    return valid.length ? Object.fromEntries(valid) : undefined;
  }
  return value;
}

const clientShape = settingsSchema.pick(CLIENT_SETTINGS).shape;
const clientSettingsSchema = object(Object.fromEntries(Object.entries(clientShape).map(([key, schema]) => [key, preprocess(unsetIfEmpty, schema).catch(undefined)])));

/** The settings the client can send, by key. */
export const CLIENT_SETTING_KEYS = Object.keys(clientShape) as (keyof ClientSettings)[];

/** Keeps only well-formed values of whatever the client sent; every key is there, unset ones undefined. */
export function readClientSettings(raw: unknown): ClientSettings {
  // jitless: zod would generate and compile a fast path for the object on its first parse, which
  // costs the server's start-up more than a few reads a session win from it (bench/README.md).
  const parsed = clientSettingsSchema.parse(raw && typeof raw === 'object' ? raw : {}, { jitless: true }) as ClientSettings;
  return Object.fromEntries(CLIENT_SETTING_KEYS.map((key) => [key, parsed[key]]));
}
