/**
 * The generated module fits the project it is written for (issue 15, item 4): its imports are written as
 * the project's TypeScript resolves them (the effective `module`/`moduleResolution`, defaults included),
 * it is CommonJS where the project compiles or runs it as CommonJS, it uses no built-in newer than the
 * project's `target`, the defaults of the project's own TypeScript version decide (`strict` is on by
 * default from 6.0), and its default place moves no file of `tsc`'s output.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Generator } from '../codegen/generate';
import { prepareFixture, repo } from './helpers/compile';

/** The generated module for `fixture` under `options`, written to `out` (default place without). */
function generate(fixture: string, options: Record<string, unknown>, out?: string) {
  const dir = prepareFixture(fixture, 'standard', options);
  const result = new Generator({ project: path.join(dir, 'tsconfig.json'), ...(out === undefined ? {} : { out: path.join(dir, out) }) }).run();
  expect(result.diagnostics).toEqual([]);
  writeFileSync(result.outFile, result.code);
  return { dir, result };
}

/** The type errors of the generated module alone, compiled with its project's options. */
function typeErrors(dir: string, outFile: string): string[] {
  const tsconfig = path.join(dir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([outFile], parsed.options);
  // The fixture's own files and the runtime's source (mapped by `paths`) are not the module's business.
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === outFile)
    .map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** The model imports of a generated module: its `import … from` and `require(…)` specifiers but the runtime's. */
const modelImports = (code: string): string[] => [...code.matchAll(/(?:from |require\()"(\.[^"]+)"/g)].map((m) => m[1]!);

describe('import specifiers follow the effective module resolution', () => {
  it.each([
    ['module nodenext, resolution left out', { module: 'NodeNext', moduleResolution: undefined }, './address.js'],
    ['module node16, resolution left out', { module: 'Node16', moduleResolution: undefined }, './address.js'],
    ['module node20', { module: 'Node20', moduleResolution: undefined }, './address.js'],
    ['moduleResolution nodenext', { module: 'NodeNext', moduleResolution: 'NodeNext' }, './address.js'],
    ['moduleResolution bundler', { module: 'ESNext', moduleResolution: 'Bundler' }, './address'],
    ['module preserve', { module: 'Preserve', moduleResolution: undefined }, './address'],
    ['module esnext, resolution left out (bundler from 6.0)', { module: 'ESNext', moduleResolution: undefined }, './address'],
    ['allowImportingTsExtensions', { module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: true }, './address.ts'],
    ['rewriteRelativeImportExtensions', { module: 'NodeNext', moduleResolution: undefined, rewriteRelativeImportExtensions: true }, './address.ts'],
  ])('%s: %s', (_name, options, expected) => {
    const { dir, result } = generate('basic', options);
    expect(modelImports(result.code)[0]).toBe(expected);
    // Node's resolution type-checks the module as written; under nodenext the root package.json makes it ESM.
    if (expected !== './address') expect(typeErrors(dir, result.outFile)).toEqual([]);
  });

  it('a folder of the project written as its index file under nodenext', () => {
    const dir = prepareFixture('basic', 'standard', { module: 'NodeNext', moduleResolution: undefined });
    mkdirSync(path.join(dir, 'nested'));
    writeFileSync(path.join(dir, 'nested/index.ts'), "import { Model, model } from 'tydantic';\n@model()\nexport class Nested extends Model {\n  x!: string;\n}\n");
    const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(modelImports(result.code)).toContain('./nested/index.js');
  });
});

describe('CommonJS where the project is CommonJS', () => {
  it('a .cjs output is JavaScript with require, and runs', async () => {
    const { dir, result } = generate('basic', {}, 'models.gen.cjs');
    const head = result.code.split('\n').slice(2, 5);
    expect(head[0]).toBe('"use strict";');
    expect(head[1]).toMatch(/^const \{ INVALID, adopt, builtin, .* \} = require\("tydantic\/internal"\);$/);
    expect(head[2]).toBe('const { Address } = require("./address");');
    expect(result.code).not.toMatch(/^import /m);
    // Bundled as CommonJS with the fixture's models: the module links them.
    writeFileSync(path.join(dir, 'entry.cjs'), "require('./models.gen.cjs');\nmodule.exports = require('./index');\n");
    const outfile = path.join(dir, 'bundle.cjs');
    await build({
      entryPoints: [path.join(dir, 'entry.cjs')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      alias: { tydantic: path.join(repo, 'src/index.ts'), 'tydantic/internal': path.join(repo, 'src/internal.ts'), 'tydantic/settings': path.join(repo, 'src/settings.ts') },
      logLevel: 'error',
    });
    const { Address } = createRequire(import.meta.url)(outfile) as { Address: { parse(input: unknown): object } };
    expect(Address.parse({ street: 's', zip: '12345' })).toBeInstanceOf(Address);
  });

  it('a .cts output is TypeScript that tsc compiles to CommonJS, verbatimModuleSyntax included', () => {
    const { dir, result } = generate('basic', { module: 'NodeNext', moduleResolution: undefined, verbatimModuleSyntax: true }, 'models.gen.cts');
    expect(result.code.split('\n').slice(2, 6)).toEqual([
      'import type { ParseContext } from "tydantic/internal";',
      'import __tydantic_runtime = require("tydantic/internal");',
      expect.stringMatching(/^const \{ INVALID, adopt, builtin, .* \} = __tydantic_runtime;$/),
      'import __tydantic_module_1 = require("./address.js");',
    ]);
    expect(typeErrors(dir, result.outFile)).toEqual([]);
  });

  it.each([
    ['module commonjs', { module: 'CommonJS', moduleResolution: 'Node10' }, 'cjs'],
    ['module nodenext in a package without "type": "module"', { module: 'NodeNext', moduleResolution: undefined }, 'cjs'],
    ['module esnext', { module: 'ESNext' }, 'esm'],
  ])('a .ts output under %s is %s', (_name, options, format) => {
    const dir = prepareFixture('basic', 'standard', options);
    if (format === 'cjs') writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'cjs-app' }));
    const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(result.code.includes('= require("tydantic/internal");')).toBe(format === 'cjs');
    writeFileSync(result.outFile, result.code);
    expect(typeErrors(dir, result.outFile)).toEqual([]);
  });
});

