/**
 * Worst-case inputs (issue 14): hostile input costs time linear in its size. Each row parses one input at
 * two sizes ten times apart through models compiled by `tydantic generate` (bench/src/hostile), and
 * reports the median time per call, the time per unit of input and the ratio of the two medians: about 10
 * when the work is linear, 100 when quadratic, about 1 when the input is refused without reading it. Two
 * rows without a model show what V8 itself takes for the same reads.
 * The regex that template literal types compiled to before they were matched as TypeScript does is timed
 * beside them, at sizes small enough to finish (the same input of 4 KB took it 31.7 s).
 */
import './hostile/tydantic.gen';
import type { ValidationError } from 'tydantic';
import { Big, Bulk, Loose, Templates, Texts } from './hostile/models';

/** One input at its two sizes. */
export interface WorstCaseRow {
  readonly id: string;
  /** The field and the input it gets, for the table. */
  readonly input: string;
  /** What the sizes count: items, characters, keys, or the array's length. */
  readonly unit: string;
  readonly sizes: readonly [number, number];
  /** Median time of one call at each size. */
  readonly ms: readonly [number, number];
  /** `ms` over the size, in nanoseconds. */
  readonly nsPerUnit: readonly [number, number];
  /** `ms[1] / ms[0]`: 10 is linear, 100 quadratic. */
  readonly ratio: number;
  /** The issue types of the larger input's error (once each, in order); none for the old regex. */
  readonly issueTypes: readonly string[];
  /** The number of issues reported for the larger input. */
  readonly issues?: number;
  /** `error.message.length` for the larger input. */
  readonly messageLength?: number;
  /** The heap one parse's error keeps alive, at each size (heapUsed with errors held minus without, after a gc). */
  readonly heapBytes?: readonly [number, number];
  /** Why the time is what it is. */
  readonly why: string;
}

/** Every worst-case row, with how it was measured. */
export interface WorstCase {
  /** Samples per size, alternating between the two sizes; the times are their medians. */
  readonly runs: number;
  /** Whether heap growth was measured after a gc (node --expose-gc). */
  readonly gc: boolean;
  readonly rows: readonly WorstCaseRow[];
}

interface Parser {
  safeParse(input: unknown, options?: { extra?: 'forbid' }): { success: true } | { success: false; error: ValidationError };
}

/** A row to measure: `make` builds the input of a size, `call` is what is timed. */
interface Case {
  readonly id: string;
  readonly input: string;
  readonly unit: string;
  readonly sizes: readonly [number, number];
  readonly make: (size: number) => unknown;
  /** The error's issue types, each once, in order: checked at both sizes, so a row cannot time something else. */
  readonly types?: readonly string[];
  /** The parse (or the old regex) on the input; returns the error to describe, if any. */
  readonly call: (input: unknown) => ValidationError | boolean;
  readonly why: string;
  /** Measure the heap the error keeps. */
  readonly heap?: boolean;
}

/** The anchored regex the `${string}/${string}/${string}.png` field compiled to before isTemplate. */
const OLD_TEMPLATE_REGEX = /^[\s\S]*\/[\s\S]*\/[\s\S]*\.png$/;

/** safeParse, returning the error: every input here is invalid, so success is a wrong result. */
function failing(model: Parser, id: string, options?: { extra: 'forbid' }): (input: unknown) => ValidationError {
  return (input) => {
    const r = model.safeParse(input, options);
    if (r.success) throw new Error(`worst-case ${id}: the input was accepted`);
    return r.error;
  };
}

/** `Loose` input with n undeclared keys `k0`, `k1` … beside its list. */
function manyKeys(n: number): Record<string, unknown> {
  const o: Record<string, unknown> = { list: [] };
  for (let i = 0; i < n; i++) o[`k${i}`] = i;
  return o;
}

const MB = 1_000_000;
const KB = 1_000;

