import { describe, expect, it } from 'vitest';
import { lowerDecorators } from './lower-decorators';

const MODEL = `import { Model, model, field } from 'tydantic';
import type { Int } from 'tydantic';

@model()
export class User extends Model {
  @field({ minLength: 1 }) name!: string;
  age?: Int;
}
`;

/** Runs lowered ES module code whose only import is `tydantic`, with `decorators` standing in for it. */
function evaluate(code: string, tydantic: Record<string, unknown>): Record<string, new () => object> {
  const body = code.replace(/^import .*$/gm, '').replace(/^export class (\w+)/gm, 'class $1').replace(/^export \{[^}]*\};?$/gm, '');
  const names = Object.keys(tydantic);
  return new Function(...names, `${body}\nreturn { User };`)(...names.map((n) => tydantic[n])) as Record<string, new () => object>;
}

describe('lowerDecorators', () => {
  it('lowers TC39 decorators to calls that Node 20 runs, and strips the types', () => {
    const seen: string[] = [];
    const lowered = lowerDecorators(MODEL, '/p/user.ts');
    expect(lowered).toBeDefined();
    expect(lowered!.code).toContain('__esDecorate');
    expect(lowered!.code).not.toMatch(/^\s*@/m);
    expect(lowered!.code).not.toContain('!: string');
    expect(JSON.parse(lowered!.map).sources).toEqual(['user.ts']);
    class Model {}
    const model = () => (_: unknown, ctx: ClassDecoratorContext) => void seen.push(`class ${String(ctx.name)}`);
    const field = () => (_: unknown, ctx: ClassFieldDecoratorContext) => void seen.push(`field ${String(ctx.name)}`);
    const User = evaluate(lowered!.code, { Model, model, field })["User"]!;
    expect(seen).toEqual(['field name', 'class User']);
    expect(Object.keys(new User())).toEqual(['name', 'age']);
  });

  it('keeps the legacy semantics under experimentalDecorators', () => {
    const lowered = lowerDecorators(MODEL, '/p/user.ts', { experimentalDecorators: true });
    expect(lowered!.code).toContain('__decorate(');
    expect(lowered!.code).not.toContain('__esDecorate');
  });

  it('leaves files without decorators to the bundler', () => {
    expect(lowerDecorators("export const at = '@model()'; // @field\n", '/p/x.ts')).toBeUndefined();
    expect(lowerDecorators('export const x: number = 1;\n', '/p/x.ts')).toBeUndefined();
  });
});
