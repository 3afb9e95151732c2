// Generates the JSON Schemas in schemas/ from the zod schemas (zod 4's toJSONSchema), so
// that yaml-language-server, VS Code's JSON support and other tools see the same keys,
// values and descriptions as Agentry. Run `npm run schemas` after changing a zod schema;
// a unit test fails while a committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { toJSONSchema } from 'zod';
import { CLAUDE_CODE_VERSION } from '../server/src/service/catalog/catalog';
import { configSchema } from '../server/src/service/config/config';
import { CONFIG_SCHEMA_URL, SCHEMAS_URL } from '../server/src/service/config/configFile';
import { DIAGNOSTIC_SUMMARIES } from '../server/src/service/diagnostics/catalog';
import { ALL_CODES, DIAGNOSTIC_CODES, severityName } from '../server/src/service/diagnostics/codes';
import { frontmatterSchema } from '../server/src/service/schema/frontmatterSchema';
import { KNOWN_MODEL_IDS, MODEL_ALIASES } from '../server/src/service/schema/models';
import { BUILTIN_TOOLS } from '../server/src/service/schema/tools';

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema> };

const REPO_ROOT = path.resolve(__dirname, '..');
/** Draft 7: the draft yaml-language-server and most editors read fully. */
const OPTIONS = { target: 'draft-7', io: 'input' } as const;

/** Claude Code drops an agent without these (missing-name, missing-description). */
const REQUIRED_KEYS = { name: true, description: true } as const;

export function frontmatterJsonSchema(): JsonSchema {
  const schema = toJSONSchema(frontmatterSchema.partial().required(REQUIRED_KEYS), OPTIONS) as JsonSchema;
  const properties = schema.properties!;
  // Free-form values with known ones: offered by completion, not enforced (an unknown model or tool is a warning).
  properties.model.examples = [...Object.keys(MODEL_ALIASES), ...KNOWN_MODEL_IDS];
  for (const key of ['tools', 'disallowedTools']) properties[key].examples = [Object.keys(BUILTIN_TOOLS).join(', ')];
  return {
    $schema: schema.$schema,
    $id: `${SCHEMAS_URL}agent-frontmatter.schema.json`,
    title: 'Claude Code subagent frontmatter',
    description: `The YAML frontmatter of a Claude Code subagent file (.claude/agents/*.md), as Agentry checks it, for Claude Code ${CLAUDE_CODE_VERSION}. Keys Claude Code ignores are allowed (Agentry reports them as unknown-key).`,
    ...withoutDraft(schema),
  };
}

export function configJsonSchema(): JsonSchema {
  const schema = toJSONSchema(configSchema(), OPTIONS) as JsonSchema;
  // Every code by name, so that editors complete them; other names stay allowed (additionalProperties).
  const severity = schema.properties!.severity;
  const level = severity.additionalProperties as JsonSchema;
  severity.properties = Object.fromEntries(ALL_CODES.map((code) => [code, { ...level, description: `${DIAGNOSTIC_SUMMARIES[code]} Default: ${severityName(DIAGNOSTIC_CODES[code])}.` }]));
  return {
    $schema: schema.$schema,
    $id: CONFIG_SCHEMA_URL,
    title: 'Agentry configuration (.agentry.json)',
    description: 'The project configuration of Agentry, the linter and language server for Claude Code subagent files.',
    ...withoutDraft(schema),
  };
}

function withoutDraft({ $schema: _, ...rest }: JsonSchema): JsonSchema {
  return rest;
}

/** Each schema file, relative to the repository root, with the text it should hold. */
export function schemaFiles(): Record<string, string> {
  const text = (schema: JsonSchema) => JSON.stringify(schema, null, 2) + '\n';
  return {
    'schemas/agent-frontmatter.schema.json': text(frontmatterJsonSchema()),
    'schemas/agentry-config.schema.json': text(configJsonSchema()),
  };
}

if (require.main === module) {
  for (const [file, text] of Object.entries(schemaFiles())) {
    writeFileSync(path.join(REPO_ROOT, file), text);
    console.log(`wrote ${file}`);
  }
}
