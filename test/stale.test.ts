/**
 * A generated module older than its models fails loudly where it links them (issue 15, item 2): a field
 * added, removed or renamed after `tydantic generate` is named in the error, in both decorator modes; an
 * up-to-date model links silently, whatever its fields look like to `new`, and a model's constructor never runs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Generator } from '../codegen/generate';
import { type DecoratorMode, prepareFixture, repo, writeTsconfig } from './helpers/compile';

/** Generates the module of the project in `dir`, applies `edit` to `file` afterwards, then bundles and loads them together. */
async function loadAfter(dir: string, file: string, edit: (source: string) => string): Promise<Record<string, any>> {
  const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
  expect(result.diagnostics).toEqual([]);
  writeFileSync(result.outFile, result.code);
  const at = path.join(dir, file);
  writeFileSync(at, edit(readFileSync(at, 'utf8')));
  const gen = `./${path.relative(dir, result.outFile).split(path.sep).join('/').replace(/\.ts$/, '')}`;
  writeFileSync(path.join(dir, 'entry.ts'), `import '${gen}';\nexport * from './${file.replace(/\.ts$/, '')}';\n`);
  const outfile = path.join(dir, 'stale.mjs');
  await build({
    entryPoints: [path.join(dir, 'entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    alias: { tydantic: path.join(repo, 'src/index.ts'), 'tydantic/internal': path.join(repo, 'src/internal.ts'), 'tydantic/settings': path.join(repo, 'src/settings.ts') },
    logLevel: 'error',
  });
  return (await import(/* @vite-ignore */ pathToFileURL(outfile).href)) as Record<string, any>;
}

/** The examples, with models/address.ts edited after generation. */
const examplesAfter = (mode: DecoratorMode, edit: (source: string) => string) => loadAfter(prepareFixture('examples', mode), 'models/address.ts', edit);

/** A project of one file, `models.ts`, in the decorator mode with extra compiler options. */
function project(mode: DecoratorMode, source: string, options: Record<string, unknown> = {}): string {
  // Outside test/.tmp, which a test run started meanwhile clears.
  const dir = mkdtempSync(path.join(tmpdir(), `tydantic-stale-${mode}-`));
  writeTsconfig(dir, mode, options);
  writeFileSync(path.join(dir, 'models.ts'), `import { Model, model } from 'tydantic';\n${source}`);
  return dir;
}

const FIX = 'Run `npx tydantic generate`';

describe.each(['standard', 'legacy'] as const)('a stale module, %s decorators', (mode) => {
  it('links an unchanged model silently', async () => {
    const { Address } = await examplesAfter(mode, (s) => s);
    expect(Address.parse({ street: 's', city: 'c', zip: '12345' }).country).toBe('US');
  });

  it('names a field added after generation', async () => {
    await expect(examplesAfter(mode, (s) => s.replace("country: 'US' | 'CA' = 'US';", "country: 'US' | 'CA' = 'US';\n  floor = 0;\n  note?: string;"))).rejects.toHaveProperty(
      'message',
      `Address changed after its validator was generated: 'floor', 'note' are not in the generated module. ${FIX}`,
    );
  });

  it('names a field removed after generation', async () => {
    await expect(examplesAfter(mode, (s) => s.replace('  city!: string;\n', ''))).rejects.toHaveProperty(
      'message',
      `Address changed after its validator was generated: 'city' is no longer declared. ${FIX}`,
    );
  });

  it('names both sides of a renamed field', async () => {
    await expect(examplesAfter(mode, (s) => s.replace('city!: string;', 'town!: string;'))).rejects.toHaveProperty(
      'message',
      `Address changed after its validator was generated: 'town' is not in the generated module; 'city' is no longer declared. ${FIX}`,
    );
  });

  it('links silently a declare field, which no instance owns', async () => {
    const dir = project(mode, '@model()\nexport class Tag extends Model {\n  declare label: string;\n  weight!: number;\n}\n');
    const { Tag } = await loadAfter(dir, 'models.ts', (s) => s);
    expect(Tag.parse({ label: 'a', weight: 1 })).toEqual(Object.assign(Object.create(Tag.prototype), { label: 'a', weight: 1 }));
  });

  it('never runs a model constructor, so a change behind one goes unseen', async () => {
    const source = '@model()\nexport class Tag extends Model {\n  label!: string;\n  constructor() {\n    super();\n    (globalThis as any).tagsMade = ((globalThis as any).tagsMade ?? 0) + 1;\n  }\n}\n';
    const { Tag } = await loadAfter(project(mode, source), 'models.ts', (s) => s.replace('label!: string;', 'label!: string;\n  extra?: string;'));
    expect(Tag.parse({ label: 'a' }).label).toBe('a');
    expect((globalThis as { tagsMade?: number }).tagsMade).toBeUndefined();
  });
});

describe('without useDefineForClassFields (fields are assigned, not defined)', () => {
  const source = '@model()\nexport class Tag extends Model {\n  label!: string;\n  note?: string = undefined;\n  weight = 1;\n}\n';

  it('links silently a field initialised to undefined, which every instance owns', async () => {
    const { Tag } = await loadAfter(project('legacy', source, { useDefineForClassFields: false }), 'models.ts', (s) => s);
    // Assigned fields: a field without an initializer is no own key, one initialised to undefined is.
    expect(Object.keys(new Tag())).toEqual(['note', 'weight']);
    expect(Tag.parse({ label: 'a' }).weight).toBe(1);
  });

  it('names an added field with an initializer', async () => {
    const dir = project('legacy', source, { useDefineForClassFields: false });
    await expect(loadAfter(dir, 'models.ts', (s) => s.replace('weight = 1;', 'weight = 1;\n  size = 2;'))).rejects.toHaveProperty(
      'message',
      `Tag changed after its validator was generated: 'size' is not in the generated module. ${FIX}`,
    );
  });

  it('does not see a removed field without one: only initialised fields are own keys', async () => {
    const dir = project('legacy', source, { useDefineForClassFields: false });
    const { Tag } = await loadAfter(dir, 'models.ts', (s) => s.replace('  label!: string;\n', ''));
    expect(Tag.parse({ label: 'a' }).label).toBe('a');
  });
});

describe('the generated link', () => {
  it('tells link which fields a new instance owns otherwise than their defaults say, and which models have a constructor', () => {
    const dir = project(
      'standard',
      '@model()\nexport class Tag extends Model {\n  declare label: string;\n  note?: string = undefined;\n}\n' +
        '@model()\nexport class Made extends Model {\n  n = 1;\n  constructor() {\n    super();\n  }\n}\n',
    );
    const { code } = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
    const links = code.split('\n').filter((line) => line.startsWith('link('));
    expect(links).toEqual([
      'link(Tag, { name: "Tag", is: is_Tag, parse: parse_Tag, build: build_Tag, dump: dump_Tag, ...instances(Tag_proto, fields_1, [], 0), schema: () => schemaOf("Tag"), neverOwn: ["label"], alwaysOwn: ["note"] });',
      'link(Made, { name: "Made", is: is_Made, parse: parse_Made, build: build_Made, dump: dump_Made, ...instances(Made_proto, fields_3, [["n", 1]], 0), schema: () => schemaOf("Made"), hasConstructor: true });',
    ]);
  });
});
