/**
 * docs/openapi.json against the API itself: the same (method, path) pairs as
 * the router's table, every request body's documented schema shaped like the
 * valibot schema that validates it, and each documented example accepted by
 * both (and, changed in each way the document forbids, refused by both).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as v from 'valibot';
import { importRosterCsv, importRosterJson } from '../../src/core/index.js';
import { BODY_SCHEMAS, ROUTES } from '../../server/api/index.js';
import { MeetingListQuery } from '../../server/api/schemas.js';

type Json = Record<string, unknown>;
interface JsonSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, JsonSchema> };
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Follows a local `$ref`. */
function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1];
  const target = name ? doc.components.schemas[name] : undefined;
  assert.ok(target, `unresolved ${schema.$ref}`);
  return resolve(target);
}

/**
 * The problems of `value` under a JSON Schema (the subset docs/openapi.json
 * uses: type, properties, required, additionalProperties, propertyNames,
 * items, enum, oneOf, lengths, pattern, bounds), as dot paths.
 */
function problems(raw: JsonSchema, value: unknown, path = '(body)'): string[] {
  const schema = resolve(raw);
  if (schema.oneOf) return schema.oneOf.some((s) => problems(s, value, path).length === 0) ? [] : [`${path}: matches no alternative`];
  const out: string[] = [];
  const fail = (why: string) => out.push(`${path}: ${why}`);
  const at = (key: string | number) => (path === '(body)' ? String(key) : `${path}.${key}`);
  if (schema.enum && !schema.enum.includes(value)) fail('not in enum');
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`];
      if (schema.minLength !== undefined && [...value].length < schema.minLength) fail('too short');
      if (schema.maxLength !== undefined && [...value].length > schema.maxLength) fail('too long');
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) fail('does not match the pattern');
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) return [`${path}: not an ${schema.type}`];
      if (schema.minimum !== undefined && value < schema.minimum) fail('below the minimum');
      if (schema.maximum !== undefined && value > schema.maximum) fail('above the maximum');
      break;
    case 'boolean':
      if (typeof value !== 'boolean') fail('not a boolean');
      break;
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not an array`];
      if (schema.minItems !== undefined && value.length < schema.minItems) fail('too few items');
      if (schema.maxItems !== undefined && value.length > schema.maxItems) fail('too many items');
      value.forEach((item, i) => out.push(...problems(schema.items ?? {}, item, at(i))));
      break;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
      const record = value as Json;
      for (const key of schema.required ?? []) if (!(key in record)) out.push(`${at(key)}: missing`);
      for (const [key, item] of Object.entries(record)) {
        if (schema.propertyNames) out.push(...problems(schema.propertyNames, key, at(key)));
        const property = schema.properties?.[key];
        if (property) out.push(...problems(property, item, at(key)));
        else if (schema.additionalProperties === false) out.push(`${at(key)}: not allowed`);
        else if (typeof schema.additionalProperties === 'object') out.push(...problems(schema.additionalProperties, item, at(key)));
      }
      break;
    }
  }
  return out;
}

/** A valibot schema's node, for comparing shapes (valibot keeps `type`, `entries`, `item`, `options`, `wrapped`). */
interface ValiNode {
  type: string;
  entries?: Record<string, ValiNode>;
  item?: ValiNode;
  options?: unknown[];
  wrapped?: ValiNode;
  key?: ValiNode;
  value?: ValiNode;
}

/** Checks that a documented schema has the valibot schema's shape: the same keys, required keys, item types and enums. */
function sameShape(raw: JsonSchema, node: ValiNode, path: string): void {
  const schema = resolve(raw);
  const type = node.type === 'optional' ? node.wrapped!.type : node.type;
  const inner = node.type === 'optional' ? node.wrapped! : node;
  switch (type) {
    case 'strict_object': {
      assert.equal(schema.type, 'object', `${path}: an object`);
      assert.equal(schema.additionalProperties, false, `${path}: the validator refuses unknown keys; the document must say so`);
      const entries = inner.entries!;
      assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), Object.keys(entries).sort(), `${path}: the same properties`);
      const required = Object.keys(entries).filter((k) => entries[k]!.type !== 'optional');
      assert.deepEqual([...(schema.required ?? [])].sort(), required.sort(), `${path}: the same required properties`);
      for (const [key, entry] of Object.entries(entries)) sameShape(schema.properties![key]!, entry, `${path}.${key}`);
      break;
    }
    case 'array':
      assert.equal(schema.type, 'array', `${path}: an array`);
      sameShape(schema.items!, inner.item!, `${path}[]`);
      break;
    case 'record':
      assert.equal(schema.type, 'object', `${path}: a map`);
      assert.equal(typeof schema.additionalProperties, 'object', `${path}: a map's values`);
      sameShape(schema.additionalProperties as JsonSchema, inner.value!, `${path}{}`);
      break;
    case 'picklist':
      assert.deepEqual([...(schema.enum ?? [])].sort(), [...inner.options!].sort(), `${path}: the same values`);
      break;
    case 'number':
      assert.ok(schema.type === 'integer' || schema.type === 'number', `${path}: a number`);
      break;
    default:
      assert.equal(schema.type, type, `${path}: a ${type}`);
  }
}