describe('the oldest target a project allows', () => {
  it.each(['ES2015', 'ES2017', 'ES2020', 'ES2021'])('the basic and examples modules type-check for target and lib %s', (target) => {
    for (const fixture of ['basic', 'examples']) {
      const { dir, result } = generate(fixture, { target, lib: [target] });
      expect(typeErrors(dir, result.outFile)).toEqual([]);
    }
  });
});

describe("the defaults of the project's TypeScript version", () => {
  /** The basic fixture with `strict` left out and a `typescript` of `version` installed beside it. */
  function withTypeScript(version: string, options: Record<string, unknown> = {}) {
    const dir = prepareFixture('basic', 'standard', { strict: undefined, ...options });
    mkdirSync(path.join(dir, 'node_modules/typescript'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/typescript/package.json'), JSON.stringify({ name: 'typescript', version }));
    return new Generator({ project: path.join(dir, 'tsconfig.json') });
  }

  it.each(['6.0.3', '7.0.2'])('TypeScript %s: strict is on unless the tsconfig turns it off', (version) => {
    const generator = withTypeScript(version);
    expect(generator.options.typescript.version).toBe(version);
    expect(generator.run().diagnostics).toEqual([]);
  });

  it('TypeScript 5.9: strict is off unless the tsconfig turns it on, so the compile step refuses', () => {
    const generator = withTypeScript('5.9.3');
    expect(generator.run().diagnostics.map((d) => d.message)).toEqual(['strictNullChecks is off, so `T | null` and `T | undefined` read as plain T']);
  });

  it('TypeScript 5.9 with neither module nor target: CommonJS with node10 resolution', () => {
    const generator = withTypeScript('5.9.3', { module: undefined, moduleResolution: undefined, target: undefined });
    expect(generator.options.importStyle).toBe('extensionless');
    expect(generator.options.formatIn(path.dirname(generator.outFile))).toBe('cjs');
  });
});

describe("the default place keeps tsc's output layout", () => {
  /** The files `tsc` emits for the project in `dir` (relative to its outDir). */
  function emitted(dir: string): string[] {
    const tsconfig = path.join(dir, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const files: string[] = [];
    // The runtime as a package's declarations, not its source through `paths`: source would take part in the layout.
    const stub = path.join(dir, 'runtime-stub.d.ts');
    writeFileSync(stub, 'declare const runtime: any;\nexport = runtime;\n');
    const paths = { tydantic: [stub], 'tydantic/internal': [stub] };
    const program = ts.createProgram(parsed.fileNames, { ...parsed.options, paths, noEmit: false, outDir: path.join(dir, 'dist'), declaration: false });
    program.emit(undefined, (file) => files.push(path.relative(path.join(dir, 'dist'), file)));
    return files.filter((f) => !f.startsWith('..')).sort();
  }

  it('sources under src/ without rootDir: the module goes in src/, and dist/ keeps its layout', () => {
    const dir = prepareFixture('basic', 'standard', {});
    const src = path.join(dir, 'src');
    mkdirSync(src);
    const tsconfig = JSON.parse(readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')) as { include: string[] };
    writeFileSync(path.join(src, 'address.ts'), readFileSync(path.join(dir, 'address.ts'), 'utf8'));
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['src'] }));
    const before = emitted(dir);
    const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(path.relative(dir, result.outFile)).toBe(path.join('src', 'tydantic.gen.ts'));
    writeFileSync(result.outFile, result.code);
    // TypeScript 6 lays out from the tsconfig's folder (5.x from the sources' common folder): either way no file moves.
    const address = before.find((f) => path.basename(f) === 'address.js')!;
    expect(emitted(dir)).toEqual([...before, path.join(path.dirname(address), 'tydantic.gen.js')].sort());
  });
});
