// The files a project's results depend on besides the agents themselves, read as
// raw text: the configuration (`.agentry.json`, or package.json with an `agentry`
// key, the nearest at or above the start folder), `.mcp.json` beside it and the
// rules document it names. Light on purpose (no schema, no parser): the CLI's cache
// keys on these texts before it loads the linter.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../service/config/configFile';

export interface ConfigFile {
  /** Folder of the file: the project root. */
  root: string;
  file: string;
  text: string;
  inPackageJson: boolean;
}

export interface ProjectSources {
  /** The config's folder, else the start folder. */
  root: string;
  config?: ConfigFile;
  mcpText?: string;
  rulesFile?: string;
  rulesText?: string;
  /** `ignore` globs as the config's JSON has them (checked by the schema only when the linter loads). */
  ignore: string[];
}

export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The nearest config at or above `start`. */
export function findConfigFile(start: string): ConfigFile | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const own = readIfExists(path.join(dir, CONFIG_FILE));
    if (own !== undefined) return { root: dir, file: path.join(dir, CONFIG_FILE), text: own, inPackageJson: false };
    const pkg = readIfExists(path.join(dir, 'package.json'));
    if (pkg !== undefined && /"agentry"\s*:/.test(pkg)) return { root: dir, file: path.join(dir, 'package.json'), text: pkg, inPackageJson: true };
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function readProjectSources(start: string): ProjectSources {
  const config = findConfigFile(start);
  const root = config?.root ?? path.resolve(start);
  let raw: { ignore?: unknown; rulesDocument?: unknown } = {};
  try {
    const data = config ? JSON.parse(config.text) : {};
    raw = (config?.inPackageJson ? data?.agentry : data) ?? {};
  } catch {
    // Malformed: the linter reports it.
  }
  const rulesFile = typeof raw.rulesDocument === 'string' ? path.resolve(root, raw.rulesDocument) : undefined;
  return {
    root,
    config,
    mcpText: readIfExists(path.join(root, '.mcp.json')),
    rulesFile,
    rulesText: rulesFile ? readIfExists(rulesFile) : undefined,
    ignore: Array.isArray(raw.ignore) ? raw.ignore.filter((g): g is string => typeof g === 'string') : [],
  };
}

/** Everything but the agents that the results depend on, with the tool's version, as one string. */
export function projectKey(sources: ProjectSources, toolVersion: string): string {
  const { config, mcpText, rulesFile, rulesText } = sources;
  return JSON.stringify([toolVersion, config?.file, config?.text, mcpText, rulesFile, rulesText]);
}

/**
 * SHA-1 of the content, base64. node:crypto loads on first use: a warm cached run never
 * hashes. Its one-shot `hash` (Node 20.12 and later) makes no Hash object a file, which a
 * cold index of many files pays for (bench/README.md).
 */
export function hashBytes(data: Uint8Array): string {
  const { hash, createHash } = require('node:crypto') as Omit<typeof import('node:crypto'), 'hash'> & Partial<Pick<typeof import('node:crypto'), 'hash'>>;
  return hash ? hash('sha1', data, 'base64') : createHash('sha1').update(data).digest('base64');
}
