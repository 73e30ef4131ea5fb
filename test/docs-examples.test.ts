/**
 * Docs that cannot drift (issue 15, item 8): every code block of README.md and docs/ that shows output is
 * run, and what it really prints is compared with what the block shows.
 *
 * How a doc's blocks are read (test/helpers/doc-blocks.ts finds them):
 * - A `ts` block that declares a `@model()` is a model file: its first line may name it (`// src/models/user.ts`).
 *   All model files of one doc make one project, compiled as a user would (tydantic generate, then esbuild
 *   for Node 20), and every snippet of the doc runs in one bundle.
 * - A `ts` block followed by a `text`/`console` block is a snippet and its console output (`console.log` and
 *   `console.dir`); `expr; // → shown` in any snippet, or a statement followed by comment lines, compares what
 *   they show with the value of `expr` on one line (`util.inspect` with `compact: true`, no depth or line limit), with
 *   `String(error)` when it throws, or with what `console.log(...)` prints.
 *   A page's snippets run in one scope, in order (a later one uses an earlier one's consts); a `ts` block
 *   without output of its own runs where it stands when a later snippet uses a name it declares.
 * - A `text` block of calls (`Sample.safeParse({ ... })`) shows for each call its issues (`util.inspect` with a
 *   `breakLength` of 120), then the lines of `error.message` after the title (or the whole `error.message` when the block
 *   shows the title).
 * - A `text`/`console` block of `$ npx tydantic ...` lines shows each command's output; the command runs in the
 *   doc's project (or, after `<!-- check: alone -->` on the model block before it, in a project of that file
 *   alone). Times (`in 0.9 s`) are the only text not compared.
 * - `<!-- check: skip: <reason> -->` marks a block that shows output but cannot be run here, with the reason.
 * Any other block that shows output fails the test, so a new doc's examples are checked or explicitly excused.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, inspect } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { main } from '../codegen/cli';
import { Generator } from '../codegen/generate';
import { RESULT_COMMENT, docFiles, readBlocks, showsOutput, type DocBlock } from './helpers/doc-blocks';
import { repo, writeTsconfig } from './helpers/compile';

const CALL = /^([A-Z]\w*\.safeParse(?:JSON)?\(.*\));?(?:\s+\/\/.*)?$/;
const PROMPT = /^\$ npx tydantic (.*)$/;
const EMPTY: Run = { output: new Map(), values: new Map() };
const TIME = /\bin \d+(?:\.\d+)? m?s\b/g;

/** One comparison: what a block shows and a function that computes what the code really prints. */
interface Check {
  readonly where: string;
  readonly shown: string;
  readonly actual: (run: Run) => string;
}

/** What running a doc's bundle gives: each snippet's console output and each expression's value, by id. */
interface Run {
  readonly output: Map<number, string[]>;
  readonly values: Map<number, string>;
}

interface Plan {
  readonly models: Map<string, string>;
  readonly alone: { file: string; text: string; commands: DocBlock[] }[];
  readonly snippets: string[];
  readonly commands: DocBlock[];
  readonly checks: Check[];
  readonly unchecked: string[];
}

