// The JSON Schema of the catalog (public/catalog.schema.json, referenced by
// the catalog's "$schema" so that editors check while one types): the
// bundled catalog and the valid fixture pass it, and every broken fixture
// (tests/data/broken/, which the Rust loader refuses too) fails it.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => JSON.parse(readFileSync(root + path, 'utf8'));
const Ajv2020 = createRequire(`${root}tools/package.json`)('ajv/dist/2020').default;

describe('catalog schema', () => {
  const schema = read('public/catalog.schema.json');
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  const problems = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

  test('the bundled catalog refers to the schema and passes it', () => {
    const catalog = read('public/catalog.json');
    assert.equal(catalog.$schema, 'catalog.schema.json');
    assert.ok(validate(catalog), problems().join('\n'));
  });

  test('the valid fixture passes it', () => {
    assert.ok(validate(read('tests/data/valid-catalog.json')), problems().join('\n'));
  });

  const broken = readdirSync(`${root}tests/data/broken`).filter((f) => f.endsWith('.json'));
  test('there are broken fixtures to check', () => assert.ok(broken.length >= 10, broken.join(', ')));
  for (const file of broken) {
    test(`broken/${file} fails it`, () => {
      assert.equal(validate(read(`tests/data/broken/${file}`)), false, `${file} passes the schema`);
    });
  }
});
