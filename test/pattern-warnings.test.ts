/**
 * User patterns that V8's backtracking engine can take more than linear time on are compile-time warnings
 * (codegen/extract/warnings.ts, redos.ts): located at the field, with the part at fault and a hint; the module
 * is still written. Template literal types, matched in linear time, never warn.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main } from '../codegen/cli';
import { formatWarning } from '../codegen/diagnostics';
import { Generator } from '../codegen/generate';
import { repo, writeTsconfig } from './helpers/compile';

const dir = path.join(repo, 'test/.tmp', `pattern-warnings-${process.pid}`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('warns about each pattern that backtracks, where it is declared, and still writes the module', () => {
  mkdirSync(dir, { recursive: true });
  writeTsconfig(dir);
  writeFileSync(
    path.join(dir, 'models.ts'),
    [
      "import { field, Model, model, type Pattern } from 'tydantic';",
      '',
      'export interface Contact {',
      "  phone?: string & Pattern<'^(\\\\d+)+$'>;",
      '}',
      '',
      '@model()',
      'export class Signup extends Model {',
      "  @field({ pattern: '^(a+)+$' }) name?: string;",
      "  @field({ pattern: /^\\d+\\d+$/ }) code?: string;",
      "  @field({ pattern: '^[a-z]+$' }) slug?: string;",
      '  image?: `${string}/${string}/${string}.png`;',
      '  contact?: Contact;',
      '}',
      '',
    ].join('\n'),
  );
  const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
  expect(result.diagnostics).toEqual([]);
  expect(result.code).toContain('link(Signup');
  expect(result.warnings.map(formatWarning)).toMatchInlineSnapshot(`
    [
      "models.ts:9:34 - warning: Signup.name: pattern '^(a+)+$' can take exponential time on some inputs: '(a+)+' backtracks (try 'a' repeated, then a character that fails)
      hint: remove the inner quantifier, or end each repetition with a character the inner part cannot match; or install a linear engine with setRegexEngine (docs/security.md)",
      "models.ts:10:35 - warning: Signup.code: pattern '^\\d+\\d+$' can take polynomial time on some inputs: '\\d+\\d+' backtracks (try '0' repeated, then a character that fails)
      hint: merge the adjacent quantifiers, or separate them with a required character neither can match; or install a linear engine with setRegexEngine (docs/security.md)",
      "models.ts:4:3 - warning: Signup.contact.phone: pattern '^(\\d+)+$' can take exponential time on some inputs: '(\\d+)+' backtracks (try '0' repeated, then a character that fails)
      hint: remove the inner quantifier, or end each repetition with a character the inner part cannot match; or install a linear engine with setRegexEngine (docs/security.md)",
    ]
  `);
});

it('tydantic generate prints the warnings, writes the module and exits 0', () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['generate', '-p', path.join(dir, 'tsconfig.json')], { log: (s: string) => out.push(s), error: (s: string) => err.push(s) });
  expect(code).toBe(0);
  expect(out.join('\n')).toMatch(/^(wrote|unchanged) .*tydantic\.gen\.ts \(compiled 1 model in \d+\.\d s\)$/);
  expect(err.join('\n').match(/ - warning: /g)).toHaveLength(3);
  expect(err[0]).toMatch(/^models\.ts:9:34 - warning: Signup\.name: pattern '\^\(a\+\)\+\$'/);
});
