/**
 * The example services (examples/express, examples/fastify, examples/hono) over loopback: each answers valid
 * input with the model's data, invalid input with 422 and FastAPI's located issues, malformed JSON with
 * `json_invalid`, reads query strings as FastAPI does, and serves an OpenAPI 3.1 document a validator accepts.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp as expressApp } from '../examples/express/server';
import { createApp as fastifyApp } from '../examples/fastify/server';
import { createApp as honoApp } from '../examples/hono/server';
import { Bookings } from '../examples/service/routes';

const NOW = new Date('2026-12-06T12:00:00.000Z');

/** Starts a service on a free loopback port: its base URL and how to stop it. */
type Start = () => Promise<{ url: string; close: () => Promise<void> }>;

const SERVICES: [string, Start][] = [
  [
    'express',
    async () => {
      const server = expressApp(new Bookings(() => NOW)).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
    },
  ],
  [
    'fastify',
    async () => {
      const app = await fastifyApp(new Bookings(() => NOW));
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      return { url, close: () => app.close() };
    },
  ],
  [
    'hono',
    async () => {
      const server = serve({ fetch: honoApp(new Bookings(() => NOW)).fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => server.once('listening', resolve));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
    },
  ],
];

const ORDER = { buyer: 'Ada', email: 'ada@example.org', lines: [{ event: 'ABC-001', quantity: 2 }] };

describe.each(SERVICES)('%s', (name, start) => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await start());
  });
  afterAll(() => close());

  const send = async (method: string, path: string, body?: string): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(url + path, body === undefined ? { method } : { method, body, headers: { 'content-type': 'application/json' } });
    return { status: response.status, json: await response.json() };
  };

  it('valid input: 200 with the model\'s data', async () => {
    expect(await send('POST', '/orders', JSON.stringify(ORDER))).toEqual({
      status: 200,
      json: { id: 1, ...ORDER, rush: false, status: 'open', createdAt: '2026-12-06T12:00:00.000Z' },
    });
    expect(await send('PATCH', '/orders/1', JSON.stringify({ status: 'paid' }))).toMatchObject({ status: 200, json: { id: 1, status: 'paid' } });
  });

  it('invalid input: 422 with every issue, located in the body', async () => {
    const { status, json } = await send('POST', '/orders', JSON.stringify({ buyer: '', lines: [{ event: 'x', quantity: '0' }], extra: 1 }));
    expect(status).toBe(422);
    expect(json).toEqual({
      detail: [
        { type: 'string_too_short', loc: ['body', 'buyer'], msg: 'String should have at least 1 character', input: '', ctx: { min_length: 1 } },
        { type: 'missing', loc: ['body', 'email'], msg: 'Field required' },
        { type: 'string_pattern_mismatch', loc: ['body', 'lines', 0, 'event'], msg: "String should match pattern '^[A-Z]{3}-[0-9]{3}$'", input: 'x', ctx: { pattern: '^[A-Z]{3}-[0-9]{3}$' } },
        { type: 'greater_than_equal', loc: ['body', 'lines', 0, 'quantity'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
        { type: 'extra_forbidden', loc: ['body', 'extra'], msg: 'Extra inputs are not permitted', input: 1 },
      ],
    });
  });

  it('path parameters are parsed by their model, located under path', async () => {
    const detail = [
      { type: 'int_parsing', loc: ['path', 'id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' },
      { type: 'literal_error', loc: ['body', 'status'], msg: "Input should be 'paid' or 'cancelled'", input: 'lost', ctx: { expected: "'paid' or 'cancelled'" } },
    ];
    // Express's `validate` parses every part it is given; Fastify and Hono stop at the first part that fails.
    expect(await send('PATCH', '/orders/abc', JSON.stringify({ status: 'lost' }))).toEqual({ status: 422, json: { detail: name === 'express' ? detail : detail.slice(0, 1) } });
    expect(await send('PATCH', '/orders/9', JSON.stringify({ status: 'paid' }))).toEqual({ status: 404, json: { detail: 'No such order' } });
  });

  it('malformed JSON: 422 json_invalid at body; no body: missing', async () => {
    const { status, json } = await send('POST', '/orders', '{"buyer": ');
    expect(status).toBe(422);
    expect(json).toMatchObject({ detail: [{ type: 'json_invalid', loc: ['body'], msg: expect.stringMatching(/^Invalid JSON: /) }] });
    expect(await send('POST', '/orders')).toEqual({ status: 422, json: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required' }] } });
  });

  it('query strings: one value or repeated keys fill an array field, strings are parsed laxly', async () => {
    await send('POST', '/orders', JSON.stringify({ ...ORDER, lines: [{ event: 'XYZ-002', quantity: 1 }] }));
    const one = await send('GET', '/orders?event=ABC-001&limit=5');
    expect(one.status).toBe(200);
    expect((one.json as { items: { id: number }[] }).items.map((order) => order.id)).toEqual([1]);
    const both = await send('GET', '/orders?event=ABC-001&event=XYZ-002');
    expect(both.json).toMatchObject({ total: 2 });
    expect(await send('GET', '/orders?limit=0&status=lost')).toEqual({
      status: 422,
      json: {
        detail: [
          { type: 'literal_error', loc: ['query', 'status'], msg: "Input should be 'open', 'paid' or 'cancelled'", input: 'lost', ctx: { expected: "'open', 'paid' or 'cancelled'" } },
          { type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
        ],
      },
    });
  });

  it('serves an OpenAPI 3.1 document that a validator accepts', async () => {
    const { status, json } = await send('GET', '/openapi.json');
    expect(status).toBe(200);
    const result = await new Validator().validate(json as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
