/**
 * OpenAPI documents from routes and models: request bodies, query, path and header parameters read from
 * models, responses, and FastAPI's validation-error components. A model whose input schema (validation mode)
 * and output schema (serialization mode) differ, and that is used both ways, gets two components,
 * `Name-Input` and `Name-Output`, as FastAPI names them; every other model keeps its one name.
 */
import { type JsonSchemaObject, parsed, schemaData } from './json-schema';
import type { ModelClass } from './http';

/** HTTP methods an operation may have. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** A response of a route: its model (written in serialization mode) and description. */
export interface RouteResponse {
  /** The response's description; default `Successful Response` for 2xx statuses, else `Response`. */
  description?: string;
  /** The model of the response's content, written as its serialization-mode schema. */
  model?: ModelClass;
  /** The media type; default `application/json`. */
  contentType?: string;
}

/** One operation of the document. */
export interface Route {
  /** The HTTP method. */
  method: HttpMethod;
  /** `/orders/{id}`, or Express, Fastify and Hono's `/orders/:id`. */
  path: string;
  /** The operation's summary. */
  summary?: string;
  /** The operation's description. */
  description?: string;
  /** The operation's id; default the method then the path in camel case (`getOrdersId`). */
  operationId?: string;
  /** The operation's tags. */
  tags?: string[];
  /** Marks the operation deprecated. */
  deprecated?: boolean;
  /** The request body's model (JSON). */
  body?: ModelClass;
  /** The body's media type; default `application/json` (`application/x-www-form-urlencoded` for a form). */
  bodyContentType?: string;
  /** A model whose fields are the query parameters. */
  query?: ModelClass;
  /** A model whose fields are the path parameters. */
  params?: ModelClass;
  /** A model whose fields are the header parameters. */
  headers?: ModelClass;
  /** By status code: a model, or a description with an optional model. Default: `200` without content. */
  responses?: { [status: string]: ModelClass | RouteResponse };
}

/** Options of `openApiDocument`. */
export interface OpenApiDocumentOptions {
  /** The OpenAPI version: `3.1.0` (default) or `3.0.3`. */
  openapi?: '3.1.0' | '3.0.3';
  /** The document's Info Object: `title` and `version` at least. */
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  /** The document's servers. */
  servers?: { url: string; description?: string }[];
  /** The operations, in the order the document lists them. */
  routes: readonly Route[];
}

const COMPONENTS = '#/components/schemas/';

/**
 * A whole OpenAPI 3.1 (or 3.0) document for `routes`: every route's parameters, request body and responses,
 * with a `422` response (`HTTPValidationError`) on each route that validates input, and
 * `components.schemas` holding every model the routes reach.
 */
