/**
 * Checks of model code no peer makes (issue 18, item 5): constraints that leave no value are diagnostics,
 * `@example` and `@default` values are checked against the field's type, and a union member that smart mode
 * never chooses is a warning.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Generator } from '../codegen/generate';
import { formatDiagnostic, formatWarning } from '../codegen/diagnostics';
import { prepareFixture } from './helpers/compile';

const HINT = '  hint: fix one of the bounds (a @field() option or a refinement type)';

describe('compile-time checks', () => {
  it('refuses constraints that leave no value, and documented values parse would refuse', () => {
    const dir = prepareFixture('checks', 'standard');
    const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(result.code).toBe('');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `models.ts:6:28 - error: Impossible.a: the constraints gt: 5 and lt: 3 leave no value: the lower bound is not below the upper one\n${HINT}`,
      `models.ts:7:42 - error: Impossible.b: the constraints minLength: 5 and maxLength: 2 leave no value: minLength is above maxLength\n${HINT}`,
      `models.ts:8:40 - error: Impossible.c: the constraints minItems: 3 and maxItems: 1 leave no value: minItems is above maxItems\n${HINT}`,
      `models.ts:9:39 - error: Impossible.d: the constraints gt: 1 and lt: 2 leave no value: no integer lies between them\n${HINT}`,
      `models.ts:10:7 - error: Impossible.e: the constraints gt: 3 and lt: 3 leave no value: the lower bound is not below the upper one\n${HINT}`,
      `models.ts:11:25 - error: Impossible.f: the constraints gt: 4 and lt: 4.5 leave no value: no integer lies between them\n${HINT}`,
      'models.ts:12:7 - error: Impossible.email: the @example "not-an-email" does not fit the field\'s type: it is not a valid email\n  hint: the JSON Schema shows it as a valid value: fix the @example or the type',
      "models.ts:15:6 - error: Impossible.g: the @default 0 does not fit the field's type: it is not greater than 0\n  hint: the JSON Schema shows it as a valid value: fix the @default or the type",
      'models.ts:18:7 - error: Impossible.tags: the @example ["a",1] does not fit the field\'s type: at 1: it is not a string\n  hint: the JSON Schema shows it as a valid value: fix the @example or the type',
    ]);
  });

  it('takes bounds that meet at a point or hold an integer, and examples that fit; warns of unreachable union members', () => {
    const dir = prepareFixture('reachable', 'standard');
    const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    expect(result.diagnostics).toEqual([]);
    const note = '(smart mode takes the first member a value fits)';
    expect(result.warnings.map(formatWarning)).toEqual([
      `models.ts:20:3 - warning: Unreachable.a: the union member 'Email' is never chosen: 'string' comes before it and accepts all its values ${note}\n  hint: write 'Email' before 'string', or remove it`,
      `models.ts:21:3 - warning: Unreachable.b: the union member 'Int' is never chosen: 'number' comes before it and accepts all its values ${note}\n  hint: write 'Int' before 'number', or remove it`,
    ]);
  });
});
