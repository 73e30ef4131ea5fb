/**
 * The startup measurement's peer projects: the same models as project.ts's
 * tydantic classes (ten per file, each file importing the previous one,
 * the same fields and constraints), written as typia interfaces with
 * createIs and createValidate, and as zod 4 schemas.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { modelName, PER_FILE } from './project';

const previous = (f: number): string => Array.from({ length: PER_FILE }, (_, j) => modelName(f - 1, j)).join(', ');

/**
 * One file of typia interfaces. typia has no defaults, so `active` and `tags` are required; and
 * createIs/createValidate ignore undeclared keys, so tydantic's `extra: 'forbid'` models are not
 * reproduced (that would take createEquals/createValidateEquals).
 */
export function typiaFileSource(f: number): string {
  const lines = ["import typia, { type tags } from 'typia';"];
  if (f > 0) lines.push(`import type { ${previous(f)} } from './m${f - 1}';`);
  for (let j = 0; j < PER_FILE; j++) {
    const name = modelName(f, j);
    lines.push(
      '',
      `/** Model ${j} of file ${f}. */`,
      `export interface ${name} {`,
      '  id: number;',
      '  name: string;',
      '  code: string & tags.MinLength<1> & tags.MaxLength<64>;',
      '  active: boolean;',
      '  tags: string[];',
      '  score?: number | null;',
      "  kind: 'a' | 'b' | 'c';",
      "  contact?: string & tags.Format<'email'>;",
      ...(f > 0 ? [`  parent?: ${modelName(f - 1, j)};`] : []),
      '}',
      `export const is${name} = typia.createIs<${name}>();`,
      `export const validate${name} = typia.createValidate<${name}>();`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One file of zod 4 schemas: `z.strictObject` where tydantic's model forbids extra keys, defaults by `.default`. */
export function zodFileSource(f: number): string {
  const lines = ["import { z } from 'zod';"];
  if (f > 0) lines.push(`import { ${previous(f)} } from './m${f - 1}';`);
  for (let j = 0; j < PER_FILE; j++) {
    lines.push(
      '',
      `/** Model ${j} of file ${f}. */`,
      `export const ${modelName(f, j)} = z.${j % 3 === 0 ? 'strictObject' : 'object'}({`,
      '  id: z.number(),',
      '  name: z.string(),',
      '  code: z.string().min(1).max(64),',
      '  active: z.boolean().default(true),',
      // A function default, as tydantic gives each instance a new array.
      '  tags: z.array(z.string()).default(() => []),',
      '  score: z.number().nullable().optional(),',
      "  kind: z.enum(['a', 'b', 'c']),",
      '  contact: z.email().optional(),',
      ...(f > 0 ? [`  parent: ${modelName(f - 1, j)}.optional(),`] : []),
      '});',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `models` models (a multiple of ten) as m0.ts … and an index.ts into `dir`, emptied first,
 * with `source` writing each file; returns the path of the index.
 */
export function writeFiles(dir: string, models: number, source: (f: number) => string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = Math.ceil(models / PER_FILE);
  for (let f = 0; f < files; f++) writeFileSync(path.join(dir, `m${f}.ts`), source(f));
  const index = path.join(dir, 'index.ts');
  writeFileSync(index, Array.from({ length: files }, (_, f) => `export * from './m${f}';`).join('\n') + '\n');
  return index;
}

/** Writes the tsconfig `typia generate` reads for a project whose sources are in `input`; returns its path. */
export function writeTypiaConfig(dir: string, input: string): string {
  const compilerOptions = { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, noEmit: true, types: [] };
  const tsconfig = path.join(dir, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, include: [`${path.relative(dir, input)}/**/*.ts`] }, null, 2));
  return tsconfig;
}
