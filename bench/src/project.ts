/**
 * Writes a synthetic tydantic project of N models for the compile-step and
 * startup measurements: ten models per file, each file importing the
 * previous one, with the everyday field kinds (constraints, defaults,
 * literal unions, nullable, arrays, a nested model from another file).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Models per file. */
export const PER_FILE = 10;

/** The class name of model `j` of file `f`. */
export const modelName = (f: number, j: number): string => `M${f}x${j}`;

/** The source of one file of the project. */
export function fileSource(f: number, extraField = ''): string {
  const lines = ["import { Model, field, model, type Email } from 'tydantic';"];
  if (f > 0) lines.push(`import { ${Array.from({ length: PER_FILE }, (_, j) => modelName(f - 1, j)).join(', ')} } from './m${f - 1}';`);
  for (let j = 0; j < PER_FILE; j++) {
    lines.push(
      '',
      `/** Model ${j} of file ${f}. */`,
      `@model(${j % 3 === 0 ? "{ extra: 'forbid' }" : ''})`,
      `export class ${modelName(f, j)} extends Model {`,
      '  id!: number;',
      '  name!: string;',
      '  @field({ minLength: 1, maxLength: 64 }) code!: string;',
      '  active: boolean = true;',
      '  tags: string[] = [];',
      '  score?: number | null;',
      "  kind!: 'a' | 'b' | 'c';",
      '  contact?: Email;',
      ...(f > 0 ? [`  parent?: ${modelName(f - 1, j)};`] : []),
      ...(j === 0 ? [extraField] : []),
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A valid input for any model of the project. */
export const SAMPLE = { id: 1, name: 'n', code: 'c', kind: 'a', tags: ['x'], score: null } as const;

/** Writes a project of `models` models (a multiple of ten) with its tsconfig; returns its tsconfig path. */
export function writeProject(dir: string, models: number, runtime: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'models'), { recursive: true });
  const files = Math.ceil(models / PER_FILE);
  for (let f = 0; f < files; f++) writeFileSync(path.join(dir, `models/m${f}.ts`), fileSource(f));
  writeFileSync(path.join(dir, 'index.ts'), Array.from({ length: files }, (_, f) => `export * from './models/m${f}';`).join('\n') + '\n');
  const compilerOptions = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    paths: { tydantic: [runtime] },
  };
  const tsconfig = path.join(dir, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, include: ['**/*.ts'] }, null, 2));
  return tsconfig;
}