/** Whether valibot accepts `value`. */
const accepts = (schema: v.GenericSchema, value: unknown) => v.safeParse(schema, value).success;

/** Ways to spoil a valid example, each of which the document forbids: drop a required key, add an unknown one, leave an enum. */
function spoiled(raw: JsonSchema, example: Json): Array<[string, Json]> {
  const schema = resolve(raw);
  const out: Array<[string, Json]> = [];
  for (const key of schema.required ?? []) {
    const { [key]: _gone, ...rest } = example;
    out.push([`without ${key}`, rest]);
  }
  out.push(['with an unknown key', { ...example, unknownKey: 1 }]);
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const target = resolve(property);
    if (target.enum && key in example) out.push([`${key} outside its enum`, { ...example, [key]: 'not-a-value' }]);
    if (target.type === 'string' && key in example) out.push([`${key} not a string`, { ...example, [key]: 42 }]);
  }
  return out;
}

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation: operation as Json, item })),
);

describe('docs/openapi.json against the API', () => {
  it('is OpenAPI 3.1 and documents exactly the routes the router serves', () => {
    assert.match(doc.openapi, /^3\.1\./);
    const documented = operations.map((o) => `${o.method} ${o.path}`).sort();
    const served = ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(documented, served);
  });

  it('documents every path parameter, and the admin token on every operation', () => {
    for (const { method, path, operation, item } of operations) {
      const params = [...((item['parameters'] as unknown as Json[] | undefined) ?? []), ...((operation['parameters'] as Json[] | undefined) ?? [])];
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const documented = params.filter((p) => p['in'] === 'path').map((p) => p['name']).sort();
      assert.deepEqual(documented, inPath, `${method} ${path}`);
      assert.ok(operation['security'] === undefined, `${method} ${path} keeps the document's admin-token security`);
      const responses = operation['responses'] as Json;
      assert.ok(responses['401'] && responses['403'], `${method} ${path} documents 401 and 403`);
    }
  });

  it('gives each JSON request body the shape its validator has', () => {
    const withJsonBody = operations.filter((o) => (o.operation['requestBody'] as Json | undefined)?.['content'] && ((o.operation['requestBody'] as Json)['content'] as Json)['application/json']);
    const validated = Object.keys(BODY_SCHEMAS).sort();
    const documented = withJsonBody.map((o) => `${o.method} ${o.path}`).filter((k) => k !== 'PUT /api/cells/{cellId}/roster');
    assert.deepEqual(documented.sort(), validated, 'every validated body is documented, and every documented JSON body (but the roster file) is validated');
    for (const key of validated) {
      const op = operations.find((o) => `${o.method} ${o.path}` === key)!;
      const schema = (((op.operation['requestBody'] as Json)['content'] as Json)['application/json'] as Json)['schema'] as JsonSchema;
      sameShape(schema, BODY_SCHEMAS[key as keyof typeof BODY_SCHEMAS] as unknown as ValiNode, key);
    }
  });

  it('has a valid example for each request body that the document and the validator both accept, and both refuse it spoiled', () => {
    for (const key of Object.keys(BODY_SCHEMAS) as Array<keyof typeof BODY_SCHEMAS>) {
      const op = operations.find((o) => `${o.method} ${o.path}` === key)!;
      const media = ((op.operation['requestBody'] as Json)['content'] as Json)['application/json'] as Json;
      const example = media['example'] as Json;
      assert.ok(example, `${key} has an example`);
      assert.deepEqual(problems(media['schema'] as JsonSchema, example), [], `${key}: the document accepts its example`);
      assert.ok(accepts(BODY_SCHEMAS[key], example), `${key}: the validator accepts the example: ${JSON.stringify(v.safeParse(BODY_SCHEMAS[key], example).issues)}`);
      for (const [how, value] of spoiled(media['schema'] as JsonSchema, example)) {
        assert.notDeepEqual(problems(media['schema'] as JsonSchema, value), [], `${key} ${how}: the document refuses it`);
        assert.equal(accepts(BODY_SCHEMAS[key], value), false, `${key} ${how}: the validator refuses it`);
      }
    }
  });

  it('agrees with the validator on values at the edges', () => {
    const cell = doc.components.schemas['CreateCell']!;
    const cases: Array<[Json, boolean]> = [
      [{ id: 'a'.repeat(64), name: 'x' }, true],
      [{ id: 'a'.repeat(65), name: 'x' }, false],
      [{ id: 'mã-đảng-viên_1.2', name: 'x' }, true],
      [{ id: 'has space', name: 'x' }, false],
      [{ id: 'a/b', name: 'x' }, false],
      [{ id: 'a', name: '   ' }, false],
      [{ id: 'a', name: 'x', cannotMeetInPerson: [] }, true],
      [{ id: 'a', name: 'x', hasPartyGroups: 'yes' }, false],
    ];
    for (const [value, ok] of cases) {
      assert.equal(problems(cell, value).length === 0, ok, `document: ${JSON.stringify(value)}`);
      assert.equal(accepts(BODY_SCHEMAS['POST /api/cells'], value), ok, `validator: ${JSON.stringify(value)}`);
    }
    const meeting = doc.components.schemas['ScheduleMeeting']!;
    const base = { cellId: 'c', title: 't', mode: 'hybrid', chairId: 'm1' };
    for (const [scheduledAt, ok] of [
      ['2026-11-23T19:30:00+07:00', true],
      ['2026-11-23T19:30Z', true],
      ['2026-11-23T12:30:00.125Z', true],
      ['2026-11-23T19:30:00', false],
      ['23/11/2026 19:30', false],
      ['2026-11-23', false],
    ] as const) {
      assert.equal(problems(meeting, { ...base, scheduledAt }).length === 0, ok, `document: ${scheduledAt}`);
      assert.equal(accepts(BODY_SCHEMAS['POST /api/meetings'], { ...base, scheduledAt }), ok, `validator: ${scheduledAt}`);
    }
    const assessment = doc.components.schemas['AssessmentRequest']!;
    const good = { delegateId: 'd', strengths: 's', limitations: '', lessons: '' };
    for (const [score, ok] of [
      [0, true],
      [100, true],
      [101, false],
      [-1, false],
      [7.5, false],
    ] as const) {
      assert.equal(problems(assessment, { ...good, score }).length === 0, ok, `document: score ${score}`);
      assert.equal(accepts(BODY_SCHEMAS['POST /api/meetings/{id}/assessment'], { ...good, score }), ok, `validator: score ${score}`);
    }
    const document = doc.components.schemas['Document']!;
    for (const [url, ok] of [
      ['https://portal.example.vn/a.pdf', true],
      ['/tai-lieu/a.pdf', true],
      ['http://portal.example.vn/a.pdf', false],
      ['javascript:alert(1)', false],
      ['//evil.example/a', false],
      ['/\\evil', false],
    ] as const) {
      const value = { id: 'd', title: 't', postedAt: '2026-11-20T08:00:00Z', url };
      assert.equal(problems(document, value).length === 0, ok, `document: ${url}`);
      assert.equal(accepts(BODY_SCHEMAS['POST /api/meetings'], { ...base, scheduledAt: '2026-11-23T19:30:00Z', documents: [value] }), ok, `validator: ${url}`);
    }
  });

  it('documents the list query parameters the validator reads, and the roster examples import cleanly', () => {
    const list = operations.find((o) => o.method === 'GET' && o.path === '/api/meetings')!;
    const names = ((list.operation['parameters'] as Json[]) ?? []).filter((p) => p['in'] === 'query').map((p) => p['name']);
    assert.deepEqual(names.sort(), Object.keys(MeetingListQuery.entries).sort());

    const roster = operations.find((o) => o.method === 'PUT' && o.path === '/api/cells/{cellId}/roster')!;
    const content = (roster.operation['requestBody'] as Json)['content'] as Record<string, Json>;
    const csv = importRosterCsv(content['text/csv']!['example'] as string);
    assert.ok(csv.ok, JSON.stringify(csv));
    const json = content['application/json']!;
    assert.deepEqual(problems(json['schema'] as JsonSchema, json['example']), []);
    assert.ok(importRosterJson(JSON.stringify(json['example'])).ok);
  });
});
