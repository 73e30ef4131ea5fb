/**
 * `tydantic/nestjs` in a NestJS 12 application (this folder, legacy decorators) over loopback: arguments parsed
 * into the models, failures answered with 422 and FastAPI's located issues.
 */
import '../../examples/tydantic.gen';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';

describe('NestJS ModelPipe', () => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    app = await createApp();
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app.close());

  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return { status: response.status, json: (await response.json()) as unknown };
  };

  it('hands the handler instances and answers with their data', async () => {
    const created = await send('POST', '/orders', { buyer: 'Ada', email: 'ada@example.org', lines: [{ event: 'ABC-001', quantity: '2' }] });
    expect(created).toEqual({
      status: 201,
      json: { id: 1, buyer: 'Ada', email: 'ada@example.org', lines: [{ event: 'ABC-001', quantity: 2 }], rush: false, status: 'open', createdAt: '2026-12-06T12:00:00.000Z' },
    });
    expect(await send('GET', '/orders?event=ABC-001&limit=5')).toMatchObject({ status: 200, json: { total: 1 } });
    expect(await send('PATCH', '/orders/1', { status: 'paid' })).toMatchObject({ status: 200, json: { id: 1, status: 'paid' } });
  });

  it('answers invalid body, query and path with 422 and located issues', async () => {
    expect(await send('POST', '/orders', { buyer: '', email: 'ada@example.org', lines: [] })).toEqual({
      status: 422,
      json: {
        detail: [
          { type: 'string_too_short', loc: ['body', 'buyer'], msg: 'String should have at least 1 character', input: '', ctx: { min_length: 1 } },
          { type: 'too_short', loc: ['body', 'lines'], msg: 'List should have at least 1 item after validation, not 0', input: '[]', ctx: { field_type: 'List', min_length: 1, actual_length: 0 } },
        ],
      },
    });
    expect(await send('GET', '/orders?limit=0')).toEqual({
      status: 422,
      json: { detail: [{ type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } }] },
    });
    expect(await send('PATCH', '/orders/abc', { status: 'paid' })).toEqual({
      status: 422,
      json: { detail: [{ type: 'int_parsing', loc: ['path', 'id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' }] },
    });
  });
});