/** The rows, at full size; smoke mode divides every size by ten. */
function cases(): Case[] {
  return [
    {
      id: 'issues',
      input: "`Bulk.items: Int[]` given n items `'x'`",
      unit: 'item',
      sizes: [100_000, 1_000_000],
      make: (n) => ({ items: Array.from({ length: n }, () => 'x') }),
      types: ['int_parsing', 'too_many_issues'],
      call: failing(Bulk, 'issues'),
      heap: true,
      why: 'the issue cap: after 100 located issues each further one only counts, and the rest is one `too_many_issues`',
    },
    {
      id: 'keys',
      input: '`Loose` with `extra: "forbid"` given n undeclared keys',
      unit: 'key',
      sizes: [100_000, 1_000_000],
      make: manyKeys,
      types: ['extra_forbidden', 'too_many_issues'],
      call: failing(Loose, 'keys', { extra: 'forbid' }),
      why: 'the keys are listed twice (the fast path gives up at the first undeclared key, but `for…in` lists every key before its first turn; then the full path reports), under the same issue cap',
    },
    {
      id: 'keys-baseline',
      input: 'for comparison: `for…in` over the same object, counting its own keys (no model)',
      unit: 'key',
      sizes: [100_000, 1_000_000],
      make: manyKeys,
      call: (o) => {
        let own = 0;
        for (const k in o as object) if (Object.hasOwn(o as object, k)) own++;
        return own < 0;
      },
      why: "V8's own enumeration of a dictionary-mode object's keys, which the fast path's and the full path's extra-key loops both start with",
    },
    {
      id: 'pattern',
      input: "`@field({ pattern: '^[a-z]+$' }) word` given `'a'` × (n − 1) + `'1'`",
      unit: 'char',
      sizes: [MB, 10 * MB],
      make: (n) => ({ word: `${'a'.repeat(n - 1)}1` }),
      types: ['string_pattern_mismatch'],
      call: failing(Texts, 'pattern'),
      why: "V8's backtracking engine runs this pattern in one pass (a ReDoS-prone one overflows into `string_pattern_overflow`)",
    },
    {
      id: 'email',
      input: "`email: Email` given `'a'` × (n − 1) + `'@'`",
      unit: 'char',
      sizes: [MB, 10 * MB],
      make: (n) => ({ email: `${'a'.repeat(n - 1)}@` }),
      types: ['value_error'],
      call: failing(Texts, 'email'),
      why: 'the format reads the string a fixed number of times: the check and then the reason each find the `@` with one `indexOf`, and the 64-character limit before it refuses it',
    },
    {
      id: 'url',
      input: "`url: Url` given `'http://'` + `'a'` × (n − 13) + `':99999'`",
      unit: 'char',
      sizes: [MB, 10 * MB],
      make: (n) => ({ url: `http://${'a'.repeat(n - 13)}:99999` }),
      types: ['url_parsing'],
      call: failing(Texts, 'url'),
      why: 'the format reads the string a fixed number of times: the check reads the host to its end, where the port is out of range, and the reason copies the string, hands it to `URL.canParse` and reads it again',
    },
    {
      id: 'scan-baseline',
      input: "for comparison: a `charCodeAt` loop over `'a'` × n (no model)",
      unit: 'char',
      sizes: [MB, 10 * MB],
      make: (n) => 'a'.repeat(n),
      call: (s) => {
        const text = s as string;
        let tabs = 0;
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 9) tabs++;
        return tabs > 0;
      },
      why: 'one read of every character, the least a check that looks at all of them costs on this machine',
    },
    {
      id: 'template-slashes',
      input: "`` `${string}/${string}/${string}.png` `` given `'/'` × n",
      unit: 'char',
      sizes: [10 * KB, 100 * KB],
      make: (n) => ({ image: '/'.repeat(n) }),
      types: ['string_pattern_mismatch'],
      call: failing(Templates, 'template-slashes'),
      why: 'matched as TypeScript does, not by a backtracking regex: the fixed suffix `.png` is tested first, so it is refused without a scan',
    },
    {
      id: 'template-late',
      input: "the same field given `'/'` + `'a'` × (n − 5) + `'.png'`",
      unit: 'char',
      sizes: [10 * KB, 100 * KB],
      make: (n) => ({ image: `/${'a'.repeat(n - 5)}.png` }),
      types: ['string_pattern_mismatch'],
      call: failing(Templates, 'template-late'),
      why: 'each fixed text is found by one `indexOf` from where the last one ended: the second `/` is looked for once, to the end',
    },
    {
      id: 'template-number',
      input: "`` `${string}-${number}` `` given `'a-'` × n/2",
      unit: 'char',
      sizes: [10 * KB, 100 * KB],
      make: (n) => ({ pair: 'a-'.repeat(n / 2) }),
      types: ['string_pattern_mismatch'],
      call: failing(Templates, 'template-number'),
      why: 'the first `-` splits the string, as in TypeScript, and the number after it fails at its first character; no other split is tried',
    },
    {
      id: 'template-digits',
      input: "the same field given `'a-'` + `'1'` × (n − 3) + `'x'`",
      unit: 'char',
      sizes: [10 * KB, 100 * KB],
      make: (n) => ({ pair: `a-${'1'.repeat(n - 3)}x` }),
      types: ['string_pattern_mismatch'],
      call: failing(Templates, 'template-digits'),
      why: 'the number is read in one scan, which fails at the last character',
    },
    {
      id: 'old-regex',
      input: "before: `^[\\s\\S]*\\/[\\s\\S]*\\/[\\s\\S]*\\.png$` tested on `'/'` × n",
      unit: 'char',
      sizes: [100, 1_000],
      make: (n) => '/'.repeat(n),
      call: (s) => OLD_TEMPLATE_REGEX.test(s as string),
      why: 'the regex the template compiled to: three `[\\s\\S]*` backtrack over every split, so the time is cubic (4 KB took 31.7 s); not run at larger sizes',
    },
    {
      id: 'sparse',
      input: '`list: unknown[]` given an empty array of length n',
      unit: 'length',
      sizes: [429_496_729, 2 ** 32 - 1],
      make: (n) => {
        const list: unknown[] = [];
        list.length = n;
        return { list };
      },
      types: ['sparse_array'],
      call: failing(Loose, 'sparse'),
      why: 'the walk stops at the first hole (`sparse_array` at index 0): the length is never walked',
    },
    {
      id: 'digits',
      input: "`n: bigint` given `'1'` × n",
      unit: 'char',
      sizes: [MB, 10 * MB],
      make: (n) => ({ n: '1'.repeat(n) }),
      types: ['int_parsing_size'],
      call: failing(Big, 'digits'),
      why: 'the digit cap: more than 4,300 digits is `int_parsing_size` before any digit is read or converted',
    },
  ];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The global `gc` when node runs with --expose-gc. */
