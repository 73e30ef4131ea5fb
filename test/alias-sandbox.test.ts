/**
 * Inline alias generators (`@model({ aliasGenerator: (name) => ... })`) run
 * at compile time in a sandbox (codegen/extract/sandbox.ts): a model file
 * must not be a way into the machine that builds it. Each hostile generator
 * here gives a located diagnostic and leaves the host as it was; harmless
 * ones give the aliases they always gave.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../codegen/diagnostics';
import { evaluateGenerator, TIME_LIMIT_MS } from '../codegen/extract/sandbox';
import { Generator } from '../codegen/generate';
import { repo, writeTsconfig } from './helpers/compile';

const root = path.join(repo, 'test/.tmp', `alias-sandbox-${process.pid}`);
/** A file that a generator escaping the sandbox would write. */
const marker = path.join(root, 'pwned.txt');
let projects = 0;

/** Generates a project whose one model, Probe, has `fields` (numbers) and the alias generator `generator`. */
function generate(generator: string, fields: readonly string[] = ['level']): { diagnostics: string[]; aliases: Record<string, string | undefined> } {
  const dir = path.join(root, `p${++projects}`);
  mkdirSync(dir, { recursive: true });
  writeTsconfig(dir);
  writeFileSync(
    path.join(dir, 'models.ts'),
    [
      "import { Model, model } from 'tydantic';",
      '',
      `@model({ aliasGenerator: ${generator} })`,
      'export class Probe extends Model {',
      ...fields.map((field) => `  ${field}!: number;`),
      '}',
      '',
    ].join('\n'),
  );
  const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
  const probe = result.ir.models.find((model) => model.name === 'Probe');
  return {
    diagnostics: result.diagnostics.map(formatDiagnostic),
    aliases: Object.fromEntries((probe?.fields ?? []).map((field) => [field.name, field.validationAlias])),
  };
}

const HINT = "use one of 'camelCase', 'snake_case', 'PascalCase', or an inline arrow function that uses nothing but its argument";

/** A diagnostic for the field `level` of Probe (or for `subject`), located at the generator (line 3, column 26). */
function at(message: string, hint = HINT, subject = 'Probe.level'): string {
  return `models.ts:3:26 - error: ${subject}: ${message}\n  hint: ${hint}`;
}

