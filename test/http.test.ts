/**
 * What the framework integrations share, part by part: query strings and forms read as FastAPI reads them,
 * the 422 body, and each integration's less travelled paths (Hono's form, header and cookie targets,
 * Express's shorthands and headers, Fastify's serializer). The example services cover the main paths
 * (test/frameworks.test.ts).
 */
import '../examples/tydantic.gen';
import express from 'express';
import Fastify from 'fastify';
import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorBody, type Input, multiValues, parsePart, ValidationError } from 'tydantic';
import { body, errors, query } from 'tydantic/express';
import { tydantic, type TydanticTypeProvider } from 'tydantic/fastify';
import { validator } from 'tydantic/hono';
import { Booking, BookingQuery, BookTickets } from '../examples/service/models';
import type { AddressInfo } from 'node:net';

describe('multiValues', () => {
  it('gives an array field every value of its key and any other field the last', () => {
    expect(multiValues(BookingQuery, new URLSearchParams('event=A&limit=1&limit=2&other=x&other=y'))).toEqual({ event: ['A'], limit: '2', other: 'y' });
    expect(multiValues(BookingQuery, { event: ['A', 'B'], status: ['open', 'paid'] })).toEqual({ event: ['A', 'B'], status: 'paid' });
    const form = new FormData();
    form.append('event', 'A');
    form.append('event', 'B');
    expect(multiValues(BookingQuery, form)).toEqual({ event: ['A', 'B'] });
    // Not an object: left for the model to refuse.
    expect(multiValues(BookingQuery, 'event=A')).toBe('event=A');
    expect(Object.getPrototypeOf(multiValues(BookingQuery, JSON.parse('{"__proto__": {"x": 1}, "limit": "3"}')))).toBe(Object.prototype);
  });

  it('a query model parses what it reads laxly, defaults filled', () => {
    const result = parsePart(BookingQuery, 'query', { event: 'ABC-001', limit: '7' });
    expect(result.success && result.data).toEqual(BookingQuery.parse({ event: ['ABC-001'], limit: 7 }));
  });
});

describe('the 422 body', () => {
  it('prefixes each issue of the error with the request part, as toJSON writes it', () => {
    const failed = BookTickets.safeParse({ buyer: 'Ada', email: 'x', lines: [{ event: 'ABC-001', quantity: 11 }] });
    expect(failed.success).toBe(false);
    if (failed.success) return;
    expect(errorBody(failed.error, 'body')).toEqual({
      detail: [
        { type: 'value_error', loc: ['body', 'email'], msg: 'value is not a valid email address: An email address must have an @-sign.', input: 'x', ctx: { reason: 'An email address must have an @-sign.' } },
        { type: 'less_than_equal', loc: ['body', 'lines', 0, 'quantity'], msg: 'Input should be less than or equal to 10', input: 11, ctx: { le: 10 } },
      ],
    });
  });

  it('a request without a body is `missing` at the body', () => {
    const result = parsePart(BookTickets, 'body', undefined);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(errorBody(result.error, 'body')).toEqual({ detail: [{ type: 'missing', loc: ['body'], msg: 'Field required' }] });
  });
});

describe('Standard Schema validate', () => {
  it('returns a value or issues for any input, and never throws', () => {
    const validate = BookTickets['~standard'].validate;
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (input) => {
        const result = validate(input);
        expect(result.issues === undefined ? result.value instanceof BookTickets : result.issues.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Hono: form, header and cookie targets', () => {
  const app = new Hono()
    .post('/form', validator('form', BookingQuery), (c) => c.json(c.req.valid('form')))
    .get('/header', validator('header', BookingQuery), (c) => c.json(c.req.valid('header')))
    .get('/cookie', validator('cookie', BookingQuery), (c) => c.json(c.req.valid('cookie')));

  it('reads a form like a query string, under body', async () => {
    const ok = await app.request('/form', { method: 'POST', body: new URLSearchParams('event=A&event=B&limit=3') });
    expect([ok.status, await ok.json()]).toEqual([200, { event: ['A', 'B'], limit: 3 }]);
    const bad = await app.request('/form', { method: 'POST', body: new URLSearchParams('limit=x') });
    expect([bad.status, await bad.json()]).toEqual([422, { detail: [{ type: 'int_parsing', loc: ['body', 'limit'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'x' }] }]);
  });

  it('reads headers and cookies, located under header and cookie', async () => {
    const header = await app.request('/header', { headers: { limit: '0' } });
    expect([header.status, await header.json()]).toEqual([422, { detail: [{ type: 'greater_than_equal', loc: ['header', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } }] }]);
    const cookie = await app.request('/cookie', { headers: { cookie: 'status=paid; limit=4; broken=%E0%A4%A' } });
    expect([cookie.status, await cookie.json()]).toEqual([200, { event: [], status: 'paid', limit: 4 }]);
  });
});

describe('Express: shorthands and error middleware', () => {
  it('body() and query() parse one part; errors() answers malformed JSON and hands other errors on', async () => {
    const app = express();
    app.use(express.json());
    app.post('/book', body(BookTickets), (req, res) => {
      res.json({ isModel: req.body instanceof BookTickets });
    });
    app.get('/list', query(BookingQuery), (req, res) => {
      res.json(req.query);
    });
    app.get('/fail', () => {
      throw new Error('boom');
    });
    app.use(errors());
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).json({ handedOn: error.message });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const book = await fetch(`${url}/book`, { method: 'POST', body: JSON.stringify({ buyer: 'Ada', email: 'ada@example.org', lines: [{ event: 'ABC-001', quantity: 1 }] }), headers: { 'content-type': 'application/json' } });
      expect(await book.json()).toEqual({ isModel: true });
      expect(await (await fetch(`${url}/list?event=A`)).json()).toEqual({ event: ['A'], limit: 20 });
      const malformed = await fetch(`${url}/book`, { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
      expect(malformed.status).toBe(422);
      expect(await malformed.json()).toMatchObject({ detail: [{ type: 'json_invalid', loc: ['body'] }] });
      expect(await (await fetch(`${url}/fail`)).json()).toEqual({ handedOn: 'boom' });
    } finally {
      server.close();
    }
  });
});

describe('Fastify: responses through their model', () => {
  it('writes instances and parsed plain data; plain data the model refuses is a 500', async () => {
    const app = Fastify().withTypeProvider<TydanticTypeProvider>();
    await app.register(tydantic);
    const booking: Input<typeof Booking> = { id: 1, buyer: 'Ada', email: 'ada@example.org', lines: [{ event: 'ABC-001', quantity: 1 }], rush: false, status: 'open', createdAt: '2026-12-06T12:00:00.000Z' };
    app.get('/instance', { schema: { response: { 200: Booking } } }, () => Booking.parse(booking));
    app.get('/plain', { schema: { response: { 200: Booking } } }, () => ({ ...booking, secret: 'dropped' }) as Input<typeof Booking>);
    // @ts-expect-error the reply's type comes from the model: `id` must be a number
    app.get('/wrong', { schema: { response: { 200: Booking } } }, () => ({ ...booking, id: 'x' }));
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url });
      return [response.statusCode, response.json()];
    };
    expect(await get('/instance')).toEqual([200, booking]);
    expect(await get('/plain')).toEqual([200, booking]);
    expect((await get('/wrong'))[0]).toBe(500);
    await app.close();
  });

  it('refuses a route schema that is not a model when the route is registered', async () => {
    const app = Fastify();
    await app.register(tydantic);
    app.post('/x', { schema: { body: { type: 'object' } } }, () => 'ok');
    await expect(app.ready()).rejects.toThrow(/the body schema is not a tydantic model/);
  });
});
