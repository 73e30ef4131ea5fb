/**
 * The dual-package hazard: when a process loads both the ESM and the CommonJS build of the runtime (one
 * dependency imports it, another requires it), an error from either copy is `instanceof` the other's
 * ValidationError, and `setMessages` through either reaches parses run by the other.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repo } from './helpers/compile';

const dir = path.join(repo, 'test/.tmp', `dual-package-${process.pid}`);
let esm: Record<string, any>;
let cjs: Record<string, any>;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  // The two builds package.json's exports point at, made the same way (tsup is esbuild).
  for (const format of ['esm', 'cjs'] as const) {
    await build({
      // The public entry and the generated code's one, as a process that loads both builds sees them.
      stdin: { contents: `export * from './src/index.ts';\nexport * from './src/internal.ts';\n`, resolveDir: repo, loader: 'ts' },
      outfile: path.join(dir, format === 'esm' ? 'index.mjs' : 'index.cjs'),
      bundle: true,
      platform: 'node',
      format,
      target: 'node20',
      logLevel: 'error',
    });
  }
  esm = (await import(/* @vite-ignore */ pathToFileURL(path.join(dir, 'index.mjs')).href)) as Record<string, any>;
  cjs = createRequire(import.meta.url)(path.join(dir, 'index.cjs')) as Record<string, any>;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('loads two copies whose classes differ', () => {
  expect(esm.ValidationError).not.toBe(cjs.ValidationError);
});

it('an error of either copy is instanceof the ValidationError of both', () => {
  const fromEsm = new esm.ValidationError('M', []);
  const fromCjs = new cjs.ValidationError('M', []);
  expect(fromEsm instanceof cjs.ValidationError).toBe(true);
  expect(fromCjs instanceof esm.ValidationError).toBe(true);
  expect(fromEsm instanceof esm.ValidationError).toBe(true);
  // Not every Error, nor a look-alike that is no Error.
  expect(new Error('x') instanceof esm.ValidationError).toBe(false);
  expect({ name: 'ValidationError', issues: [] } instanceof esm.ValidationError).toBe(false);
  // A subclass keeps the prototype test.
  class Mine extends esm.ValidationError {}
  expect(new (Mine as new (title: string, issues: unknown[]) => object)('M', []) instanceof Mine).toBe(true);
  expect(fromEsm instanceof Mine).toBe(false);
});

it('setMessages through one copy words the issues the other reports, and undefined restores', () => {
  const reported = (runtime: Record<string, any>): string => {
    const c = { issues: [] as { msg: string }[], extra: undefined };
    runtime['issue'](c, 'string_type', [], 1);
    return c.issues[0]!.msg;
  };
  // Generated modules register built-in templates with their own copy; the other copy sees them.
  esm.useMessages({ string_type: 'Input should be a valid string' });
  expect(reported(cjs)).toBe('Input should be a valid string');
  cjs.setMessages({ string_type: 'Texte attendu' });
  try {
    expect(reported(esm)).toBe('Texte attendu');
    expect(reported(cjs)).toBe('Texte attendu');
  } finally {
    esm.setMessages({ string_type: undefined });
  }
  expect(reported(cjs)).toBe('Input should be a valid string');
});
