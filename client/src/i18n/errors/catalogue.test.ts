// Every error code the API can send has a message in every language the UI speaks. The codes are the enums of
// Problem.code and FieldError.code in the committed OpenAPI document (TypeScript already refuses a catalogue without
// one of them, through src/api/schema.d.ts — this checks that the messages are not empty, and their placeholders).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../I18nProvider';
import type { ErrorCatalogue, Message } from './catalogue';
import { errorCatalogues } from '.';

type Schema = { $ref?: string; enum?: unknown[]; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[]; items?: Schema; properties?: Record<string, Schema>; additionalProperties?: Schema | boolean };
type Schemas = Record<string, Schema>;
const openapi = JSON.parse(readFileSync(join(__dirname, '../../../openapi/keyaccount.v1.json'), 'utf8')) as { components?: { schemas?: Schemas } };

/** The codes an OpenAPI document lists: enums on the `code` of its problem schemas and of its field-error schemas. */
function documentedCodes(schemas: Schemas) {
  /** The string values of an enum, wherever the schema keeps it ($ref, allOf/oneOf/anyOf wrappers). */
  const enumOf = (schema: Schema | undefined, seen = new Set<string>()): string[] => {
    if (!schema) return [];
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      if (seen.has(name)) return [];
      seen.add(name);
      return enumOf(schemas[name], seen);
    }
    const own = (schema.enum ?? []).filter((v): v is string => typeof v === 'string');
    return [...own, ...[...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].flatMap((s) => enumOf(s, seen))];
  };
  /** A field error's schema: one named after it, or the items of a problem's `errors` map. */
  const fieldErrors: Schema[] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    if (/FieldError/.test(name)) fieldErrors.push(schema);
    const errors = schema.properties?.errors;
    const items = errors && typeof errors.additionalProperties === 'object' ? errors.additionalProperties.items : undefined;
    if (/Problem/.test(name) && items) fieldErrors.push(items);
  }
  return {
    problems: [...new Set(Object.entries(schemas).filter(([name]) => /Problem/.test(name)).flatMap(([, s]) => enumOf(s.properties?.code)))],
    fields: [...new Set(fieldErrors.flatMap((s) => enumOf(s.properties?.code)))],
  };
}

const documented = documentedCodes(openapi.components?.schemas ?? {});

const locales = Object.keys(errorCatalogues) as Locale[];
const variants = (m: Message | undefined): readonly string[] => (m === undefined ? [] : typeof m === 'string' ? [m] : m);
const placeholders = (m: Message | undefined) => new Set(variants(m).flatMap((v) => [...v.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)));
const problemMessage = (c: ErrorCatalogue, code: string) => (c.problems as Record<string, Message | undefined>)[code];
const fieldMessage = (c: ErrorCatalogue, code: string) => (c.fields as Record<string, Message | undefined>)[code] ?? problemMessage(c, code);
const missing = (codes: readonly string[], message: (c: ErrorCatalogue, code: string) => Message | undefined) =>
  locales.flatMap((locale) => codes.filter((code) => !variants(message(errorCatalogues[locale], code)).some((v) => v.trim())).map((code) => `${locale}: ${code}`));

describe('error catalogue', () => {
  it('speaks zh-CN and en', () => {
    expect([...locales].sort()).toEqual(['en', 'zh-CN']);
  });

  it('has a message in every language for every problem code the OpenAPI document lists on Problem.code', () => {
    expect(documented.problems.length).toBeGreaterThan(20);
    expect(missing(documented.problems, problemMessage)).toEqual([]);
  });

  it('has a message in every language for every field-error code the OpenAPI document lists on FieldError.code', () => {
    expect(documented.fields.length).toBeGreaterThan(20);
    expect(missing(documented.fields, fieldMessage)).toEqual([]);
  });

  it('reads the enums wherever the document keeps them, and reports a code without a message', () => {
    const codes = documentedCodes({
      Problem: { properties: { code: { allOf: [{ $ref: '#/components/schemas/ProblemCode' }] }, errors: { additionalProperties: { items: { $ref: '#/components/schemas/FieldError' } } } } },
      ProblemCode: { enum: ['validation', 'weights-must-sum-to-100', 'a-rule-nobody-translated'] },
      FieldError: { properties: { code: { enum: ['required', 'weights-must-sum-to-100'] } } },
    });
    expect(codes).toEqual({ problems: ['validation', 'weights-must-sum-to-100', 'a-rule-nobody-translated'], fields: ['required', 'weights-must-sum-to-100'] });
    expect(missing(codes.problems, problemMessage)).toEqual(['en: a-rule-nobody-translated', 'zh-CN: a-rule-nobody-translated']);
    expect(missing(codes.fields, fieldMessage)).toEqual([]);
  });

  it('uses the same arguments in every language', () => {
    const [first, ...others] = locales;
    const differ: string[] = [];
    for (const part of ['problems', 'fields'] as const) {
      for (const code of Object.keys(errorCatalogues[first!][part])) {
        const expected = [...placeholders((errorCatalogues[first!][part] as Record<string, Message>)[code])].sort();
        for (const locale of others) {
          const actual = [...placeholders((errorCatalogues[locale][part] as Record<string, Message>)[code])].sort();
          if (actual.join() !== expected.join()) differ.push(`${part}.${code}: ${first} {${expected}} vs ${locale} {${actual}}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('has the same field names, record kinds and values in every language', () => {
    for (const part of ['fieldNames', 'heldBy', 'entities', 'jsonTypes', 'formats'] as const) {
      expect(Object.keys(errorCatalogues['zh-CN'][part]).sort(), part).toEqual(Object.keys(errorCatalogues.en[part]).sort());
    }
  });
});
