/**
 * The types users see (checked by `npm run typecheck`, which covers test/): `Input` and `Output` of a model,
 * the `~standard` types Standard Schema consumers infer from, and the types the framework integrations give
 * handlers. Each `@ts-expect-error` fails the typecheck when the line it marks stops being an error.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Input, InputOf, Output, StandardProps } from 'tydantic';
import { Address } from '../examples/models/address';
import { CreateOrder } from '../examples/models/order';
import { BookTickets, BookingQuery, TicketLine } from '../examples/service/models';

describe('Input and Output', () => {
  it('Input: input keys, defaulted fields optional, lax inputs, Dates as text, nested models as their input', () => {
    expectTypeOf<Input<typeof TicketLine>>().toEqualTypeOf<{ event: string; quantity: number | `${number}` }>();
    expectTypeOf<Input<typeof BookingQuery>>().toEqualTypeOf<{ event?: string[]; status?: 'open' | 'paid' | 'cancelled'; limit?: number | `${number}` }>();
    expectTypeOf<Input<typeof BookTickets>['lines']>().toEqualTypeOf<{ event: string; quantity: number | `${number}` }[]>();
    expectTypeOf<Input<typeof BookTickets>['rush']>().toEqualTypeOf<boolean | 'true' | 'false' | undefined>();
    expectTypeOf<Input<typeof CreateOrder>['placedAt']>().toEqualTypeOf<Date | string>();
    expectTypeOf<Input<typeof CreateOrder>['billTo']>().toEqualTypeOf<Input<typeof Address> | null | undefined>();
    const sent: Input<typeof BookTickets> = { buyer: 'Ada', email: 'ada@example.org', lines: [{ event: 'ABC-001', quantity: '2' }] };
    expectTypeOf(sent).not.toBeAny();
    // @ts-expect-error a required field is missing
    const missing: Input<typeof BookTickets> = { buyer: 'Ada', lines: [] };
    expectTypeOf(missing).not.toBeAny();
  });

  it('Output is the instance type, brands and methods included', () => {
    expectTypeOf<Output<typeof CreateOrder>>().toEqualTypeOf<CreateOrder>();
    expectTypeOf<Output<typeof CreateOrder>['total']>().toEqualTypeOf<() => number>();
  });

  it('a type without a registered input is read from its declaration, refinement tags dropped', () => {
    expectTypeOf<InputOf<{ n: number & { readonly [k: symbol]: unknown }; d: Date; s: Set<string> }>>().toEqualTypeOf<{ n: number & { readonly [k: symbol]: unknown }; d: Date | string; s: ReadonlySet<string> | readonly string[] }>();
  });
});

describe('~standard', () => {
  it('is on every model class; a `declare static` types it for its class', () => {
    expectTypeOf(CreateOrder['~standard']).toEqualTypeOf<StandardProps<unknown, import('tydantic').Model>>();
    expectTypeOf(BookTickets['~standard']).toEqualTypeOf<StandardProps<Input<typeof BookTickets>, BookTickets>>();
  });
});