const isModel = (b: DocBlock): boolean => (b.lang === 'ts' || b.lang === 'typescript') && /@(?:model|settings)\(/.test(b.text);
const isCode = (b: DocBlock): boolean => b.lang === 'ts' || b.lang === 'typescript';
/** A `text`/`console` block that shows a program's output (not commands, calls or a command line's synopsis). */
const isOutput = (b: DocBlock): boolean => {
  const first = b.text.split('\n')[0]!;
  return (b.lang === 'text' || b.lang === 'console') && !PROMPT.test(first) && !CALL.test(first) && !first.startsWith('tydantic ');
};
const fileOf = (b: DocBlock): string => /^\/\/ ([\w./-]+\.ts)$/.exec(b.text.split('\n')[0]!)?.[1] ?? `doc-${b.line}.ts`;

/** Reads a doc's blocks into the project to build, the code to run and the comparisons to make. */
function plan(file: string): Plan {
  const blocks = readBlocks(repo, file);
  const p: Plan = { models: new Map(), alone: [], snippets: [], commands: [], checks: [], unchecked: [] };
  let ids = 0;
  // Code that shows no output of its own (`const invoice = Invoice.parse(...)`) runs where it stands when a
  // later snippet uses a name it declares.
  const setups: { at: number; code: string; names: string[] }[] = [];
  const handled = new Set<DocBlock>();
  for (let i = 0; i < blocks.length; i++) {
    let b = blocks[i]!;
    const where = `${file}:${b.line}`;
    const next = blocks[i + 1];
    if (b.marker?.startsWith('skip')) {
      expect(b.marker, `${where}: a skipped block says why`).toMatch(/^skip: \S.{10,}/);
      continue;
    }
    if (isModel(b)) {
      // `Model.parse(...); // → result` beside a model's declaration runs after linking, as a snippet.
      const results = b.text.split('\n').filter((l) => /^\w/.test(l) && RESULT_COMMENT.test(l));
      if (results.length > 0) {
        addSnippet(p, `__snippet(${++ids});\n${results.map((line) => resultLine(p, `${file}:${b.line + 1 + b.text.split('\n').indexOf(line)}`, line, ++ids)).join('\n')}`);
        b = { ...b, text: b.text.split('\n').filter((l) => !results.includes(l)).join('\n') };
      }
      if (showsOutput(b)) p.unchecked.push(where);
      const uses = /^uses (.+)$/.exec(b.marker ?? '')?.[1]?.split(', ') ?? [];
      for (const use of uses) p.models.set(path.basename(use), readFileSync(path.join(repo, use), 'utf8'));
      const named = /^\/\/ [\w./-]+\.ts$/.test(b.text.split('\n')[0]!);
      const text = named ? b.text : withImports(b.text, uses);
      if (b.marker === 'alone') {
        const commands: DocBlock[] = [];
        if (next !== undefined && PROMPT.test(next.text.split('\n')[0]!)) {
          commands.push(next);
          handled.add(next);
        }
        p.alone.push({ file: fileOf(b), text, commands });
      } else if (named) p.models.set(fileOf(b), text);
      else p.models.set(UNNAMED, mergeModels(p.models.get(UNNAMED), text));
      continue;
    }
    const withResults = isCode(b) ? results(p, `${file}:${b.line + 1}`, b.text, () => ++ids) : undefined;
    if (isCode(b) && withResults === undefined && !(next !== undefined && isOutput(next))) {
      setups.push({ at: p.snippets.length, code: b.text.replace(/^(?:const|let) /gm, 'var '), names: declaredNames(b.text) });
      if (showsOutput(b)) p.unchecked.push(where);
      continue;
    }
    if (isCode(b)) {
      const id = ++ids;
      addSnippet(p, `__snippet(${id});\n${withResults ?? b.text}`);
      if (next !== undefined && isOutput(next) && !next.marker?.startsWith('skip')) {
        handled.add(next);
        p.checks.push({ where: `${file}:${next.line}`, shown: next.text, actual: (run) => (run.output.get(id) ?? []).join('\n') });
      }
      continue;
    }
    if (handled.has(b)) continue;
    const first = b.text.split('\n')[0]!;
    if ((b.lang === 'text' || b.lang === 'console') && CALL.test(first)) {
      for (const group of callGroups(b)) {
        const vid = ++ids;
        addSnippet(p, `__snippet(0);\n__value(${vid}, () => { const r = ${group.call}; return r.success ? ['success'] : [r.error.issues, r.error.message]; }, 'call');`);
        p.checks.push({ where: `${file}:${b.line + group.offset}`, shown: group.shown, actual: (run) => showCall(run.values.get(vid), group.shown) });
      }
      continue;
    }
    if (PROMPT.test(first)) {
      p.commands.push(b);
      continue;
    }
    // A command line's synopsis (`tydantic generate [options]`) shows no output.
    if (b.lang === 'text' && first.startsWith('tydantic ')) continue;
    if (showsOutput(b)) p.unchecked.push(`${file}:${b.line}`);
  }
  for (const setup of [...setups].reverse()) {
    const later = p.snippets.slice(setup.at).join('\n');
    if (setup.names.some((n) => new RegExp(`\\b${n}\\b`).test(later))) p.snippets.splice(setup.at, 0, `__snippet(0);\n${setup.code}`);
  }
  return p;
}

/** The names a snippet declares at its top level. */
function declaredNames(text: string): string[] {
  return [...text.matchAll(/^(?:const|let|var|function) (\w+)/gm)].map((m) => m[1]!);
}

const UNNAMED = 'doc-models.ts';
const RUNTIME_NAMES = ['Model', 'model', 'field', 'computed', 'fieldValidator', 'modelValidator', 'validator'];
const TYPE_NAMES = ['Email', 'Url', 'HttpUrl', 'Secret', 'Uuid', 'IPv4', 'IPv6', 'DateString', 'TimeString', 'Duration', 'IPv4Network', 'IPv6Network', 'IPv4Interface', 'IPv6Interface', 'Int', 'MinLength', 'MaxLength', 'Pattern', 'Gt', 'Ge', 'Lt', 'Le', 'MultipleOf', 'MinItems', 'MaxItems'];

/**
 * A model block without a file name, with imports for what it uses: blocks that show models without their
 * imports (the ones a page shows one after the other) all go into one file, so they see each other.
 */
function withImports(text: string, uses: readonly string[]): string {
  const body = text.split('\n').filter((l) => !l.startsWith('import ')).join('\n');
  const word = (n: string): boolean => new RegExp(`\\b${n}\\b`).test(body);
  const names = [...RUNTIME_NAMES.filter(word), ...TYPE_NAMES.filter(word).map((n) => `type ${n}`)];
  const own = uses.map((use) => {
    const exported = [...readFileSync(path.join(repo, use), 'utf8').matchAll(/^export (?:class|interface|type|enum|const) (\w+)/gm)].map((m) => m[1]!).filter(word);
    return `import { ${exported.join(', ')} } from './${path.basename(use, '.ts')}';`;
  });
  return [`import { ${names.join(', ')} } from 'tydantic';`, ...own, body].join('\n');
}

/** Joins model blocks into one file, with one import line per module. */
function mergeModels(before: string | undefined, text: string): string {
  if (before === undefined) return text;
  const imports = new Map<string, Set<string>>();
  const bodies: string[] = [];
  for (const part of [before, text]) {
    for (const line of part.split('\n')) {
      const m = /^import \{ (.*) \} from '(.*)';$/.exec(line);
      if (m === null) continue;
      const set = imports.get(m[2]!) ?? new Set<string>();
      for (const n of m[1]!.split(', ')) if (n !== '') set.add(n);
      imports.set(m[2]!, set);
    }
    bodies.push(part.split('\n').filter((l) => !l.startsWith('import ')).join('\n'));
  }
  return [...[...imports].map(([from, names]) => `import { ${[...names].join(', ')} } from '${from}';`), ...bodies].join('\n');
}

/**
 * Snippets share one scope, as a reader runs them one after the other: their top-level `const` and `let`
 * become `var`, so a later snippet may use an earlier one's names and declare its own `r` again.
 */
function addSnippet(p: Plan, code: string): void {
  p.snippets.push(code.replace(/^(?:const|let) /gm, 'var '));
}

/**
 * A snippet's code with its results recorded: `expr; // → shown` on one line, or a statement followed by
 * comment lines that show its result (`// { number: 'INV-1' }`; `// ValidationError: ...` for one that throws).
 * Undefined when the snippet shows no result.
 */
function results(p: Plan, where: string, text: string, id: () => number): string | undefined {
  const lines = text.split('\n');
  const [file, first] = [where.slice(0, where.lastIndexOf(':')), Number(where.slice(where.lastIndexOf(':') + 1))];
  const out: string[] = [];
  let statement: string[] = [];
  let found = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (RESULT_COMMENT.test(line)) {
      out.push(...statement, resultLine(p, `${file}:${first + k}`, line, id()));
      statement = [];
      found = true;
      continue;
    }
    if (/;$/.test(line) && !line.startsWith('//') && /^\/\/( |$)/.test(lines[k + 1] ?? '')) {
      let end = k + 1;
      while (end < lines.length && /^\/\/( |$)/.test(lines[end]!)) end++;
      const shown = lines.slice(k + 1, end).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
      const code = [...statement, line].join('\n').replace(/;$/, '');
      const decl = /^(?:const|let|var) (\w+) = ([\s\S]*)$/.exec(code);
      const vid = id();
      p.checks.push({ where: `${file}:${first + k + 1}`, shown, actual: (run) => run.values.get(vid) ?? '(not run)' });
      const log = /^console\.log\(([\s\S]*)\)$/.exec(code);
      out.push(
        decl !== null
          ? `var ${decl[1]} = ${decl[2]};\n__value(${vid}, () => [${decl[1]}], 'value');`
          : log !== null
            ? `__value(${vid}, () => [${log[1]}], 'log');`
            : `__value(${vid}, () => [${code}], 'value');`,
      );
      statement = [];
      found = true;
      k = end - 1;
      continue;
    }
    if (line.trim() === '') {
      out.push(...statement, line);
      statement = [];
    } else statement.push(line);
  }
  out.push(...statement);
  return found ? out.join('\n') : undefined;
}

