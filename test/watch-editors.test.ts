/**
 * `tydantic generate --watch` survives what real editors and git do (issue 15, item 3): a save by rename,
 * a deleted file, a new file in a new folder, a branch switch that changes many files and folders at once,
 * and a changed tsconfig.json. After each, the module on disk is exactly what a fresh run writes.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchProject } from '../codegen/cli';
import { Printer } from '../codegen/cli-support';
import { Generator } from '../codegen/generate';
import { prepareFixture } from './helpers/compile';

const model = (name: string, field = 'x'): string => `import { Model, model } from 'tydantic';\n\n@model()\nexport class ${name} extends Model {\n  ${field}!: string;\n}\n`;

let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** A watched copy of the basic fixture; `step(action)` runs the action and resolves with the next line watch prints. */
function watched() {
  const dir = prepareFixture('basic', 'standard');
  const project = path.join(dir, 'tsconfig.json');
  const generator = new Generator({ project, incremental: true });
  writeFileSync(generator.outFile, generator.run().code);
  let next: ((line: string) => void) | undefined;
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
    if (/^(wrote|unchanged) |error/.test(line)) next?.(line);
  };
  const watcher = watchProject(generator, 'tydantic.gen.ts', new Printer({ log, error: log }, 'text', false, { color: false }));
  stop = () => watcher.close();
  return {
    dir,
    lines,
    step: (action: () => void): Promise<string> =>
      new Promise((resolve) => {
        next = resolve;
        action();
      }),
    /** The module on disk is what a fresh compile step writes for the files as they are now. */
    fresh: (): void => {
      const result = new Generator({ project }).run();
      expect(readFileSync(generator.outFile, 'utf8')).toBe(result.code);
    },
    models: (): string[] => [...readFileSync(generator.outFile, 'utf8').matchAll(/^link\((\w+),/gm)].map((m) => m[1]!).sort(),
  };
}

describe('watch mode and real editors', () => {
  it('a save by rename (write a temporary file, rename it over the original)', async () => {
    const w = watched();
    const file = path.join(w.dir, 'address.ts');
    const line = await w.step(() => {
      writeFileSync(`${file}.tmp~`, readFileSync(file, 'utf8').replace('street!: string;', 'street!: string;\n  city?: string;'));
      renameSync(`${file}.tmp~`, file);
    });
    expect(line).toMatch(/^wrote tydantic\.gen\.ts/);
    expect(readFileSync(path.join(w.dir, 'tydantic.gen.ts'), 'utf8')).toContain('v.city');
    w.fresh();
    // A second rename-save of the same file is seen too (the watcher still follows the new inode).
    await w.step(() => {
      writeFileSync(`${file}.tmp~`, readFileSync(file, 'utf8').replace('city?: string;', 'city?: string;\n  region?: string;'));
      renameSync(`${file}.tmp~`, file);
    });
    expect(readFileSync(path.join(w.dir, 'tydantic.gen.ts'), 'utf8')).toContain('v.region');
    w.fresh();
  });

  it('a new file in a new folder, then its deletion', async () => {
    const w = watched();
    const before = w.models();
    await w.step(() => {
      mkdirSync(path.join(w.dir, 'extra/deeper'), { recursive: true });
      writeFileSync(path.join(w.dir, 'extra/deeper/fresh.ts'), model('Fresh'));
    });
    expect(w.models()).toEqual([...before, 'Fresh'].sort());
    w.fresh();
    await w.step(() => rmSync(path.join(w.dir, 'extra'), { recursive: true }));
    expect(w.models()).toEqual(before);
    w.fresh();
  });

  it('a branch switch: files and folders replaced, deleted and added at once give one module of the final state', async () => {
    const w = watched();
    await w.step(() => {
      mkdirSync(path.join(w.dir, 'feature'));
      writeFileSync(path.join(w.dir, 'feature/a.ts'), model('FeatureA'));
      writeFileSync(path.join(w.dir, 'feature/b.ts'), model('FeatureB'));
    });
    const switched = await w.step(() => {
      // As git does it: the folder goes, another comes, a file is replaced through a rename.
      rmSync(path.join(w.dir, 'feature'), { recursive: true });
      mkdirSync(path.join(w.dir, 'other/nested'), { recursive: true });
      writeFileSync(path.join(w.dir, 'other/nested/c.ts'), model('OtherC', 'y'));
      writeFileSync(path.join(w.dir, 'other/d.ts.orig'), model('OtherD'));
      renameSync(path.join(w.dir, 'other/d.ts.orig'), path.join(w.dir, 'other/d.ts'));
    });
    expect(switched).toMatch(/^wrote /);
    expect(w.models()).toContain('OtherC');
    expect(w.models()).toContain('OtherD');
    expect(w.models()).not.toContain('FeatureA');
    w.fresh();
  });

  it('a deleted module is written again; a changed tsconfig.json reloads the project', async () => {
    const w = watched();
    await w.step(() => rmSync(path.join(w.dir, 'tydantic.gen.ts')));
    w.fresh();
    const tsconfig = path.join(w.dir, 'tsconfig.json');
    const config = JSON.parse(readFileSync(tsconfig, 'utf8')) as Record<string, unknown>;
    await w.step(() => writeFileSync(path.join(w.dir, 'lonely.ts'), model('Lonely')));
    expect(w.models()).toContain('Lonely');
    await w.step(() => writeFileSync(tsconfig, JSON.stringify({ ...config, include: ['lonely.ts'] }, null, 2)));
    expect(w.models()).toEqual(['Lonely']);
    w.fresh();
  });
});
