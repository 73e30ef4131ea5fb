/**
 * Incremental regeneration (`Generator.update`, what `--watch` runs): after
 * each edit its result, code and diagnostics, is the one a fresh generator
 * gives on the same files, and it extracts again only the models an edit can
 * reach.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generator } from '../codegen/generate';
import { repo, writeTsconfig } from './helpers/compile';

const dir = path.join(repo, 'test/.tmp', `watch-${process.pid}`);
const tsconfig = path.join(dir, 'tsconfig.json');

const FILES: Record<string, string> = {
  'shared.ts': `
export type Status = 'open' | 'closed';
export interface Address { street: string; city?: string }
`,
  'a.ts': `
import { Model, model } from 'tydantic';
import type { Status } from './shared';

@model()
export class Account extends Model {
  id!: number;
  status!: Status;
}

@model()
export class Cat extends Model {
  kind!: 'cat';
  lives!: number;
}

@model()
export class Dog extends Model {
  kind!: 'dog';
  good!: boolean;
}
`,
  'b.ts': `
import { Model, model } from 'tydantic';
import { Account, Cat, Dog } from './a';
import type { Address } from './shared';

@model()
export class Order extends Model {
  owner!: Account;
  others: Account[] = [];
  shipTo?: Address;
}

@model()
export class Draft extends Model {
  account?: Partial<Account>;
}

@model()
export class Owner extends Model {
  pet!: Cat | Dog;
}
`,
  'c.ts': `
import { Model, model } from 'tydantic';

@model()
export class Note extends Model {
  text!: string;
}

@model()
export class Page<T> extends Model {
  items!: T[];
  total!: number;
}

@model()
export class Listing extends Model {
  page!: Page<Note>;
}
`,
  'd.ts': `
import { Model, model } from 'tydantic';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

@model()
export class Doc extends Model {
  body!: Json;
}
`,
  'e.ts': `
import { Model, model } from 'tydantic';
import { Order } from './b';

@model()
export class Special extends Order {
  note?: string;
}
`,
};

/** Writes (or, with `undefined`, deletes) files; returns their paths. */
function edit(files: Record<string, string | undefined>): string[] {
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    if (text === undefined) rmSync(file, { force: true });
    else writeFileSync(file, text);
    return file;
  });
}

function replaceIn(name: string, from: string, to: string): Record<string, string> {
  const text = (current[name] ?? '').replace(from, to);
  if (text === current[name]) throw new Error(`${from} not in ${name}`);
  current[name] = text;
  return { [name]: text };
}

let current: Record<string, string> = {};
let generator: Generator;

/** Applies an edit through `update` and checks it against a fresh run; returns the ids extracted again, or 'full'. */
function step(files: Record<string, string | undefined>): 'full' | readonly string[] {
  const result = generator.update(edit(files));
  const fresh = new Generator({ project: tsconfig }).run();
  expect(result.diagnostics).toEqual(fresh.diagnostics);
  expect(result.code).toBe(fresh.code);
  expect(result.ir).toEqual(fresh.ir);
  const run = generator.extractor.lastRun;
  return run.full ? 'full' : run.extracted;
}

