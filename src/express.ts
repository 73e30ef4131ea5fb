/**
 * `tydantic/express`: request models for Express 5. `validate({ body, query, params })` parses each part
 * into its model (the handler after it gets the instances, typed), and answers a request that fails with
 * 422 and FastAPI's body; `errors()` answers malformed JSON the same way.
 *
 * ```ts
 * app.use(express.json());
 * app.post('/orders/:id', validate({ body: CreateOrder, params: OrderPath }), (req, res) => { req.body.items });
 * app.use(errors());
 * ```
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Model, ParseOptions } from './model';
import { errorBody, jsonInvalidBody, type ModelClass, parsePart, type RequestPart, UNPROCESSABLE } from './http';

export { errorBody, type HttpIssue, type HttpValidationError, type RequestPart } from './http';

/** The models of a route's request parts. */
export interface RequestModels {
  /** The model of `req.body` (after `express.json()` or another body parser). */
  body?: ModelClass;
  /** The model of `req.query`: repeated keys and single values both fill an array field. */
  query?: ModelClass;
  /** The model of the route's path parameters, `req.params`. */
  params?: ModelClass;
  /** The model of `req.headers` (lower-case names). */
  headers?: ModelClass;
}

type Parsed<M, Otherwise> = M extends ModelClass<infer T> ? T : Otherwise;

/** Options of `validate`. */
export interface ValidateOptions {
  /** Options of every parse (strictness, messages, `context`…). */
  parse?: ParseOptions;
}

// Express's own types for parts without a model.
type ExpressParams = Record<string, string>;
type ExpressQuery = Record<string, unknown>;

const PARTS = [
  ['params', 'path'],
  ['query', 'query'],
  ['headers', 'header'],
  ['body', 'body'],
] as const satisfies readonly (readonly [keyof RequestModels, RequestPart])[];

/**
 * Middleware that parses each request part given a model (`req.body`, `req.query`, `req.params`,
 * `req.headers`) and puts the instance in its place. Parts are parsed in the order path, query, header, body,
 * and every part's issues are reported together: 422 with `{ detail }`.
 */
export function validate<const R extends RequestModels>(
  models: R,
  options: ValidateOptions = {},
): RequestHandler<Parsed<R['params'], ExpressParams>, unknown, Parsed<R['body'], unknown>, Parsed<R['query'], ExpressQuery>> {
  return (req, res, next) => {
    const detail = [];
    const parsed: Partial<Record<keyof RequestModels, Model>> = {};
    for (const [key, part] of PARTS) {
      const model = models[key];
      if (model === undefined) continue;
      const result = parsePart(model, part, (req as unknown as Record<string, unknown>)[key], options.parse);
      if (result.success) parsed[key] = result.data;
      else detail.push(...errorBody(result.error, part).detail);
    }
    if (detail.length > 0) {
      res.status(UNPROCESSABLE).json({ detail });
      return;
    }
    // Express 5 defines `req.query` as a getter: an own property takes its place.
    for (const key of Object.keys(parsed)) Object.defineProperty(req, key, { value: parsed[key as keyof RequestModels], writable: true, configurable: true, enumerable: true });
    next();
  };
}

/** `validate({ body: model })`. */
export function body<M extends ModelClass>(model: M, options?: ValidateOptions): RequestHandler<ExpressParams, unknown, InstanceType<M>, ExpressQuery> {
  return validate({ body: model }, options) as never;
}

/** `validate({ query: model })`: repeated keys and single values both fill an array field. */
export function query<M extends ModelClass>(model: M, options?: ValidateOptions): RequestHandler<ExpressParams, unknown, unknown, InstanceType<M>> {
  return validate({ query: model }, options) as never;
}

/** `validate({ params: model })`. */
export function params<M extends ModelClass>(model: M, options?: ValidateOptions): RequestHandler<InstanceType<M>, unknown, unknown, ExpressQuery> {
  return validate({ params: model }, options) as never;
}

/**
 * Error middleware, after the routes: a body `express.json()` could not parse is answered with 422 and a
 * `json_invalid` issue at `['body']`, as FastAPI answers it; every other error goes on to the next handler.
 */
export function errors(): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    const failed = error as { type?: unknown; message?: unknown } | null;
    if (failed !== null && typeof failed === 'object' && failed.type === 'entity.parse.failed' && !res.headersSent) {
      res.status(UNPROCESSABLE).json(jsonInvalidBody(String(failed.message)));
      return;
    }
    next(error);
  };
}
