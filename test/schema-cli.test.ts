/** The `tydantic schema` command: files, --check, targets, exit codes. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { main } from '../codegen/cli';
import { prepareFixture, repo } from './helpers/compile';

/** One run of the CLI, on a new turn of the event loop: a test of several compiles lets the worker answer vitest between them. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  await new Promise((resolve) => setImmediate(resolve));
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { log: (s: string) => out.push(s), error: (s: string) => err.push(s) }, { color: false, now: () => 0 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const examples = path.join(repo, 'examples/tsconfig.json');

describe('tydantic schema', () => {
  it('writes one pretty-printed file per model, then --check agrees; a changed, missing or extra file fails the check', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tydantic-schema-'));
    const shown = path.relative(process.cwd(), dir);
    expect(await cli('schema', '-p', examples, '--out-dir', dir)).toEqual({ code: 0, out: `wrote 12 of 12 schemas to ${shown} (compiled 12 models in 0.0 s)`, err: '' });
    expect(readdirSync(dir).sort()).toEqual(['Address', 'AppConfig', 'BookTickets', 'Booking', 'BookingPage', 'BookingPath', 'BookingQuery', 'CreateOrder', 'DatabaseConfig', 'OrderItem', 'TicketLine', 'UpdateBooking'].map((name) => `${name}.json`));
    const address = readFileSync(path.join(dir, 'Address.json'), 'utf8');
    expect(address).toBe(`${JSON.stringify(JSON.parse(address), null, 2)}\n`);
    expect(JSON.parse(address).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(await cli('schema', '-p', examples, '--out-dir', dir, '--check')).toEqual({ code: 0, out: `${shown} is up to date (12 schemas; compiled 12 models in 0.0 s)`, err: '' });

    writeFileSync(path.join(dir, 'Address.json'), `${address} `);
    writeFileSync(path.join(dir, 'Old.json'), '{}');
    expect(await cli('schema', '-p', examples, '--out-dir', dir, '--check')).toEqual({
      code: 1,
      out: '',
      err: [`${path.join(shown, 'Address.json')} is stale`, `${path.join(shown, 'Old.json')} belongs to no model`, 'run `npx tydantic schema` with the same options'].join('\n'),
    });
  });

  it('writes OpenAPI components per model for an OpenAPI target', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tydantic-schema-'));
    expect((await cli('schema', '-p', examples, '--out-dir', dir, '--target', 'openapi-3.0', '--mode', 'serialization')).code).toBe(0);
    const order = JSON.parse(readFileSync(path.join(dir, 'CreateOrder.json'), 'utf8'));
    expect(Object.keys(order.components.schemas)).toEqual(['CreateOrder', 'OrderItem', 'Address']);
    expect(order.components.schemas.CreateOrder.properties.billTo).toEqual({ anyOf: [{ $ref: '#/components/schemas/Address' }, { nullable: true, enum: [null] }] });
  });

  it('matches the committed docs/schemas of the examples', async () => {
    expect((await cli('schema', '-p', examples, '--out-dir', path.join(repo, 'docs/schemas'), '--check')).code).toBe(0);
  });

  it('--openapi writes one OpenAPI document of the selected models, -Input and -Output where the modes differ', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tydantic-schema-'));
    const file = path.join(dir, 'openapi.json');
    const shown = path.relative(process.cwd(), file);
    expect(await cli('schema', '-p', examples, '--openapi', file, '--models', 'BookTickets,Booking')).toEqual({ code: 0, out: `wrote ${shown} (compiled 12 models in 0.0 s)`, err: '' });
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'examples', version: '0.0.0' });
    // BookTickets has a default (optional as input, required as output); TicketLine and Booking read the same both ways.
    expect(Object.keys(doc.components.schemas)).toEqual(['BookTickets-Input', 'Booking', 'TicketLine', 'BookTickets-Output']);
    expect(doc.components.schemas['BookTickets-Input'].required).toEqual(['buyer', 'email', 'lines']);
    expect(doc.components.schemas['BookTickets-Output'].required).toEqual(['buyer', 'email', 'lines', 'rush']);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(await cli('schema', '-p', examples, '--openapi', file, '--models', 'BookTickets,Booking', '--check')).toEqual({ code: 0, out: `${shown} is up to date (compiled 12 models in 0.0 s)`, err: '' });
    expect(await cli('schema', '-p', examples, '--openapi', file, '--check')).toMatchObject({ code: 1, err: `${shown} is stale\nrun \`npx tydantic schema\` with the same options` });
    await cli('schema', '-p', examples, '--openapi', file, '--target', 'openapi-3.0');
    const v30 = JSON.parse(readFileSync(file, 'utf8'));
    expect(v30.openapi).toBe('3.0.3');
    expect((await new Validator().validate(v30)).errors ?? []).toEqual([]);
    expect(await cli('schema', '-p', examples, '--openapi', file, '--models', 'Nope')).toMatchObject({ code: 2, err: "error: --models: 'Nope' is not a model of the project\nrun `tydantic help schema` for usage" });
    expect(await cli('schema', '-p', examples, '--openapi', file, '--out-dir', dir)).toMatchObject({ code: 2 });
  });

  it('--models writes the files of the selected models only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tydantic-schema-'));
    expect((await cli('schema', '-p', examples, '--out-dir', dir, '--models', 'Address')).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['Address.json']);
  });

  it('exits 1 on diagnostics and 2 on bad usage', async () => {
    const bad = prepareFixture('bad', 'standard');
    const dir = mkdtempSync(path.join(tmpdir(), 'tydantic-schema-'));
    const result = await cli('schema', '-p', path.join(bad, 'tsconfig.json'), '--out-dir', dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/\n\d+ errors: nothing written$/);
    expect(readdirSync(dir)).toEqual([]);
    expect((await cli('schema', '-p', examples)).err).toBe('error: --out-dir or --openapi is required\nrun `tydantic help schema` for usage');
    expect((await cli('schema', '--out-dir', dir, '--target', 'draft-04')).err).toMatch(/^error: unknown target 'draft-04'/);
    expect((await cli('schema', '--out-dir', dir, '--mode', 'input')).err).toMatch(/^error: unknown mode 'input'/);
    expect(await cli('schema', '--out-dir', dir, '-p', 'missing.json')).toMatchObject({ code: 2, err: 'error: missing.json not found (pass the tsconfig with --project)\nrun `tydantic help schema` for usage' });
    expect(await cli('schema', '--help')).toMatchObject({ code: 0, out: expect.stringContaining('Usage: tydantic schema') });
  });
});

describe('two classes of one name', () => {
  it('get the ids Address and Address_2 in the order of their files, both titled Address', async () => {
    const dir = prepareFixture('same-names', 'standard');
    const out = mkdtempSync(path.join(tmpdir(), 'tydantic-schema-'));
    expect((await cli('schema', '-p', dir, '--out-dir', out, '--target', 'openapi-3.1')).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['Address.json', 'Address_2.json', 'Invoice.json']);
    const { schemas } = JSON.parse(readFileSync(path.join(out, 'Invoice.json'), 'utf8')).components;
    expect(Object.keys(schemas)).toEqual(['Invoice', 'Address', 'Address_2']);
    expect([schemas.Address.description, schemas.Address_2.description]).toEqual(['A billing address.', 'A shipping address.']);
    expect([schemas.Address.title, schemas.Address_2.title]).toEqual(['Address', 'Address']);
    expect(schemas.Invoice.properties).toEqual({ billTo: { $ref: '#/components/schemas/Address' }, shipTo: { $ref: '#/components/schemas/Address_2' } });
  });
});
