// `agentry --print-config <file>`: the configuration that applies to a file, with every
// default filled in and every code's effective severity, as JSON the config schema accepts.
import * as path from 'node:path';
import { ALL_CODES, DIAGNOSTIC_CODES, severityName } from '../service/diagnostics/codes';
import type { AgentryConfig } from '../service/config/config';
import { loadProjectConfig } from '../workspace/projectConfig';

export async function printConfig(file: string, cwd: string): Promise<string> {
  const { config, configFile, problems } = await loadProjectConfig(path.dirname(path.resolve(cwd, file)));
  // The entries left out, as `agentry check` says them; the output is the config without them.
  for (const problem of problems) process.stderr.write(`agentry: warning: ${path.relative(cwd, configFile!) || configFile}: ${problem}\n`);
  const effective: AgentryConfig = {
    requiredSections: config.requiredSections ?? null,
    rulesDocument: config.rulesDocument,
    extraTools: config.extraTools ?? [],
    extraModels: config.extraModels ?? [],
    triggers: config.triggers ?? [],
    severity: { ...Object.fromEntries(ALL_CODES.map((code) => [code, severityName(DIAGNOSTIC_CODES[code])])), ...config.severity },
    ignore: config.ignore ?? [],
  };
  return JSON.stringify(effective, null, 2) + '\n';
}