/** `expr; // → shown` as code that records the value of `expr` (or what `console.log(...)` prints), and its check. */
function resultLine(p: Plan, where: string, line: string, vid: number): string {
  const m = RESULT_COMMENT.exec(line)!;
  const expr = m[1]!.trim();
  const log = /^console\.log\((.*)\)$/.exec(expr);
  p.checks.push({ where, shown: m[2]!, actual: (run) => run.values.get(vid) ?? '(not run)' });
  return log === null ? `__value(${vid}, () => [${expr}], 'value');` : `__value(${vid}, () => [${log[1]}], 'log');`;
}

/** The calls of an errors.md-style block, each with the lines it shows. */
function callGroups(b: DocBlock): { call: string; shown: string; offset: number }[] {
  const groups: { call: string; shown: string[]; offset: number }[] = [];
  b.text.split('\n').forEach((line, k) => {
    const m = CALL.exec(line);
    if (m !== null) groups.push({ call: m[1]!, shown: [], offset: k + 1 });
    else groups[groups.length - 1]!.shown.push(line);
  });
  return groups.map((g) => ({ call: g.call, shown: g.shown.join('\n').trimEnd(), offset: g.offset }));
}

/** What a call block shows for a result: the issues as console.log prints them, then error.message. */
function showCall(value: string | undefined, shown: string): string {
  if (value === undefined) return '(not run)';
  const parsed = JSON.parse(value) as [string, string] | ['success'];
  if (parsed[0] === 'success') return 'success';
  const [issues, message] = parsed as [string, string];
  if (/^\d+ validation errors? for /.test(shown)) return message;
  return `${issues}\n${message.split('\n').slice(1).join('\n')}`;
}