export function openApiDocument(options: OpenApiDocumentOptions): JsonSchemaObject {
  const version = options.openapi ?? '3.1.0';
  const target = version.startsWith('3.0') ? 'openapi-3.0' : 'openapi-3.1';
  const inputs = new Map<string, JsonSchemaObject>();
  const outputs = new Map<string, JsonSchemaObject>();
  const idOf = new Map<ModelClass, string>();
  const collect = (model: ModelClass, into: Map<string, JsonSchemaObject>, mode: 'validation' | 'serialization'): void => {
    const data = schemaData(model);
    idOf.set(model, data.id);
    for (const id of Object.keys(data.defs)) if (!into.has(id)) into.set(id, parsed(data, id, target, { mode }));
  };
  for (const route of options.routes) {
    for (const model of [route.body, route.query, route.params, route.headers]) if (model !== undefined) collect(model, inputs, 'validation');
    for (const response of Object.values(route.responses ?? {})) {
      const model = typeof response === 'function' ? response : response.model;
      if (model !== undefined) collect(model, outputs, 'serialization');
    }
  }
  const { schemas, name } = bothModes(inputs, outputs);
  const ref = (model: ModelClass, side: 'Input' | 'Output'): JsonSchemaObject => ({ $ref: COMPONENTS + name(idOf.get(model)!, side) });

  const paths: JsonSchemaObject = {};
  let validates = false;
  for (const route of options.routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)\??/g, '{$1}');
    const operation: JsonSchemaObject = {};
    for (const key of ['tags', 'summary', 'description'] as const) if (route[key] !== undefined) operation[key] = route[key];
    operation.operationId = route.operationId ?? `${route.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`;
    const parameters: JsonSchemaObject[] = [];
    for (const [where, model] of [['path', route.params], ['query', route.query], ['header', route.headers]] as const) {
      if (model !== undefined) parameters.push(...parametersOf(schemas[name(idOf.get(model)!, 'Input')] as JsonSchemaObject, where));
    }
    if (parameters.length > 0) operation.parameters = parameters;
    if (route.body !== undefined) operation.requestBody = { required: true, content: { [route.bodyContentType ?? 'application/json']: { schema: ref(route.body, 'Input') } } };
    const responses: JsonSchemaObject = {};
    for (const [status, response] of Object.entries(route.responses ?? { 200: {} })) {
      const spec: RouteResponse = typeof response === 'function' ? { model: response } : response;
      const out: JsonSchemaObject = { description: spec.description ?? (status.startsWith('2') ? 'Successful Response' : 'Response') };
      if (spec.model !== undefined) out.content = { [spec.contentType ?? 'application/json']: { schema: ref(spec.model, 'Output') } };
      responses[status] = out;
    }
    if (route.body !== undefined || parameters.length > 0) {
      validates = true;
      responses['422'] ??= { description: 'Validation Error', content: { 'application/json': { schema: { $ref: `${COMPONENTS}HTTPValidationError` } } } };
    }
    operation.responses = responses;
    if (route.deprecated === true) operation.deprecated = true;
    const item = ((paths[path] as JsonSchemaObject | undefined) ??= {});
    item[route.method] = operation;
  }
  const roots = [...new Set(JSON.stringify(paths).match(/"#\/components\/schemas\/[^"]+"/g) ?? [])].map((text) => (JSON.parse(text) as string).slice(COMPONENTS.length));
  const kept = reachable(schemas, roots);
  if (validates) Object.assign(kept, validationErrorSchemas());
  const doc: JsonSchemaObject = { openapi: version, info: options.info };
  if (options.servers !== undefined) doc.servers = options.servers;
  doc.paths = paths;
  if (Object.keys(kept).length > 0) doc.components = { schemas: kept };
  return doc;
}

/**
 * The components of models used for input (validation-mode schemas, by id) and for output (serialization
 * mode): one per id, or `Id-Input` and `Id-Output` for an id used both ways whose two schemas differ; and the
 * component name of an id on a side.
 */
export function bothModes(
  inputs: ReadonlyMap<string, JsonSchemaObject>,
  outputs: ReadonlyMap<string, JsonSchemaObject>,
): { schemas: JsonSchemaObject; name: (id: string, side: 'Input' | 'Output') => string } {
  const split = splitIds(inputs, outputs);
  const name = (id: string, side: 'Input' | 'Output'): string => (split.has(id) ? `${id}-${side}` : id);
  const schemas: JsonSchemaObject = {};
  for (const [id, schema] of inputs) schemas[name(id, 'Input')] = renamed(schema, split, 'Input');
  for (const [id, schema] of outputs) if (!inputs.has(id) || split.has(id)) schemas[name(id, 'Output')] = renamed(schema, split, 'Output');
  return { schemas, name };
}

/**
 * The ids used both ways whose schemas differ, once references to ids already split name their side: a
 * model that holds a split one differs too.
 */
function splitIds(inputs: ReadonlyMap<string, JsonSchemaObject>, outputs: ReadonlyMap<string, JsonSchemaObject>): Set<string> {
  const split = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, input] of inputs) {
      const output = outputs.get(id);
      if (output === undefined || split.has(id)) continue;
      if (canonical(renamed(input, split, 'Input')) !== canonical(renamed(output, split, 'Output'))) {
        split.add(id);
        changed = true;
      }
    }
  }
  return split;
}

/** A copy of `schema` whose references to split ids name `side`. */
function renamed(schema: JsonSchemaObject, split: ReadonlySet<string>, side: string): JsonSchemaObject {
  if (split.size === 0) return schema;
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && split.has(value.slice(COMPONENTS.length)) ? `${value}-${side}` : value,
  ) as JsonSchemaObject;
}

/** JSON text with keys in order, for comparing schemas. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The components `roots` name, and every component they reference, transitively. */
function reachable(schemas: JsonSchemaObject, roots: readonly string[]): JsonSchemaObject {
  const kept: JsonSchemaObject = {};
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (Object.hasOwn(kept, id) || !Object.hasOwn(schemas, id)) continue;
    kept[id] = schemas[id];
    for (const text of JSON.stringify(schemas[id]).match(/"#\/components\/schemas\/[^"]+"/g) ?? []) queue.push((JSON.parse(text) as string).slice(COMPONENTS.length));
  }
  // In the order the models were collected, not the order they were reached.
  return Object.fromEntries(Object.keys(schemas).filter((id) => Object.hasOwn(kept, id)).map((id) => [id, kept[id]]));
}

/** One OpenAPI Parameter Object per property of a model's schema. */
function parametersOf(schema: JsonSchemaObject, where: 'path' | 'query' | 'header'): JsonSchemaObject[] {
  const properties = (schema.properties ?? {}) as { [key: string]: JsonSchemaObject };
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    const parameter: JsonSchemaObject = { name, in: where, required: where === 'path' || required.has(name), schema: rest };
    if (description !== undefined) parameter.description = description;
    return parameter;
  });
}

/** FastAPI's `ValidationError` and `HTTPValidationError` components: the body of a 422 answer. */
function validationErrorSchemas(): JsonSchemaObject {
  return {
    ValidationError: {
      title: 'ValidationError',
      type: 'object',
      required: ['loc', 'msg', 'type'],
      properties: {
        loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
        msg: { title: 'Message', type: 'string' },
        type: { title: 'Error Type', type: 'string' },
        input: { title: 'Input' },
        ctx: { title: 'Context', type: 'object' },
      },
    },
    HTTPValidationError: {
      title: 'HTTPValidationError',
      type: 'object',
      properties: { detail: { title: 'Detail', type: 'array', items: { $ref: `${COMPONENTS}ValidationError` } } },
    },
  };
}
