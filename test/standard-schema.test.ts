/**
 * Standard Schema v1 on model classes, tried with real consumers: the spec's own contract, Hono's
 * `sValidator` over HTTP, tRPC 11 (input typed from the model, wrong input a type error and a 400), and
 * TanStack Form's form-level validation.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sValidator } from '@hono/standard-validator';
import { FormApi } from '@tanstack/form-core';
import { initTRPC } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import '../examples/tydantic.gen';
import type { Input, StandardSchemaV1 } from 'tydantic';
import { BookTickets } from '../examples/service/models';

const VALID: Input<typeof BookTickets> = { buyer: 'Ada', email: 'ada@example.org', lines: [{ event: 'ABC-001', quantity: '2' }] };
const INVALID = { buyer: '', email: 'ada', lines: [] };
const ISSUES = [
  { message: 'String should have at least 1 character', path: ['buyer'], type: 'string_too_short' },
  { message: 'value is not a valid email address: An email address must have an @-sign.', path: ['email'], type: 'value_error' },
  { message: 'List should have at least 1 item after validation, not 0', path: ['lines'], type: 'too_short' },
];

describe('the Standard Schema contract', () => {
  const standard = BookTickets['~standard'];

  it('identifies itself and validates synchronously: the instance, or issues with message, path and type', () => {
    expect([standard.version, standard.vendor]).toEqual([1, 'tydantic']);
    const ok = standard.validate(VALID);
    expect(ok).toEqual({ value: BookTickets.parse(VALID) });
    expect(ok.issues === undefined && ok.value instanceof BookTickets && ok.value.lines[0]!.quantity).toBe(2);
    expect(standard.validate(INVALID)).toEqual({ issues: ISSUES });
    // A model class is a Standard Schema, typed for the class that declares it.
    expectTypeOf(BookTickets).toExtend<StandardSchemaV1<Input<typeof BookTickets>, BookTickets>>();
  });

  it('libraryOptions are parse options', () => {
    expect(standard.validate(VALID, { libraryOptions: { strict: true } })).toEqual({
      issues: [{ message: 'Input should be a valid integer', path: ['lines', 0, 'quantity'], type: 'int_type' }],
    });
  });
});

describe("Hono's sValidator over HTTP", () => {
  let url: string;
  let close: () => void;
  beforeAll(async () => {
    const app = new Hono().post('/book', sValidator('json', BookTickets), (c) => {
      const booking = c.req.valid('json');
      expectTypeOf(booking).toEqualTypeOf<BookTickets>();
      return c.json({ buyer: booking.buyer, quantity: booking.lines[0]!.quantity, isModel: booking instanceof BookTickets });
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/book`;
    close = () => server.close();
  });
  afterAll(() => close());

  const post = async (body: unknown) => {
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return { status: response.status, json: (await response.json()) as unknown };
  };

  it('valid input reaches the handler as an instance; invalid input is answered with the issues', async () => {
    expect(await post(VALID)).toEqual({ status: 200, json: { buyer: 'Ada', quantity: 2, isModel: true } });
    const { status, json } = await post(INVALID);
    expect(status).toBe(400);
    expect(json).toMatchObject({ success: false, error: ISSUES });
  });
});

describe('tRPC 11', () => {
  const t = initTRPC.create();
  const router = t.router({
    book: t.procedure.input(BookTickets).mutation(({ input }) => {
      expectTypeOf(input).toEqualTypeOf<BookTickets>();
      return { buyer: input.buyer, tickets: input.lines.reduce((n, line) => n + line.quantity, 0) };
    }),
  });

  it('types the procedure input from the model and parses with it', async () => {
    const caller = t.createCallerFactory(router)({});
    expect(await caller.book(VALID)).toEqual({ buyer: 'Ada', tickets: 2 });
    // @ts-expect-error the input type comes from the model: `lines` is required
    await expect(caller.book({ buyer: 'Ada', email: 'ada@example.org' })).rejects.toThrow(/Field required/);
  });

  it('answers wrong input over its fetch adapter with 400 and the issues', async () => {
    const request = new Request('http://localhost/trpc/book', { method: 'POST', body: JSON.stringify(INVALID), headers: { 'content-type': 'application/json' } });
    const response = await fetchRequestHandler({ endpoint: '/trpc', req: request, router, createContext: () => ({}) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    // tRPC calls the class's `parse` (it looks for one before `~standard`): the message is the error's summary.
    const failed = BookTickets.safeParse(INVALID);
    expect(failed.success).toBe(false);
    expect(body.error.message).toBe(failed.success ? undefined : failed.error.message);
  });
});

describe('TanStack Form', () => {
  it('validates a form with the model and puts each issue on its field', () => {
    const form = new FormApi({ defaultValues: INVALID as Input<typeof BookTickets>, validators: { onChange: BookTickets } });
    form.mount();
    form.setFieldValue('buyer', '');
    expect(form.state.isValid).toBe(false);
    expect(form.getFieldMeta('buyer')?.errors).toEqual([ISSUES[0]]);
    expect(form.getFieldMeta('email')?.errors).toEqual([ISSUES[1]]);
    form.setFieldValue('buyer', 'Ada');
    form.setFieldValue('email', 'ada@example.org');
    form.setFieldValue('lines', [{ event: 'ABC-001', quantity: 1 }]);
    expect(form.getFieldMeta('buyer')?.errors).toEqual([]);
    expect(form.state.isValid).toBe(true);
  });
});
