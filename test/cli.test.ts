/** The `tydantic generate` command: output, --check, --out, --watch, exit codes, determinism. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { main, watchProject } from '../codegen/cli';
import { Printer } from '../codegen/cli-support';
import { Generator } from '../codegen/generate';
import { prepareFixture, repo } from './helpers/compile';

/** Runs the CLI in-process; returns the exit code and what it printed. */
function cli(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { log: (s: string) => out.push(s), error: (s: string) => err.push(s) }, { color: false, now: () => 0 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A printer for watch mode that hands every line to `log`. */
const printer = (log: (line: string) => void): Printer => new Printer({ log, error: log }, 'text', false, { color: false });

describe('tydantic generate', () => {
  it('writes the module, then reports it unchanged, and --check agrees', () => {
    const dir = prepareFixture('basic', 'standard');
    const project = path.join(dir, 'tsconfig.json');
    const out = path.relative(process.cwd(), path.join(dir, 'tydantic.gen.ts'));
    expect(cli('generate', '--project', project)).toEqual({ code: 0, out: `wrote ${out} (compiled 52 models in 0.0 s)`, err: '' });
    expect(cli('generate', '-p', project)).toEqual({ code: 0, out: `unchanged ${out} (compiled 52 models in 0.0 s)`, err: '' });
    expect(cli('generate', '-p', project, '--check')).toEqual({ code: 0, out: `${out} is up to date (compiled 52 models in 0.0 s)`, err: '' });

    writeFileSync(path.join(dir, 'tydantic.gen.ts'), `${readFileSync(path.join(dir, 'tydantic.gen.ts'), 'utf8')}\n`);
    expect(cli('generate', '-p', project, '--check')).toEqual({
      code: 1,
      out: '',
      err: `${out} is stale: run \`npx tydantic generate\``,
    });
    rmSync(path.join(dir, 'tydantic.gen.ts'));
    expect(cli('generate', '-p', project, '--check').err).toBe(`${out} is missing: run \`npx tydantic generate\``);
  });

  it('exits 1 with every diagnostic and writes nothing for bad models', () => {
    const dir = prepareFixture('bad', 'standard');
    const result = cli('generate', '-p', path.join(dir, 'tsconfig.json'));
    expect(result.code).toBe(1);
    expect(result.err).toContain("models.ts:9:14 - error: Bad.callback: '() => void' is a function type");
    expect(result.err).toMatch(/\n\d+ errors: nothing written$/);
    expect(() => readFileSync(path.join(dir, 'tydantic.gen.ts'))).toThrow();
  });

  it('exits 2 on bad usage', () => {
    expect(cli().code).toBe(2);
    expect(cli('build').err).toBe("error: unknown command 'build'\nrun `tydantic help` for usage");
    expect(cli('generate', '--nope').code).toBe(2);
    expect(cli('generate', '-p', 'missing/tsconfig.json')).toMatchObject({
      code: 2,
      err: 'error: missing/tsconfig.json not found (pass the tsconfig with --project)\nrun `tydantic help generate` for usage',
    });
    expect(cli('--help')).toMatchObject({ code: 0, out: expect.stringContaining('Usage: tydantic <command>') });
    const broken = prepareFixture('basic', 'standard');
    writeFileSync(path.join(broken, 'tsconfig.json'), '{ "compilerOptions": { ');
    expect(cli('generate', '-p', broken).err).toMatch(/^error: cannot read .*tsconfig\.json: /);
  });

  it('reads the tsconfig.json of a folder given to --project', () => {
    const dir = prepareFixture('basic', 'standard');
    expect(cli('generate', '-p', dir, '--check').err).toMatch(/tydantic\.gen\.ts is missing/);
  });

  it('writes plain JavaScript for a .js output, which bundles and runs', async () => {
    const dir = prepareFixture('basic', 'standard');
    expect(cli('generate', '-p', path.join(dir, 'tsconfig.json'), '--out', path.join(dir, 'models.gen.js')).code).toBe(0);
    const code = readFileSync(path.join(dir, 'models.gen.js'), 'utf8');
    expect(code).not.toMatch(/: any|ParseContext/);
    writeFileSync(path.join(dir, 'entry.ts'), "import './models.gen.js';\nexport * from './index';\n");
    const outfile = path.join(dir, 'bundle.mjs');
    await build({
      entryPoints: [path.join(dir, 'entry.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      alias: { tydantic: path.join(repo, 'src/index.ts'), 'tydantic/internal': path.join(repo, 'src/internal.ts'), 'tydantic/settings': path.join(repo, 'src/settings.ts') },
      logLevel: 'error',
    });
    const m = await import(pathToFileURL(outfile).href);
    expect(m.Address.parse({ street: 's', zip: '12345' })).toBeInstanceOf(m.Address);
  });

  it('resolves --out from the working directory and creates its folders', () => {
    const dir = prepareFixture('basic', 'standard');
    const out = path.join(dir, 'deep/er/models.gen.ts');
    expect(cli('generate', '-p', path.join(dir, 'tsconfig.json'), '--out', path.relative(process.cwd(), out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('import { Address } from "../../address";');
  });

  it('writes into rootDir by default when the tsconfig sets one', () => {
    const dir = prepareFixture('basic', 'standard', { rootDir: '.' });
    expect(new Generator({ project: path.join(dir, 'tsconfig.json') }).outFile).toBe(path.join(dir, 'tydantic.gen.ts'));
    const nested = prepareFixture('basic', 'standard', { rootDir: 'src' });
    expect(new Generator({ project: path.join(nested, 'tsconfig.json') }).outFile).toBe(path.join(nested, 'src/tydantic.gen.ts'));
  });

  it('is deterministic: two fresh runs give the same bytes', () => {
    const dir = prepareFixture('basic', 'legacy');
    const first = new Generator({ project: path.join(dir, 'tsconfig.json') }).run().code;
    const second = new Generator({ project: path.join(dir, 'tsconfig.json') }).run().code;
    expect(second).toBe(first);
    const standard = new Generator({ project: path.join(prepareFixture('basic', 'standard'), 'tsconfig.json') }).run();
    expect(standard.code).toBe(first);
  });

  it('keeps the committed example output up to date', () => {
    expect(cli('generate', '-p', path.join(repo, 'examples/tsconfig.json'), '--check').code).toBe(0);
  });

  it('regenerates in watch mode after a file changes', async () => {
    const dir = prepareFixture('basic', 'standard');
    const generator = new Generator({ project: path.join(dir, 'tsconfig.json'), incremental: true });
    writeFileSync(generator.outFile, generator.run().code);
    let watcher: { close(): void } | undefined;
    await new Promise<void>((resolve) => {
      const log = (s: string): void => {
        if (s.startsWith('wrote')) resolve();
      };
      watcher = watchProject(generator, 'tydantic.gen.ts', printer(log));
      const file = path.join(dir, 'address.ts');
      writeFileSync(file, readFileSync(file, 'utf8').replace('street!: string;', 'street!: string;\n  city?: string;'));
    });
    watcher?.close();
    expect(readFileSync(generator.outFile, 'utf8')).toContain('const v2 = v.city;');
    expect(generator.extractor.lastRun).toEqual({ full: false, extracted: ['Address', 'Profile'] });
  });

  it('in watch mode, rewrites the module only when it changed, and again when it was deleted', async () => {
    const dir = prepareFixture('basic', 'standard');
    const generator = new Generator({ project: path.join(dir, 'tsconfig.json'), incremental: true });
    writeFileSync(generator.outFile, generator.run().code);
    const file = path.join(dir, 'address.ts');
    const lines: string[] = [];
    let next: ((line: string) => void) | undefined;
    const log = (line: string): void => {
      if (/^(wrote|unchanged)/.test(line)) next?.(line);
    };
    const edit = (text: string): Promise<string> =>
      new Promise((resolve) => {
        next = resolve;
        writeFileSync(file, text);
      });
    const watcher = watchProject(generator, 'tydantic.gen.ts', printer(log));
    try {
      const source = readFileSync(file, 'utf8');
      lines.push(await edit(source.replace('street!: string;', 'street!: string;\n  city?: string;')));
      lines.push(await edit(source.replace('street!: string;', 'street!: string; // a comment\n  city?: string;')));
      rmSync(generator.outFile);
      lines.push(await edit(source.replace('street!: string;', 'street!: string; // another\n  city?: string;')));
    } finally {
      watcher.close();
    }
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['wrote', 'unchanged', 'wrote']);
    expect(readFileSync(generator.outFile, 'utf8')).toBe(new Generator({ project: path.join(dir, 'tsconfig.json') }).run().code);
  });
});