/** Writes the doc's project, generates its module, bundles the snippets and runs them. */
/** A project of the given files in a fresh temporary folder, with a tsconfig that maps `tydantic` to src/. */
function writeProject(files: Iterable<[string, string]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tydantic-docs-'));
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  writeTsconfig(dir);
  return dir;
}

/** Generates the doc's module in `dir`, bundles the snippets and runs them. */
async function runDoc(dir: string, p: Plan): Promise<Run> {
  const output = new Map<number, string[]>();
  const values = new Map<number, string>();
  if (p.snippets.length === 0) return { output, values };
  const result = new Generator({ project: path.join(dir, 'tsconfig.json') }).run();
  if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  mkdirSync(path.dirname(result.outFile), { recursive: true });
  writeFileSync(result.outFile, result.code);
  const names = new Set<string>();
  // The page's own models first: a fixture file it uses may export a model of the same name.
  const files = [...p.models].sort(([a], [b]) => Number(b === UNNAMED) - Number(a === UNNAMED));
  const imports = files.map(([file, text]) => {
    const exported = [...text.matchAll(/^export (?:class|interface|type|enum|const) (\w+)/gm)].map((m) => m[1]!).filter((n) => !names.has(n));
    for (const n of exported) names.add(n);
    return exported.length === 0 ? '' : `import { ${exported.join(', ')} } from './${file.replace(/\.ts$/, '')}';`;
  });
  const runtime = new Set<string>();
  const settings = new Set<string>();
  const bodies = p.snippets.map((s) =>
    s
      .split('\n')
      .filter((line) => {
        const m = /^import (?:type )?\{ (.*) \} from 'tydantic(\/settings)?';$/.exec(line);
        if (m !== null) for (const n of m[1]!.split(', ')) if (!names.has(n)) (m[2] === undefined ? runtime : settings).add(n.replace(/^type /, ''));
        return !line.startsWith('import ');
      })
      .join('\n'),
  );
  const gen = `./${path.relative(dir, result.outFile).replace(/\.ts$/, '')}`;
  const entry = [
    `import '${gen}';`,
    ...(runtime.size > 0 ? [`import { ${[...runtime].join(', ')} } from 'tydantic';`] : []),
    ...(settings.size > 0 ? [`import { ${[...settings].join(', ')} } from 'tydantic/settings';`] : []),
    ...imports,
    'declare const __snippet: (id: number) => void;',
    "declare const __value: (id: number, f: () => unknown, how: 'log' | 'value' | 'call') => void;",
    ...bodies,
  ].join('\n');
  writeFileSync(path.join(dir, '__entry.ts'), entry);
  const outfile = path.join(dir, '__bundle.mjs');
  await build({
    entryPoints: [path.join(dir, '__entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    alias: { tydantic: path.join(repo, 'src/index.ts'), 'tydantic/internal': path.join(repo, 'src/internal.ts'), 'tydantic/settings': path.join(repo, 'src/settings.ts') },
    logLevel: 'error',
  });
  let current = 0;
  const g = globalThis as Record<string, unknown>;
  g.__snippet = (id: number) => {
    current = id;
    output.set(id, []);
  };
  g.__value = (id: number, f: () => unknown[], how: 'log' | 'value' | 'call') => {
    let v: unknown[];
    try {
      v = f();
    } catch (error) {
      values.set(id, String(error));
      return;
    }
    if (how === 'call') values.set(id, JSON.stringify(v.map((x) => (typeof x === 'string' ? x : (x as unknown[]).map((i) => inspect(i, { breakLength: 120 })).join('\n')))));
    else values.set(id, how === 'log' ? format(...v) : inspect(v[0], { depth: null, breakLength: Infinity, compact: true }));
  };
  const saved = { log: console.log, dir: console.dir };
  console.log = (...args: unknown[]) => output.get(current)?.push(...format(...args).split('\n'));
  console.dir = (value: unknown, options?: object) => output.get(current)?.push(...inspect(value, options).split('\n'));
  try {
    await import(/* @vite-ignore */ pathToFileURL(outfile).href);
  } finally {
    Object.assign(console, saved);
    delete g.__snippet;
    delete g.__value;
  }
  return { output, values };
}

/** Runs the `$ npx tydantic ...` lines of a block in `dir`; returns one comparison per command. */
function commandChecks(file: string, b: DocBlock, dir: string): Check[] {
  const checks: Check[] = [];
  const lines = b.text.split('\n');
  lines.forEach((line, k) => {
    const m = PROMPT.exec(line);
    if (m === null) return;
    let end = k + 1;
    while (end < lines.length && !PROMPT.test(lines[end]!)) end++;
    const shown = lines.slice(k + 1, end).join('\n').trimEnd();
    checks.push({
      where: `${file}:${b.line + 1 + k}`,
      shown: shown.replace(TIME, 'in <time>'),
      actual: () => {
        const out: string[] = [];
        const cwd = process.cwd();
        process.chdir(dir);
        try {
          main(m[1]!.split(' '), { log: (s: string) => out.push(s), error: (s: string) => out.push(s) }, { color: false });
        } finally {
          process.chdir(cwd);
        }
        return out.join('\n').trimEnd().replace(TIME, 'in <time>');
      },
    });
  });
  return checks;
}

for (const file of docFiles(repo)) {
  describe(file, () => {
    const p = plan(file);
    it('has no unchecked block that shows output', () => {
      expect(p.unchecked).toEqual([]);
    });
    if (p.checks.length === 0 && p.commands.length === 0 && p.alone.length === 0) return;
    it('prints what it shows', async () => {
      const dir = writeProject(p.models);
      const dirs = [dir];
      try {
        // Commands first, in the order shown, on the project as a reader has it (no module generated yet).
        const commands = p.commands.flatMap((b) => commandChecks(file, b, dir));
        for (const a of p.alone) {
          const own = writeProject([[a.file, a.text]]);
          dirs.push(own);
          commands.push(...a.commands.flatMap((b) => commandChecks(file, b, own)));
        }
        const ran = commands.map((c) => ({ where: c.where, shown: c.shown, printed: c.actual(EMPTY) }));
        const run = await runDoc(dir, p);
        const all = [...ran, ...p.checks.map((c) => ({ where: c.where, shown: c.shown, printed: c.actual(run) }))];
        expect(all.filter((c) => c.printed !== c.shown)).toEqual([]);
      } finally {
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
      }
    });
  });
}
