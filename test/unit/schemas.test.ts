// The JSON Schemas in schemas/: current with the zod schemas, and agreeing with Agentry on the
// seeds and the corpus (a file Agentry finds no frontmatter problem in validates, and a file with
// a wrong value, a missing required key or a hooks list does not).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { schemaFiles } from '../../scripts/generate-schemas';
import { configSchema } from '../../server/src/service/config/config';
import { ALL_CODES } from '../../server/src/service/diagnostics/codes';
import { analyze, codes } from '../support/analyze';
import { allSeeds, corpusFiles, REPO_ROOT } from '../support/fixtures';

const committed = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validateFrontmatter = ajv.compile(committed('schemas/agent-frontmatter.schema.json'));
const validateConfig = ajv.compile(committed('schemas/agentry-config.schema.json'));

/** Codes that say the frontmatter, as YAML data, is not what the schema describes. */
const FRONTMATTER_PROBLEMS = new Set([
  'frontmatter-missing',
  'frontmatter-unclosed',
  'frontmatter-language',
  'yaml-unreadable',
  'yaml-lenient-value',
  'duplicate-key',
  'missing-name',
  'missing-description',
  'name-colon',
  'invalid-value',
  'empty-hooks',
]);
/** Codes for which the schema must reject the data too. */
const SCHEMA_REJECTS = new Set(['missing-name', 'missing-description', 'invalid-value', 'empty-hooks']);

describe('JSON Schemas', () => {
  it('the committed files are what `npm run schemas` writes from the zod schemas', () => {
    for (const [file, text] of Object.entries(schemaFiles())) {
      assert.equal(readFileSync(path.join(REPO_ROOT, file), 'utf8'), text, `${file} is stale: run npm run schemas`);
    }
  });

  it('the frontmatter schema agrees with Agentry on every seed and corpus file', () => {
    const files = [...allSeeds(), ...corpusFiles()];
    let valid = 0;
    let rejected = 0;
    for (const { name, text } of files) {
      const { doc, diagnostics } = analyze(text, { uri: `file:///ws/.claude/agents/${path.basename(name, path.extname(name))}.md` });
      const found = new Set(codes(diagnostics));
      const span = doc.frontmatter?.contentSpan;
      if ([...found].some((c) => FRONTMATTER_PROBLEMS.has(c)) || !span) {
        if ([...found].some((c) => SCHEMA_REJECTS.has(c)) && span && !found.has('yaml-lenient-value') && !found.has('duplicate-key')) {
          assert.equal(validateFrontmatter(parse(text.slice(span.start, span.end)) ?? {}), false, `${name}: ${[...found].join(', ')} but the schema accepts it`);
          rejected++;
        }
        continue;
      }
      const data = parse(text.slice(span.start, span.end));
      assert.ok(validateFrontmatter(data), `${name}: ${ajv.errorsText(validateFrontmatter.errors)}`);
      valid++;
    }
    assert.ok(valid > files.length / 2, `${valid} of ${files.length} files checked`);
    assert.ok(rejected > 0, 'some corpus file has a value the schema rejects');
  });

  it("the frontmatter schema requires name and description and knows each key's allowed values", () => {
    assert.equal(validateFrontmatter({ name: 'a' }), false);
    assert.equal(validateFrontmatter({ name: 'a', description: 'd', color: 'bleu' }), false);
    assert.equal(validateFrontmatter({ name: 'a', description: 'd', hooks: [] }), false);
    assert.ok(validateFrontmatter({ name: 'a', description: 'd', color: 'blue', tools: ['Read'], category: 'ignored by Claude Code' }));
    const schema = committed('schemas/agent-frontmatter.schema.json');
    assert.ok(schema.properties.model.examples.includes('sonnet'));
    assert.match(schema.properties.description.description, /\S/);
  });

  it('the config schema accepts what the zod config schema accepts, and lists every code', () => {
    const samples: unknown[] = [
      { $schema: 'x', severity: { 'unknown-key': 'off' }, ignore: ['a/**'], requiredSections: null },
      { requiredSections: ['When Invoked'], rulesDocument: 'CLAUDE.md', extraTools: ['T'], extraModels: ['m'], triggers: ['t'] },
      { severity: { 'unknown-key': 'loud' } },
      { sevrity: {} },
      { ignore: 'a/**' },
      committed('examples/.agentry.json'),
    ];
    for (const sample of samples) assert.equal(validateConfig(sample), configSchema().safeParse(sample).success, JSON.stringify(sample));
    assert.deepEqual(Object.keys(committed('schemas/agentry-config.schema.json').properties.severity.properties).sort(), [...ALL_CODES].sort());
  });

  it('VS Code validates .agentry.json with the config schema (jsonValidation)', () => {
    const manifest = committed('package.json');
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.agentry.json', url: './schemas/agentry-config.schema.json' }]);
  });
});
