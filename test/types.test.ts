/**
 * The types users see (checked by `npm run typecheck`, which covers test/): `Input` and `Output` of a model,
 * the `~standard` types Standard Schema consumers infer from, and the types the framework integrations give
 * handlers. Each `@ts-expect-error` fails the typecheck when the line it marks stops being an error.
 */
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { repo } from './helpers/compile';
import type { Input, InputOf, Output, Secret, StandardProps } from 'tydantic';
import { AppConfig } from '../examples/config';
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

  it('Input: a Secret field takes its value or a Secret; Output keeps the Secret', () => {
    expectTypeOf<Input<typeof AppConfig>['sessionKey']>().toEqualTypeOf<string | { reveal(): string }>();
    expectTypeOf<Output<typeof AppConfig>['sessionKey']>().toEqualTypeOf<Secret<string>>();
    expectTypeOf<ReturnType<Output<typeof AppConfig>['sessionKey']['reveal']>>().toEqualTypeOf<string>();
    const load = () => AppConfig.load();
    expectTypeOf(load).returns.toEqualTypeOf<AppConfig>();
  });

  it('Output is the instance type, brands and methods included', () => {
    expectTypeOf<Output<typeof CreateOrder>>().toEqualTypeOf<CreateOrder>();
    expectTypeOf<Output<typeof CreateOrder>['total']>().toEqualTypeOf<() => number>();
  });

  it('a type without a registered input is read from its declaration, refinement tags dropped', () => {
    expectTypeOf<InputOf<{ n: number & { readonly [k: symbol]: unknown }; d: Date; s: Set<string> }>>().toEqualTypeOf<{ n: number & { readonly [k: symbol]: unknown }; d: Date | string; s: ReadonlySet<string> | readonly string[] }>();
  });
});

describe('what an editor shows', () => {
  // The type checker's own text for a property's type: what a hover shows.
  const shown = (file: string, model: string, property: string): string => {
    const project = new Project({ tsConfigFilePath: path.join(repo, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
    const source = project.addSourceFileAtPath(path.join(repo, file));
    project.addSourceFileAtPath(path.join(repo, 'examples/tydantic.gen.ts'));
    const declaration = source.getClassOrThrow(model).getPropertyOrThrow(property);
    // The flags of the language service's quick info.
    return declaration.getType().getText(declaration, ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.AllowUniqueESSymbolType);
  };

  it('refinement tags read as their names, and an input type as the model it belongs to', () => {
    expect(shown('examples/service/models.ts', 'TicketLine', 'quantity')).toBe('number & IntTag & Ge<1> & Le<10>');
    expect(shown('examples/service/models.ts', 'BookTickets', 'email')).toBe('Email');
    expect(shown('test/types.test.ts', 'Hovered', 'input')).toBe('BookTicketsInput');
  });
});

/** A class whose property's type is an input type, for the hover test above. */
export class Hovered {
  declare input: Input<typeof BookTickets>;
}

describe('~standard', () => {
  it('is on every model class; a `declare static` types it for its class', () => {
    expectTypeOf(CreateOrder['~standard']).toEqualTypeOf<StandardProps<unknown, import('tydantic').Model>>();
    expectTypeOf(BookTickets['~standard']).toEqualTypeOf<StandardProps<Input<typeof BookTickets>, BookTickets>>();
  });
});
