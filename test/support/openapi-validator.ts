/**
 * Checks real HTTP responses against openapi/platformxe-exports.yaml, so the document, the
 * emulator and the client cannot drift apart: the status must be documented for the operation,
 * required headers present and well-formed, the content type documented, and a JSON body valid
 * against the response schema.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
interface HeaderSpec {
  required?: boolean;
  schema?: Json;
}
interface ResponseSpec {
  headers?: Record<string, HeaderSpec | { $ref: string }>;
  content?: Record<string, { schema?: Json }>;
}
interface Operation {
  responses: Record<string, ResponseSpec | { $ref: string }>;
}

const DOC_ID = 'https://contract.platformxe.local/exports.yaml';
const docPath = fileURLToPath(new URL('../../openapi/platformxe-exports.yaml', import.meta.url));
const doc = parse(readFileSync(docPath, 'utf8')) as { paths: Record<string, Record<string, Operation>> } & Json;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addSchema({ ...doc, $id: DOC_ID });

/** Templates with fewer parameters first, so `/v1/exports/processor` wins over `/v1/exports/{id}`. */
const templates = Object.keys(doc.paths)
  .map((template) => ({
    template,
    params: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params);

function resolve<T>(node: T | { $ref: string }): T {
  if (node && typeof node === 'object' && '$ref' in node) {
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    return resolve(target as T | { $ref: string });
  }
  return node as T;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(pointer: string, schema: Json): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $id: `https://contract.platformxe.local/inline/${validators.size}`, ...rewriteRefs(schema) });
    validators.set(pointer, validate);
  }
  return validate;
}

/** Inline schemas point at `#/components/...` of the document; make those refs absolute. */
function rewriteRefs(node: unknown): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs) as unknown as Json;
  if (!node || typeof node !== 'object') return node as Json;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DOC_ID}${v}` : rewriteRefs(v)]),
  );
}

const describeErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`).join('; ');

function matchTemplate(path: string): string | null {
  const bare = path.split('?')[0] as string;
  if (doc.paths[bare]) return bare;
  return templates.find((t) => t.pattern.test(bare))?.template ?? null;
}

type HeaderBag = Headers | Record<string, string | string[] | number | undefined>;
function headerGetter(headers: HeaderBag): (name: string) => string | null {
  if (headers instanceof Headers) return (name) => headers.get(name);
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => {
    const value = lower.get(name.toLowerCase());
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : String(value);
  };
}

/** A header's text as its schema type, so `Retry-After: 5` validates against `type: integer`. */
function coerce(value: string, schema: Json | undefined): unknown {
  if (schema?.type === 'integer' || schema?.type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  return value;
}

export class ContractError extends Error {
  override name = 'ContractError';
}

/**
 * Throws a ContractError naming every way the response departs from the document.
 * `path` may be a template (`/v1/exports/{id}`) or a concrete path, with or without a query.
 * Pass `jsonBody` for JSON responses (undefined for none, e.g. HEAD or file bodies).
 */
export function assertMatchesContract(method: string, path: string, status: number, headers: HeaderBag, jsonBody?: unknown): void {
  const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const where = `${method.toUpperCase()} ${path} -> ${status}`;
  const template = matchTemplate(path);
  if (!template) throw new ContractError(`${where}: the path is not in the OpenAPI document`);
  const operation = doc.paths[template]?.[verb];
  if (!operation) throw new ContractError(`${where}: ${template} has no ${verb.toUpperCase()} operation`);
  const rawResponse = operation.responses[String(status)] ?? operation.responses.default;
  if (!rawResponse) {
    throw new ContractError(`${where}: status ${status} is not documented for ${verb.toUpperCase()} ${template} (documented: ${Object.keys(operation.responses).join(', ')})`);
  }
  const response = resolve(rawResponse);
  const get = headerGetter(headers);
  const problems: string[] = [];

  for (const [name, raw] of Object.entries(response.headers ?? {})) {
    const spec = resolve(raw);
    const value = get(name);
    if (value === null) {
      if (spec.required) problems.push(`header ${name} is required but missing`);
      continue;
    }
    if (spec.schema) {
      const validate = validatorFor(`${template}:${verb}:${status}:header:${name}`, spec.schema);
      if (!validate(coerce(value, spec.schema))) problems.push(`header ${name}: "${value}" ${describeErrors(validate.errors)}`);
    }
  }

  const content = response.content ?? {};
  const mediaTypes = Object.keys(content);
  const contentType = get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? null;
  if (mediaTypes.length > 0 && contentType !== null && !mediaTypes.includes(contentType)) {
    problems.push(`content type ${contentType} is not documented (documented: ${mediaTypes.join(', ')})`);
  }
  if (jsonBody !== undefined) {
    const schema = content['application/json']?.schema;
    if (schema?.format === 'binary') {
      // A file served as JSON: its bytes are the export, not a document the contract describes.
    } else if (!schema) {
      problems.push('a JSON body was given but the response documents no application/json schema');
    } else {
      const validate = validatorFor(`${template}:${verb}:${status}:body`, schema);
      if (!validate(jsonBody)) problems.push(`body ${describeErrors(validate.errors)}`);
    }
  }
  if (problems.length > 0) throw new ContractError(`${where} does not match the contract: ${problems.join('; ')}`);
}

export interface CheckedResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON for JSON responses, else undefined. */
  json: T;
  /** The raw body bytes (empty for HEAD). */
  body: Buffer;
}

/**
 * fetch, then assert the response against the contract (JSON bodies are parsed and checked).
 * The whole body is read, so use it for API calls and small files, not for gigabyte downloads.
 */
export async function contractFetch<T = unknown>(url: string | URL, init: RequestInit = {}): Promise<CheckedResponse<T>> {
  const response = await fetch(url, init);
  const body = Buffer.from(await response.arrayBuffer());
  const target = new URL(url);
  const isFile = target.pathname.startsWith('/files/') && response.status < 300;
  const isJson = /^application\/json\b/i.test(response.headers.get('content-type') ?? '') && body.length > 0 && !isFile;
  const json = isJson ? (JSON.parse(body.toString('utf8')) as T) : undefined;
  assertMatchesContract(init.method ?? 'GET', target.pathname, response.status, response.headers, json);
  return { status: response.status, headers: response.headers, json: json as T, body };
}
