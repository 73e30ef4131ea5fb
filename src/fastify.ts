/**
 * `tydantic/fastify`: model classes as Fastify route schemas. Register the plugin once, type routes with
 * `TydanticTypeProvider`, and put models where JSON Schemas would go:
 *
 * ```ts
 * const app = Fastify().withTypeProvider<TydanticTypeProvider>();
 * await app.register(tydantic);
 * app.post('/orders', { schema: { body: CreateOrder, response: { 200: Order } } }, (req) => req.body.items);
 * ```
 *
 * Request parts are parsed by the models' generated code (no ajv), a request that fails is answered with 422
 * and FastAPI's body (malformed or empty JSON included), and a response is written through its model's
 * `toJSON()`, after a parse when the handler returned plain data.
 */
import type { FastifyError, FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest, FastifyTypeProvider } from 'fastify';
import type { Model, ParseOptions } from './model';
import { errorBody, jsonInvalidBody, type HttpValidationError, type ModelClass, parsePart, type RequestPart, UNPROCESSABLE } from './http';
import { renderMessage, templateOf } from './messages';
import type { InputOf } from './standard';

export { errorBody, type HttpIssue, type HttpValidationError, type RequestPart } from './http';

/** Types `req.body`, `req.query`, `req.params` and `req.headers` from the models of a route's schema, and its replies. */
export interface TydanticTypeProvider extends FastifyTypeProvider {
  /** A request part's type: the instance of its model. */
  readonly validator: this['schema'] extends ModelClass<infer T> ? T : unknown;
  /** A reply's type: an instance of its model, or data of the model's input shape. */
  readonly serializer: this['schema'] extends ModelClass<infer T> ? T | InputOf<T> : unknown;
}

const PARTS: { readonly [httpPart: string]: RequestPart } = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** The error a failed request part carries to the error handler: its 422 body. */
class RequestValidationError extends Error {
  readonly statusCode = UNPROCESSABLE;
  readonly code = 'FST_ERR_VALIDATION';
  constructor(readonly body: HttpValidationError) {
    super(`${body.detail.length} validation error${body.detail.length === 1 ? '' : 's'}`);
    this.name = 'RequestValidationError';
  }
}

const isModel = (schema: unknown): schema is ModelClass => typeof schema === 'function' && Object.hasOwn(schema, '~standard');

/** Options of the plugin. */
export interface TydanticFastifyOptions {
  /** Options of every parse (strictness, messages, `context`…). */
  parse?: ParseOptions;
}

/**
 * Fastify's validator compiler for model classes: a route schema's `body`, `querystring`, `params` and
 * `headers` may be models. A schema that is not a model is refused when the route is registered.
 */
export function validatorCompiler(options: TydanticFastifyOptions = {}) {
  return ({ schema, httpPart, url }: { schema: unknown; httpPart?: string; url?: string }) => {
    if (!isModel(schema)) throw new TypeError(`${url ?? 'route'}: the ${httpPart ?? 'request'} schema is not a tydantic model (with tydantic's validator compiler, give each part a model class)`);
    const part = PARTS[httpPart ?? 'body'] ?? 'body';
    return (data: unknown) => {
      const result = parsePart(schema, part, data, options.parse);
      return result.success ? { value: result.data } : { error: new RequestValidationError(errorBody(result.error, part)) };
    };
  };
}

/**
 * Fastify's serializer compiler: a response whose schema is a model is written as `JSON.stringify` writes
 * an instance (`toJSON()`: aliases, serializers); plain data is parsed by the model first, so what leaves is
 * what the model allows. Other schemas are written with `JSON.stringify`.
 */
export function serializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!isModel(schema)) return (data) => JSON.stringify(data);
  const model = schema as unknown as typeof Model;
  return (data) => JSON.stringify(data instanceof model ? data : model.parse(data));
}

/**
 * The 422 answers: a request part that failed its model, and a JSON body that does not parse
 * (`json_invalid`) or is empty (`missing`), each with FastAPI's body. Other errors are handed on.
 */
export function errorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof RequestValidationError) {
    void reply.code(UNPROCESSABLE).send(error.body);
  } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    const cause = (error as { cause?: { message?: unknown } }).cause;
    void reply.code(UNPROCESSABLE).send(jsonInvalidBody(typeof cause?.message === 'string' ? cause.message : error.message));
  } else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    void reply.code(UNPROCESSABLE).send({ detail: [{ type: 'missing', loc: ['body'], msg: renderMessage(templateOf('missing', undefined) ?? 'Field required', {}) }] });
  } else {
    void reply.send(error);
  }
}

/**
 * The plugin: sets the validator compiler, the serializer compiler and the error handler on the instance it
 * is registered on (not only inside its own scope).
 */
export const tydantic: FastifyPluginCallback<TydanticFastifyOptions> = Object.assign(
  (fastify: FastifyInstance, options: TydanticFastifyOptions, done: (error?: Error) => void) => {
    fastify.setValidatorCompiler(validatorCompiler(options));
    fastify.setSerializerCompiler(serializerCompiler);
    fastify.setErrorHandler(errorHandler);
    done();
  },
  { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'tydantic' },
);