const gc = (globalThis as { gc?: () => void }).gc;

/** A sink the timed calls store into, so none is optimized away. */
const sink: { value: unknown } = { value: undefined };

/**
 * The time of one call, in ms: the call repeated until 20 ms have passed (at least once), so that a call
 * of a few microseconds is timed as well as one of a second.
 */
function sample(call: () => unknown): number {
  let count = 0;
  const started = performance.now();
  let elapsed: number;
  do {
    sink.value = call();
    count++;
    elapsed = performance.now() - started;
  } while (elapsed < 20);
  return elapsed / count;
}

/** How many results `heapGrowth` keeps at once: heapUsed after a gc moves by a few KB from one reading to the next. */
const KEPT = 5;

/**
 * The heap one call's result keeps alive, in bytes: heapUsed with KEPT results held, minus heapUsed once they
 * are dropped, each after full collections when node runs with --expose-gc. Both readings come after the calls:
 * a reading taken before them also counted what V8 let go of meanwhile (a few hundred KB of its own, here).
 */
function heapGrowth(call: () => unknown): number {
  const collect = (): void => {
    for (let i = 0; i < 3; i++) gc?.();
  };
  const kept = Array.from({ length: KEPT }, call);
  collect();
  const held = process.memoryUsage().heapUsed;
  kept.length = 0;
  collect();
  return Math.round((held - process.memoryUsage().heapUsed) / KEPT);
}

