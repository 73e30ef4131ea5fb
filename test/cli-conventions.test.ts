/**
 * The CLI follows the conventions of command-line tools (issue 15, item 6): --version and help, short usage
 * errors with "did you mean", diagnostics with a code frame and colour, a summary line, --format json and
 * github, --quiet, and settings from tydantic.config.json or package.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../codegen/cli';
import { closest, colorDefault, loadConfig } from '../codegen/cli-support';
import { prepareFixture, repo } from './helpers/compile';

function cli(args: string[], color = false): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { log: (s: string) => out.push(s), error: (s: string) => err.push(s) }, { color, now: () => 0 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('version and help', () => {
  it('--version, -v and version print the compiler package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(repo, 'codegen/package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v', 'version']) expect(cli([flag])).toEqual({ code: 0, out: version, err: '' });
  });

  it('help, help <command> and --help on each command', () => {
    expect(cli(['help']).out).toMatch(/^Usage: tydantic <command> \[options\]\n\nCommands:\n {2}generate/);
    expect(cli(['help', 'generate']).out).toMatch(/^Usage: tydantic generate \[options\]/);
    expect(cli(['generate', '--help']).out).toBe(cli(['help', 'generate']).out);
    expect(cli(['schema', '-h']).out).toMatch(/^Usage: tydantic schema \(--out-dir <dir> \| --openapi <file>\) \[options\]/);
    expect(cli([])).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^Usage: tydantic <command>/) });
  });
});

describe('usage errors: short, with a hint, exit 2', () => {
  it.each([
    [['generat'], "error: unknown command 'generat' (did you mean 'generate'?)\nrun `tydantic help` for usage"],
    [['help', 'schemas'], "error: unknown command 'schemas' (did you mean 'schema'?)\nrun `tydantic help` for usage"],
    [['generate', '--projct', 'x'], "error: unknown option '--projct' (did you mean --project?)\nrun `tydantic help generate` for usage"],
    [['generate', '--chek'], "error: unknown option '--chek' (did you mean --check?)\nrun `tydantic help generate` for usage"],
    [['generate', '--zzz'], "error: unknown option '--zzz'\nrun `tydantic help generate` for usage"],
    [['generate', '-p'], "error: option '-p' needs a value\nrun `tydantic help generate` for usage"],
    [['generate', 'extra'], "error: unexpected argument 'extra'\nrun `tydantic help generate` for usage"],
    [['generate', '--format', 'jsno'], "error: unknown format 'jsno' (did you mean 'json'?); use text, json, github\nrun `tydantic help generate` for usage"],
    [['schema', '--out-dir', 'x', '--mdoe', 'serialization'], "error: unknown option '--mdoe' (did you mean --mode?)\nrun `tydantic help schema` for usage"],
    [['-p', 'x', 'generate'], "error: expected a command before '-p': tydantic generate -p x generate\nrun `tydantic help` for usage"],
  ])('%j', (args, err) => {
    expect(cli(args)).toEqual({ code: 2, out: '', err });
  });

  it('suggests only near names', () => {
    expect(closest('--projct', ['--project', '--out'])).toBe('--project');
    expect(closest('--o', ['--project', '--out'])).toBe('--out');
    expect(closest('--everything', ['--project', '--out'])).toBeUndefined();
  });
});

describe('diagnostics', () => {
  const bad = (): string => path.join(prepareFixture('bad', 'standard'), 'tsconfig.json');

  it('text: the tsc-style line, the source line with a caret under the column, the hint', () => {
    const { code, err } = cli(['generate', '-p', bad()]);
    expect(code).toBe(1);
    expect(err.split('\n').slice(0, 5)).toEqual([
      "models.ts:9:14 - error: Bad.callback: '() => void' is a function type, which input data cannot hold",
      '',
      '9   callback!: () => void;',
      '               ~',
      '',
    ]);
    expect(err.split('\n')[5]).toMatch(/^ {2}hint: /);
  });

  it('colour when asked: red severity, cyan file; none otherwise', () => {
    const coloured = cli(['generate', '-p', bad()], true).err;
    expect(coloured.split('\n')[0]).toBe("\u001b[36mmodels.ts\u001b[0m:\u001b[33m9\u001b[0m:\u001b[33m14\u001b[0m - \u001b[31merror\u001b[0m: Bad.callback: '() => void' is a function type, which input data cannot hold");
    expect(cli(['generate', '-p', bad()]).err).not.toContain('\u001b[');
  });

  it('colour follows NO_COLOR, FORCE_COLOR and whether stderr is a terminal', () => {
    expect(colorDefault({}, true)).toBe(true);
    expect(colorDefault({}, false)).toBe(false);
    expect(colorDefault({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colorDefault({ NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(false);
    expect(colorDefault({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorDefault({ FORCE_COLOR: '0' }, true)).toBe(false);
  });

  it('--format json: one document on stdout with every diagnostic located', () => {
    const project = bad();
    const { code, out, err } = cli(['generate', '-p', project, '--format', 'json']);
    expect({ code, err }).toEqual({ code: 1, err: '' });
    const doc = JSON.parse(out) as { command: string; status: string; errors: Record<string, unknown>[]; warnings: unknown[] };
    expect(doc).toMatchObject({ command: 'generate', status: 'failed', warnings: [] });
    expect(doc.errors[0]).toEqual({
      severity: 'error',
      file: path.relative(process.cwd(), path.join(path.dirname(project), 'models.ts')),
      line: 9,
      column: 14,
      message: "Bad.callback: '() => void' is a function type, which input data cannot hold",
      hint: expect.any(String),
    });
  });

  it('--format github: workflow annotations on stdout, newlines escaped', () => {
    const project = bad();
    const { code, out } = cli(['generate', '-p', project, '--format', 'github']);
    expect(code).toBe(1);
    const file = path.relative(process.cwd(), path.join(path.dirname(project), 'models.ts'));
    expect(out.split('\n')[0]).toMatch(new RegExp(`^::error file=${file.replace(/[.]/g, '\\.')},line=9,col=14,title=tydantic::Bad\\.callback: '\\(\\) => void' is a function type, which input data cannot hold%0Ahint: `));
  });
});

describe('summary and --quiet', () => {
  it('a summary line on success; --quiet prints nothing; json tells the status', () => {
    const project = path.join(prepareFixture('basic', 'standard'), 'tsconfig.json');
    const shown = path.relative(process.cwd(), path.join(path.dirname(project), 'tydantic.gen.ts'));
    expect(cli(['generate', '-p', project]).out).toBe(`wrote ${shown} (compiled 52 models in 0.0 s)`);
    expect(cli(['generate', '-p', project, '-q'])).toEqual({ code: 0, out: '', err: '' });
    expect(JSON.parse(cli(['generate', '-p', project, '--check', '--format', 'json']).out)).toEqual({
      command: 'generate',
      out: shown,
      status: 'up-to-date',
      models: 52,
      seconds: 0,
      errors: [],
      warnings: [],
    });
  });

  it('counts validator<T>()s apart from models, in the line and in json', () => {
    const project = path.join(prepareFixture('validators', 'standard'), 'tsconfig.json');
    const shown = path.relative(process.cwd(), path.join(path.dirname(project), 'tydantic.gen.ts'));
    expect(cli(['generate', '-p', project]).out).toBe(`wrote ${shown} (compiled 2 models and 6 validators in 0.0 s)`);
    expect(JSON.parse(cli(['generate', '-p', project, '--check', '--format', 'json']).out)).toMatchObject({ status: 'up-to-date', models: 2, validators: 6 });
  });
});

describe('config file', () => {
  const folder = (): string => {
    const dir = path.join(prepareFixture('basic', 'standard'), 'cfg');
    mkdirSync(dir);
    return dir;
  };

  it('tydantic.config.json gives project, out and schema settings, paths from its folder', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'tydantic.config.json'), JSON.stringify({ project: '../tsconfig.json', out: 'gen/models.gen.ts', schema: { outDir: 'schemas', target: 'openapi-3.1' } }));
    expect(loadConfig(dir)).toEqual({
      from: path.join(dir, 'tydantic.config.json'),
      project: path.resolve(dir, '../tsconfig.json'),
      out: path.join(dir, 'gen/models.gen.ts'),
      schema: { outDir: path.join(dir, 'schemas'), target: 'openapi-3.1' },
    });
  });

  it('or the "tydantic" key of package.json; nothing without either', () => {
    const dir = folder();
    expect(loadConfig(dir)).toEqual({});
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', tydantic: { project: 'tsconfig.app.json' } }));
    expect(loadConfig(dir)).toEqual({ from: path.join(dir, 'package.json'), project: path.join(dir, 'tsconfig.app.json') });
  });

  it('an unknown key or a wrong type is a usage error naming the file', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'tydantic.config.json'), JSON.stringify({ projet: 'x' }));
    expect(() => loadConfig(dir)).toThrow("tydantic.config.json: unknown key 'projet' (did you mean 'project'?)");
    writeFileSync(path.join(dir, 'tydantic.config.json'), JSON.stringify({ schema: { outdir: 'x' } }));
    expect(() => loadConfig(dir)).toThrow("tydantic.config.json: unknown key 'schema.outdir' (did you mean 'outDir'?)");
    writeFileSync(path.join(dir, 'tydantic.config.json'), JSON.stringify({ out: 3 }));
    expect(() => loadConfig(dir)).toThrow("tydantic.config.json: 'out' should be a string");
  });
});
