import { strict as assert } from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { SCHEMA_VOCABULARY } from 'rubric-studio-server/out/core/schema/schema-validator';

/**
 * The two schemas compile as SchemaStore compiles the schemas it hosts: Ajv in strict mode, with
 * only our own `x-…` keywords declared (SchemaStore's `unknownKeywords` for a schema). Strict
 * mode refuses a union written `type: [string, integer]` (it is written as `anyOf` of one type
 * each), a `required` key not defined beside it, a keyword on a type it cannot apply to, and
 * any keyword nobody declared. Keys added to the schemas later are held to the same rule here.
 */

const ROOT = path.resolve(__dirname, '../../..');
const SCHEMAS = ['rubric', 'scores'].map((name) => path.join(ROOT, 'schemas', `${name}.schema.json`));

function read(file: string): { $id?: string; $schema?: string } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { $id?: string; $schema?: string };
}

describe('the JSON schemas under Ajv strict mode', () => {
  for (const file of SCHEMAS) {
    it(`${path.basename(file)} compiles with new Ajv({strict: true}) and our keywords declared`, () => {
      const ajv = new Ajv({ strict: true });
      for (const keyword of SCHEMA_VOCABULARY) ajv.addKeyword(keyword);
      assert.doesNotThrow(() => ajv.compile(read(file)));
    });

    it(`${path.basename(file)} declares no keyword of ours beyond the list SchemaStore is told of`, () => {
      const used = new Set<string>();
      const walk = (node: unknown) => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object')
          for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('x-')) used.add(key);
            walk(value);
          }
      };
      walk(read(file));
      assert.deepEqual(
        [...used].filter((k) => !SCHEMA_VOCABULARY.includes(k)),
        [],
      );
    });
  }

  it('strict mode is strict here: a union written as a type list is refused', () => {
    const ajv = new Ajv({ strict: true });
    assert.throws(() => ajv.compile({ type: ['string', 'integer'] }), /allowUnionTypes/);
  });

  it('each schema has the draft-07 dialect and the $id its SchemaStore catalog entry points at', () => {
    const catalog = fs.readFileSync(path.join(ROOT, 'docs/schemastore.md'), 'utf8');
    for (const file of SCHEMAS) {
      const schema = read(file);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.match(schema.$id ?? '', /^https:\/\//);
      assert.ok(catalog.includes(`"url": "${schema.$id}"`), `docs/schemastore.md has no catalog entry for ${schema.$id}`);
    }
  });
});