function measure(c: Case, runs: number, scale: number): WorstCaseRow {
  const sizes = c.sizes.map((s) => Math.max(1, Math.floor(s / scale))) as unknown as readonly [number, number];
  const inputs = sizes.map((s) => c.make(s));
  const calls = inputs.map((input) => () => c.call(input));
  // One untimed call at each size: compiles the code and flattens the strings that `repeat` built; the
  // larger one's result is the one described.
  const first = calls[0]!();
  const last = calls[1]!();
  for (const result of [first, last]) {
    const types = typeof result === 'boolean' ? undefined : [...new Set(result.issues.map((i) => i.type))].join(', ');
    if (types !== c.types?.join(', ')) throw new Error(`worst-case ${c.id}: expected ${c.types?.join(', ') ?? 'no error'}, got ${types ?? 'no error'}`);
  }
  const times: [number[], number[]] = [[], []];
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < 2; i++) times[i]!.push(sample(calls[i]!));
  }
  const ms = [median(times[0]), median(times[1])] as const;
  const row: WorstCaseRow = {
    id: c.id,
    input: c.input,
    unit: c.unit,
    sizes,
    ms,
    nsPerUnit: [(ms[0] * 1e6) / sizes[0], (ms[1] * 1e6) / sizes[1]],
    ratio: ms[1] / ms[0],
    issueTypes: c.types ?? [],
    ...(typeof last === 'boolean' ? {} : { issues: last.issues.length, messageLength: last.message.length }),
    ...(c.heap === true ? { heapBytes: [heapGrowth(calls[0]!), heapGrowth(calls[1]!)] as const } : {}),
    why: c.why,
  };
  sink.value = undefined;
  return row;
}

/** Measures every row; smoke mode takes one sample at a tenth of each size. */
export function measureWorstCase(options: { smoke: boolean; only?: readonly string[] }): WorstCase {
  const runs = options.smoke ? 1 : 9;
  const rows: WorstCaseRow[] = [];
  for (const c of cases()) {
    if (options.only !== undefined && !options.only.includes(c.id)) continue;
    rows.push(measure(c, runs, options.smoke ? 10 : 1));
  }
  return { runs, gc: gc !== undefined, rows };
}

/** A size with its unit: 1e6 items, 10 MB, 2^32 − 1. */
export function formatSize(n: number, unit: string): string {
  if (n === 2 ** 32 - 1) return '2³² − 1';
  if (unit === 'char') {
    if (n >= MB) return `${n / MB} MB`;
    if (n >= KB) return `${n / KB} KB`;
    return `${n} B`;
  }
  return n >= 1000 && Number.isInteger(Math.log10(n)) ? `1e${Math.log10(n)}` : n.toLocaleString('en-US');
}

/** A time with its unit: 1.26 s, 73.5 ms, 6.4 µs. */
function fmtTime(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
  const us = ms * 1000;
  return `${us >= 100 ? us.toFixed(0) : us.toFixed(1)} µs`;
}
const fmtNs = (ns: number): string => (ns >= 10 ? Math.round(ns).toLocaleString('en-US') : ns >= 0.01 ? ns.toFixed(2) : ns.toExponential(1));

/** The table of docs/benchmarks.md and the console. */
export function formatWorstCase(w: WorstCase): string {
  const lines = [
    '| input | sizes | time per call | ns per unit | ratio (10× size) | issues of the larger | `error.message.length` |',
    '|---|---|---:|---:|---:|---|---:|',
  ];
  for (const r of w.rows) {
    const sizes = `${formatSize(r.sizes[0], r.unit)} → ${formatSize(r.sizes[1], r.unit)}`;
    const issues = r.issues === undefined ? '–' : `${r.issues}: ${r.issueTypes.map((t) => `\`${t}\``).join(', ')}`;
    lines.push(`| ${r.input} | ${sizes} | ${fmtTime(r.ms[0])} → ${fmtTime(r.ms[1])} | ${fmtNs(r.nsPerUnit[0])} → ${fmtNs(r.nsPerUnit[1])} per ${r.unit} | ${r.ratio.toFixed(1)}× | ${issues} | ${r.messageLength?.toLocaleString('en-US') ?? '–'} |`);
  }
  const heap = w.rows.filter((r) => r.heapBytes !== undefined);
  if (heap.length > 0) {
    lines.push('');
    for (const r of heap) {
      lines.push(`- heap kept by the error of \`${r.id}\`${w.gc ? '' : ' (no gc: run node with --expose-gc)'}: ${r.heapBytes!.map((b) => `${(b / 1024).toFixed(0)} KB`).join(' → ')}`);
    }
  }
  return lines.join('\n');
}
