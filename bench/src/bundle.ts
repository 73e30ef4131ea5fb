/**
 * The bundle of a minimal app, tydantic beside zod/mini: the same two models (an address and a user with a
 * bounded name, an email, an optional integer, defaulted tags and role, an optional nested address and a
 * date given as text), one valid and one invalid input parsed and printed, bundled by esbuild (minified ESM,
 * es2022, so standard decorators are lowered as a user's build lowers them) and gzipped at level 9.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BENCH, ROOT } from './report';

/** One app's bundle. */
export interface AppBundle {
  readonly name: string;
  /** What the app holds. */
  readonly setup: string;
  readonly minBytes: number;
  readonly gzipBytes: number;
}

const INPUTS = [
  "{ name: 'Ada', email: 'ada@example.org', age: 36, address: { street: '1 Main St', zip: '12345' }, createdAt: '2024-05-01T12:00:00Z' }",
  "{ name: '', email: 'nope', age: 2.5, tags: ['a', 1], role: 'root', address: { zip: '1' }, createdAt: 'yesterday' }",
];

const MODELS = `import { Model, field, model, type Email, type Int } from 'tydantic';

@model()
export class Address extends Model {
  street!: string;
  @field({ pattern: '^[0-9]{5}$' }) zip!: string;
}

@model()
export class User extends Model {
  @field({ minLength: 1, maxLength: 64 }) name!: string;
  email!: Email;
  age?: Int;
  tags: string[] = [];
  role: 'admin' | 'member' = 'member';
  address?: Address;
  createdAt!: Date;
}
`;

const TYDANTIC_MAIN = `import './tydantic.gen';
import { User } from './models';

console.log(User.parse(${INPUTS[0]}));
const bad = User.safeParse(${INPUTS[1]});
if (!bad.success) console.log(bad.error.message);
`;

/** zod/mini's schema of the same models; `locale` adds zod's English messages (its default words every issue "Invalid input"). */
const zodMain = (locale: boolean): string => `import * as z from 'zod/mini';
${locale ? "import en from 'zod/v4/locales/en.js';\n\nz.config(en());" : ''}
const Address = z.object({ street: z.string(), zip: z.string().check(z.regex(/^[0-9]{5}$/)) });
const User = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(64)),
  email: z.email(),
  age: z.optional(z.int()),
  tags: z._default(z.array(z.string()), []),
  role: z._default(z.enum(['admin', 'member']), 'member'),
  address: z.optional(Address),
  createdAt: z.coerce.date(),
});

console.log(User.parse(${INPUTS[0]}));
const bad = User.safeParse(${INPUTS[1]});
if (!bad.success) console.log(${locale ? 'z.prettifyError(bad.error)' : 'bad.error.issues'});
`;

async function size(entry: string, alias: Record<string, string>): Promise<{ minBytes: number; gzipBytes: number }> {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'neutral', target: 'es2022', write: false, alias, mainFields: ['module', 'main'], logLevel: 'error' });
  const code = result.outputFiles[0]!.text;
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** Writes, compiles and bundles the app in tydantic and in zod/mini (without and with zod's English messages). */
export async function measureBundles(): Promise<AppBundle[]> {
  const dir = path.join(BENCH, '.out/bundle');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'models.ts'), MODELS);
  writeFileSync(path.join(dir, 'main.ts'), TYDANTIC_MAIN);
  const compilerOptions = { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, noEmit: true, types: [], paths: { tydantic: [path.join(ROOT, 'src/index.ts')], 'tydantic/internal': [path.join(ROOT, 'src/internal.ts')] } };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['models.ts'] }));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'codegen/dist/cli.js'), 'generate', '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tydantic generate failed:\n${r.stdout}${r.stderr}`);
  writeFileSync(path.join(dir, 'zod.ts'), zodMain(false));
  writeFileSync(path.join(dir, 'zod-en.ts'), zodMain(true));
  return [
    { name: 'tydantic', setup: 'the models, their generated module and the runtime they import; prints the instance and `error.message`', ...(await size(path.join(dir, 'main.ts'), { tydantic: path.join(ROOT, 'src/dist/index.js'), 'tydantic/internal': path.join(ROOT, 'src/dist/internal.js') })) },
    { name: 'zod/mini', setup: 'zod/mini as its docs show it, messages "Invalid input"; prints the data and the issues', ...(await size(path.join(dir, 'zod.ts'), {})) },
    { name: 'zod/mini, English messages', setup: "with zod's English locale (messages like tydantic's) and `z.prettifyError`", ...(await size(path.join(dir, 'zod-en.ts'), {})) },
  ];
}
