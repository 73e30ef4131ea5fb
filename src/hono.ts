/**
 * `tydantic/hono`: request models for Hono. `validator('json', CreateOrder)` parses the part into the model,
 * `c.req.valid('json')` hands the handler the instance (typed), and a request that fails is answered with
 * 422 and FastAPI's body, malformed JSON included.
 *
 * ```ts
 * app.post('/orders', validator('json', CreateOrder), (c) => c.json(c.req.valid('json')));
 * ```
 */
import type { Env, MiddlewareHandler } from 'hono';
import type { ParseOptions } from './model';
import { errorBody, jsonInvalidBody, type ModelClass, multiValues, parsePart, type RequestPart, UNPROCESSABLE } from './http';
import type { InputOf } from './standard';

export { errorBody, type HttpIssue, type HttpValidationError, type RequestPart } from './http';

/** The request parts a model can parse: Hono's validation targets. */
export type Target = 'json' | 'form' | 'query' | 'param' | 'header' | 'cookie';

const PARTS: { readonly [T in Target]: RequestPart } = { json: 'body', form: 'body', query: 'query', param: 'path', header: 'header', cookie: 'cookie' };

/** What Hono's typed client sends for a target: a model's input for JSON, strings for the others. */
type Sent<T extends Target, M extends ModelClass> = T extends 'json' ? InputOf<InstanceType<M>> : Record<string, string | string[]>;

/**
 * Middleware that parses one request part (`json` and `form` bodies, `query`, `param`, `header`, `cookie`)
 * into `model`: on success the instance is `c.req.valid(target)`; on failure the answer is 422 with
 * `{ detail }`, `loc` starting with `body`, `query`, `path`, `header` or `cookie`.
 */
export function validator<T extends Target, M extends ModelClass, E extends Env = Env, P extends string = string>(
  target: T,
  model: M,
  options: { parse?: ParseOptions } = {},
): MiddlewareHandler<E, P, { in: { [K in T]: Sent<T, M> }; out: { [K in T]: InstanceType<M> } }> {
  const part = PARTS[target];
  return async (c, next) => {
    let input: unknown;
    switch (target) {
      case 'json': {
        const text = await c.req.text();
        if (text.trim() !== '') {
          try {
            input = JSON.parse(text);
          } catch (error) {
            return c.json(jsonInvalidBody((error as SyntaxError).message), UNPROCESSABLE);
          }
        }
        break;
      }
      case 'form':
        input = await c.req.parseBody({ all: true });
        break;
      case 'query':
        input = c.req.queries();
        break;
      case 'param':
        input = c.req.param();
        break;
      case 'header':
        input = c.req.header();
        break;
      default:
        input = cookies(c.req.header('cookie'));
    }
    const result = parsePart(model, part, target === 'form' ? multiValues(model, input) : input, options.parse);
    if (!result.success) return c.json(errorBody(result.error, part), UNPROCESSABLE);
    c.req.addValidatedData(target, result.data as object);
    await next();
    return undefined;
  };
}

/** The `Cookie` header's pairs. */
function cookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = pair.slice(0, at).trim();
    if (key === '__proto__') continue;
    const value = pair.slice(at + 1).trim();
    try {
      out[key] = decodeURIComponent(value);
    } catch {
      out[key] = value;
    }
  }
  return out;
}