describe('Generator.update (--watch)', () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeTsconfig(dir);
    current = { ...FILES };
    edit(current);
    generator = new Generator({ project: tsconfig, incremental: true });
    const first = generator.run();
    expect(first.diagnostics).toEqual([]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extracts only the models of an edited file when others refer to them by id', () => {
    expect(step(replaceIn('a.ts', 'id!: number;', 'id!: number;\n  email?: string;'))).toEqual(['Account', 'Cat', 'Dog', 'Draft', 'Owner']);
  });

  it('reuses the blocks of the models an edit does not reach, their hoisted constants numbered anew', () => {
    // A pattern in the first model hoists a regular expression before every other model's constants: their
    // numbers all move. (No `$` in it: `replaceIn` goes through String.replace.)
    const edited = {
      ...replaceIn('a.ts', "import { Model, model } from 'tydantic';", "import { Model, field, model } from 'tydantic';"),
      ...replaceIn('a.ts', 'email?: string;', "email?: string;\n  @field({ pattern: '^[a-z]+' }) handle?: string;"),
    };
    expect(step(edited)).toEqual(['Account', 'Cat', 'Dog', 'Draft', 'Owner']);
    expect(generator.blocks?.reused).toBeGreaterThan(0);
    // After the first model's field list (the constant its `is` checks instances against).
    expect(generator.update([]).code).toContain('const re_2 = userPattern("^[a-z]+", "");');
  });

  it('extracts again a model in another file whose field type alias changed', () => {
    expect(step(replaceIn('shared.ts', "'open' | 'closed'", "'open' | 'closed' | 'held'"))).toEqual(['Account', 'Order', 'Draft', 'Special']);
  });

  it('extracts again a model that inlines an interface from another file', () => {
    // Account reads shared.ts (Status), and so does Draft, through Partial<Account>.
    expect(step(replaceIn('shared.ts', 'city?: string', 'city?: string; zip: string'))).toEqual(['Account', 'Order', 'Draft', 'Special']);
  });

  it('shares a type with a model in another file without extracting that model again', () => {
    // Order (b.ts) holds Address; now Account (a.ts) does too: one definition that both call, made of the copy
    // Account's extraction converts and the one kept from Order's. The result is a fresh run's (`step` compares).
    const shared = {
      ...replaceIn('a.ts', "import type { Status } from './shared';", "import type { Address, Status } from './shared';"),
      ...replaceIn('a.ts', 'status!: Status;', 'status!: Status;\n  billTo?: Address;'),
    };
    expect(step(shared)).toEqual(['Account', 'Cat', 'Dog', 'Draft', 'Owner']);
    expect(generator.update([]).code).toMatch(/^function is_Address\(/m);
    expect(step(replaceIn('a.ts', 'status!: Status;\n  billTo?: Address;', 'status!: Status;'))).toEqual(['Account', 'Cat', 'Dog', 'Draft', 'Owner']);
  });

  it('follows a discriminated union of models to the members’ file', () => {
    const extracted = step(replaceIn('a.ts', "kind!: 'dog';", "kind!: 'dog';\n  name?: string;"));
    expect(extracted).toContain('Owner');
    expect(step(replaceIn('a.ts', "kind!: 'dog';", "kind!: 'cat' | 'dog';"))).not.toBe('full');
  });

  it('follows indexed access types, conditional types and constants in decorator options to their files', () => {
    current['h.ts'] = [
      "import { Model, field, model } from 'tydantic';",
      "import { Account, Dog } from './a';",
      "import { LIMIT } from './shared';",
      '',
      'type IsDog<T> = T extends { good: boolean } ? true : false;',
      '',
      '@model()',
      'export class Report extends Model {',
      "  status!: Account['status'];",
      '  dog!: IsDog<Dog>;',
      '  @field({ maxLength: LIMIT }) title!: string;',
      '}',
      '',
      'const limits = { LIMIT } as const;',
      '',
      '@model()',
      'export class Sized extends Model {',
      "  size!: (typeof limits)['LIMIT'];",
      '}',
      '',
    ].join('\n');
    current['shared.ts'] += 'export const LIMIT = 10;\n';
    expect(step({ 'h.ts': current['h.ts'], 'shared.ts': current['shared.ts'] })).toBe('full');
    expect(step(replaceIn('shared.ts', 'LIMIT = 10', 'LIMIT = 12'))).toEqual(expect.arrayContaining(['Report', 'Sized']));
    expect(step(replaceIn('a.ts', "'cat' | 'dog'", "'dog'"))).toContain('Report');
    expect(step(replaceIn('a.ts', 'good!: boolean;', 'good?: string;'))).toContain('Report');
    expect(step(replaceIn('shared.ts', "| 'held'", "| 'lost'"))).toContain('Report');
  });

  it('extracts again a subclass when its base class in another file changes', () => {
    expect(step(replaceIn('b.ts', 'others: Account[] = [];', 'others: Account[] = [];\n  rush = false;'))).toEqual(['Order', 'Draft', 'Owner', 'Special']);
  });

  it('renames a class, breaking and then fixing a file that imports it', () => {
    expect(step({ ...replaceIn('a.ts', 'class Account ', 'class Customer '), ...replaceIn('a.ts', 'class Cat ', 'class Kitten ') })).toBe('full');
    expect(step({ ...replaceIn('b.ts', 'Account, Cat, Dog', 'Customer as Account, Kitten as Cat, Dog') })).not.toBe('full');
    expect(step({ ...replaceIn('h.ts', '{ Account, Dog }', '{ Customer as Account, Dog }') })).toEqual(['Report', 'Sized']);
  });

  it('adds and deletes a file', () => {
    current['f.ts'] = "import { Model, model } from 'tydantic';\n\n@model()\nexport class Extra extends Model {\n  x!: string;\n}\n";
    expect(step({ 'f.ts': current['f.ts'] })).toBe('full');
    expect(step(replaceIn('f.ts', 'x!: string;', 'x!: string;\n  y?: number;'))).toEqual(['Extra']);
    delete current['f.ts'];
    expect(step({ 'f.ts': undefined })).toBe('full');
  });

  it('reports a diagnostic and clears it', () => {
    expect(step(replaceIn('b.ts', 'shipTo?: Address;', 'shipTo?: Address;\n  callback!: () => void;'))).not.toBe('full');
    expect(generator.update([]).diagnostics.map((d) => d.message)).toEqual([
      "Order.callback: '() => void' is a function type, which input data cannot hold",
      "Special.callback: '() => void' is a function type, which input data cannot hold",
    ]);
    expect(step(replaceIn('a.ts', 'email?: string;', 'email?: string | null;'))).not.toBe('full');
    expect(step(replaceIn('b.ts', '\n  callback!: () => void;', ''))).not.toBe('full');
    expect(generator.update([]).diagnostics).toEqual([]);
  });

  it('keeps the ids of two classes of the same name in two files', () => {
    current['g.ts'] = "import { Model, model } from 'tydantic';\n\n@model()\nexport class Order extends Model {\n  ref!: string;\n}\n";
    expect(step({ 'g.ts': current['g.ts'] })).toBe('full');
    expect(generator.update([]).ir.models.map((m) => m.id)).toContain('Order_2');
    expect(step(replaceIn('g.ts', 'ref!: string;', 'ref!: string;\n  count = 0;'))).toEqual(['Order_2']);
    expect(step(replaceIn('b.ts', 'rush = false;', 'rush = true;'))).toEqual(['Order', 'Draft', 'Owner', 'Special']);
  });

  it('extracts again only the models of a recursive definition, and falls back to a full extraction for generic instances', () => {
    expect(step(replaceIn('d.ts', 'body!: Json;', 'body!: Json;\n  title?: string;'))).toEqual(['Doc']);
    expect(step(replaceIn('c.ts', 'total!: number;', 'total!: number;\n  next?: string;'))).toBe('full');
    expect(step(replaceIn('d.ts', 'Json[] |', 'readonly Json[] |'))).toEqual(['Doc']);
  });

  it('falls back to a full extraction when a file that declares global names changes', () => {
    current['globals.d.ts'] = 'type Label = string;\n';
    expect(step({ 'globals.d.ts': current['globals.d.ts'], ...replaceIn('a.ts', 'email?: string | null;', 'email?: string | null;\n  label?: Label;') })).toBe('full');
    expect(step(replaceIn('globals.d.ts', 'string;', 'string | number;'))).toBe('full');
    current['script.ts'] = 'type Size = number;\n';
    expect(step({ 'script.ts': current['script.ts'] })).toBe('full');
    expect(step({ ...replaceIn('script.ts', 'number;', 'string;'), ...replaceIn('a.ts', 'label?: Label;', 'label?: Label;\n  size?: Size;') })).toBe('full');
  });

  it('keeps the result when nothing changed', () => {
    expect(step({})).toEqual([]);
  });
});