/** Waits for what a generator could have started for later (a promise, a request) to happen. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));

afterEach(() => {
  delete process.env.TYDANTIC_PWNED;
  rmSync(marker, { force: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('aliasGenerator sandbox: hostile generators', () => {
  it('stops a generator that never returns after the time limit, and fails the next fields at once', () => {
    const { diagnostics } = generate('(n: string) => { while (true) {} }', ['level', 'rank', 'score']);
    const hint = 'the generator must return for every field name: look for a loop that does not end';
    expect(diagnostics).toEqual([
      at(`aliasGenerator did not finish within ${TIME_LIMIT_MS} ms on 'level'`, hint),
      at(`aliasGenerator did not finish within ${TIME_LIMIT_MS} ms on 'level'`, hint, 'Probe.rank'),
      at(`aliasGenerator did not finish within ${TIME_LIMIT_MS} ms on 'level'`, hint, 'Probe.score'),
    ]);
    const generator = evaluateGenerator('var generator = (n) => { while (true) {} };');
    const started = performance.now();
    expect(() => generator('a')).toThrow(`did not finish within ${TIME_LIMIT_MS} ms on 'a'`);
    expect(() => generator('b')).toThrow(`did not finish within ${TIME_LIMIT_MS} ms on 'a'`);
    expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS * 10);
  });

  it('stops a loop in a getter of what the generator throws, which the sandbox reads inside', () => {
    const { diagnostics } = generate('(n: string) => { throw new Proxy({}, { getPrototypeOf() { while (true) {} } }); }');
    expect(diagnostics).toEqual([at(`aliasGenerator did not finish within ${TIME_LIMIT_MS} ms on 'level'`, 'the generator must return for every field name: look for a loop that does not end')]);
  });

  // Stands in for `(n) => process.exit(1)`, which would end the test run on the old `new Function` evaluation.
  it('has no process: writing to process.env is a diagnostic, and the host env stays as it was', () => {
    const { diagnostics } = generate("(n: string) => { process.env.TYDANTIC_PWNED = n; return n; }");
    expect(diagnostics).toEqual([at("aliasGenerator failed on 'level': process is not defined")]);
    expect(process.env.TYDANTIC_PWNED).toBeUndefined();
  });

  it('has no require, even when the host has a global one (as the Node REPL does)', () => {
    const host = globalThis as { require?: NodeJS.Require };
    host.require = createRequire(import.meta.url);
    try {
      const { diagnostics } = generate(`(n: string) => { require('fs').writeFileSync(${JSON.stringify(marker)}, n); return n; }`);
      expect(diagnostics).toEqual([at("aliasGenerator failed on 'level': require is not defined")]);
    } finally {
      delete host.require;
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("has a globalThis of its own: the host's process is not on it", () => {
    const { diagnostics } = generate('(n: string) => { (globalThis as any).process.env.TYDANTIC_PWNED = n; return n; }');
    expect(diagnostics).toEqual([at("aliasGenerator failed on 'level': Cannot read properties of undefined (reading 'env')")]);
    expect(process.env.TYDANTIC_PWNED).toBeUndefined();
  });

  it("keeps what the generator sets on globalThis to itself, and still works", () => {
    const { diagnostics, aliases } = generate('(n: string) => { (globalThis as any).__tydanticPwned = 1; return n.toUpperCase(); }');
    expect(diagnostics).toEqual([]);
    expect(aliases).toEqual({ level: 'LEVEL' });
    expect((globalThis as { __tydanticPwned?: unknown }).__tydanticPwned).toBeUndefined();
  });

  it('reaches no Function that compiles strings, through this, the name or a function', () => {
    const evalError = "aliasGenerator failed on 'level': Code generation from strings disallowed for this context";
    for (const reach of ['this.constructor.constructor', 'n.constructor.constructor', '(() => 0).constructor']) {
      const { diagnostics } = generate(`(n: string) => { (${reach} as any)('return process')().env.TYDANTIC_PWNED = n; return n; }`);
      expect(diagnostics, reach).toEqual([at(evalError)]);
    }
    expect(process.env.TYDANTIC_PWNED).toBeUndefined();
  });

  it('refuses import() before running, whose rejection would be an error of the host', async () => {
    const { diagnostics } = generate(`(n: string) => { import('node:fs').then((fs) => fs.writeFileSync(${JSON.stringify(marker)}, n)); return n; }`);
    expect(diagnostics).toEqual([at('aliasGenerator cannot be evaluated at compile time: it uses import(), which the compile step does not offer', HINT, 'Probe')]);
    await settle();
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses an async generator, which would run on after the time limit', () => {
    const { diagnostics } = generate('async (n: string) => n');
    expect(diagnostics).toEqual([at('aliasGenerator cannot be evaluated at compile time: it uses an async function, which the compile step does not offer', HINT, 'Probe')]);
  });

  it('has no fetch: no request leaves', async () => {
    let requests = 0;
    const server = createServer((_, response) => {
      requests++;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { diagnostics } = generate(`(n: string) => { fetch('http://127.0.0.1:${port}/' + n); return n; }`);
      expect(diagnostics).toEqual([at("aliasGenerator failed on 'level': fetch is not defined")]);
      await settle();
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("cannot set Error.prepareStackTrace, which Node calls with the host's stack frames", () => {
    const before = Error.prepareStackTrace;
    try {
      const { diagnostics } = generate("(n: string) => { (Error as any).prepareStackTrace = () => 'pwned'; return n; }");
      expect(diagnostics).toEqual([
        at("aliasGenerator failed on 'level': Cannot assign to read only property 'prepareStackTrace' of function 'function Error() { [native code] }'"),
      ]);
      expect(Error.prepareStackTrace).toBe(before);
    } finally {
      Error.prepareStackTrace = before;
    }
  });

  it("sees none of the host's globals", () => {
    const globals = ['process', 'require', 'module', 'Buffer', 'fetch', 'setTimeout', 'setImmediate', 'queueMicrotask', 'structuredClone', 'console', 'Promise', 'WebAssembly'];
    const { diagnostics, aliases } = generate(`(n: string) => [${globals.map((name) => `typeof ${name}`).join(', ')}].every((t) => t === 'undefined') ? n.toUpperCase() : n`);
    expect(diagnostics).toEqual([]);
    expect(aliases).toEqual({ level: 'LEVEL' });
  });
});

describe('aliasGenerator sandbox: harmless generators work as before', () => {
  it('gives the aliases of a one-line generator', () => {
    const { diagnostics, aliases } = generate('(name: string) => name.toUpperCase()', ['level', 'firstName']);
    expect(diagnostics).toEqual([]);
    expect(aliases).toEqual({ level: 'LEVEL', firstName: 'FIRSTNAME' });
  });

  it('gives the aliases of a generator with helpers and regular expressions in its body', () => {
    const generator = `function (name: string): string {
    const words = (s: string): string[] => s.split(/(?=[A-Z])/);
    const kebab = (parts: readonly string[]) => parts.map((p) => p.toLowerCase()).join('-');
    return /^id$/i.test(name) ? 'ID' : kebab(words(name).filter((w) => !/^\\d+$/.test(w)));
  }`;
    const { diagnostics, aliases } = generate(generator, ['firstName', 'id', 'homeAddress', 'x']);
    expect(diagnostics).toEqual([]);
    expect(aliases).toEqual({ firstName: 'first-name', id: 'ID', homeAddress: 'home-address', x: undefined });
  });

  it('reports what a generator throws and a result that is not a non-empty string, as before', () => {
    expect(generate("(n: string) => { throw new RangeError('no ' + n); }").diagnostics).toEqual([at("aliasGenerator failed on 'level': no level")]);
    expect(generate('(n: string) => 42 as any').diagnostics).toEqual([at("aliasGenerator returned 42 for 'level'", 'return a non-empty string')]);
    expect(generate("(n: string) => ''").diagnostics).toEqual([at(`aliasGenerator returned "" for 'level'`, 'return a non-empty string')]);
  });
});
