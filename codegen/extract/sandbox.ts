/**
 * The sandbox in which the compile step runs an inline alias generator
 * (`@model({ aliasGenerator: (name) => ... })`): a model file is code from a
 * repository, and building it must not hand that code the machine of whoever
 * runs `tydantic generate` (or `--check`, or `--watch`).
 *
 * What it guarantees. The generator runs in a fresh `node:vm` context that
 * holds nothing of the host: its global object has only the language's
 * built-ins, so there is no `require`, `process`, `import()`, `fetch`,
 * `setTimeout`, `console` or host `globalThis`; code generation from strings
 * (`eval`, `Function`, and so `x.constructor.constructor('…')`) and
 * WebAssembly are off; `Promise` is gone and `import()` and async functions
 * are refused, so nothing runs after a call has returned. Only primitive
 * strings cross the boundary: the field
 * name goes in as a string literal in the script's text, and every result
 * comes back as one string built inside the context, exceptions included,
 * so the host never reads a property of an object made by the generator.
 * Each evaluation (defining the generator, and each call) stops after
 * {@link TIME_LIMIT_MS}; after a call runs out of time the generator is
 * not run again.
 *
 * What it does not guarantee. node:vm is not a security boundary: code that
 * holds one object of the host realm reaches the host's `Function` through
 * `.constructor.constructor` and, from there, everything. The guarantee rests
 * on handing the context no host object at all, which is why the context is
 * made from a null-prototype object (a plain `{}` would expose the host's
 * `Object`), why no host function or host object is ever passed in, why
 * `import()` is refused before running (its rejection is a host `TypeError`),
 * and why `Error.prepareStackTrace` is locked (Node calls it with the call
 * sites of host frames). Memory is not limited: the generator shares the
 * process's heap, and a large allocation within the time limit can still
 * exhaust it.
 */
import { types } from 'node:util';
import vm from 'node:vm';
import { ts } from 'ts-morph';

/**
 * The time each evaluation may take: a generator maps a name to a name in
 * microseconds, so this only ever stops a loop that does not end, and a
 * model with many fields still fails fast.
 */
export const TIME_LIMIT_MS = 100;

/** Why a sandboxed generator gave no alias. */
export type GeneratorFailure = 'threw' | 'returned' | 'timeout' | 'unsupported';

/** A generator that could not be defined or gave no string; the message was made inside the context, or is Node's. */
export class GeneratorError extends Error {
  constructor(
    readonly reason: GeneratorFailure,
    detail: string,
  ) {
    super(detail);
  }
}

// Run first in each context, as strict code of ours. Node formats a stack trace by calling the context's
// `Error.prepareStackTrace` with the call sites of every frame, the host's included (whose `getFunction()` is a
// host function in sloppy code), so it stays undefined and `Error` stays this `Error`. Promises and
// `FinalizationRegistry` callbacks are the ways to run code later, outside the time limit, and an unhandled
// rejection would reach Node's own reporting with an object of the generator's: the globals that make them
// go (`Atomics.waitAsync`, `WebAssembly.compile`, `Array.fromAsync` and `AsyncDisposableStack` return
// promises); async syntax and `import()` are refused before running.
const PRELUDE = `'use strict';
Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
Object.defineProperty(globalThis, 'Error', { value: Error, writable: false, configurable: false });
delete Array.fromAsync;
for (const name of ['Promise', 'WebAssembly', 'Atomics', 'FinalizationRegistry', 'AsyncDisposableStack', 'console']) delete globalThis[name];
'ok ';
`;

/**
 * Defines `js` (a script that declares `var generator = …`, as `ts.transpile`
 * writes it) in a fresh context and returns a function that calls it on a
 * name, under the time limit. Throws a {@link GeneratorError} when the
 * generator cannot be defined, and from the returned function when a call
 * throws, returns something other than a string, or runs out of time.
 */
export function evaluateGenerator(js: string): (name: string) => string {
  const refused = refusedSyntax(js);
  if (refused !== undefined) throw new GeneratorError('unsupported', `it uses ${refused}, which the compile step does not offer`);
  // Writes to the global object land on this object: with no prototype it lends the context no host `Object`.
  const context = vm.createContext(Object.create(null), {
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  for (const script of [PRELUDE, `${js}\n;typeof generator === 'function' ? 'ok ' : 'threw it is not a function';`]) {
    const outcome = run(script, context);
    if (outcome.kind !== 'ok') throw new GeneratorError(outcome.kind, outcome.detail);
  }
  let timedOut: string | undefined;
  return (name) => {
    // After one call ran out of time, the next would most likely too: fail at once rather than wait on every field.
    if (timedOut !== undefined) throw new GeneratorError('timeout', `${TIMEOUT} on '${timedOut}'`);
    let outcome = run(callScript(name), context);
    // The limit is wall-clock time: a process starved by a loaded machine can miss it once on a trivial call.
    // One more try tells that from a loop that never ends, at the cost of one more limit for the latter.
    if (outcome.kind === 'timeout') outcome = run(callScript(name), context);
    if (outcome.kind === 'ok') return outcome.detail;
    if (outcome.kind !== 'timeout') throw new GeneratorError(outcome.kind, outcome.detail);
    timedOut = name;
    throw new GeneratorError('timeout', `${TIMEOUT} on '${name}'`);
  };
}

const TIMEOUT = `did not finish within ${TIME_LIMIT_MS} ms`;

/** What a script run in the context gave: `ok` and its string, or why not. */
interface Outcome {
  readonly kind: 'ok' | 'returned' | 'threw' | 'timeout';
  readonly detail: string;
}

/**
 * Runs a script of ours in the context: its value is a string made inside it
 * (`kind detail`), or what was thrown.
 */
function run(code: string, context: vm.Context): Outcome {
  let value: unknown;
  try {
    value = new vm.Script(code, { filename: 'aliasGenerator' }).runInContext(context, { timeout: TIME_LIMIT_MS });
  } catch (error) {
    return thrown(error);
  }
  // typeof reads no property, so a Proxy from the context cannot run code here.
  if (typeof value !== 'string') return { kind: 'threw', detail: 'a result that is not a string' };
  const space = value.indexOf(' ');
  const kind = value.slice(0, space);
  const detail = value.slice(space + 1);
  return kind === 'ok' || kind === 'returned' ? { kind, detail } : { kind: 'threw', detail };
}

/**
 * What a thrown value says, read without running code of the context: only a
 * native error that is no Proxy is looked at, and only its own data
 * properties, so no trap or getter runs here, outside the time limit. (The
 * call script lets nothing of the generator's escape; this is what Node
 * throws: its timeout error, or a syntax error from compiling a script.)
 */
function thrown(error: unknown): Outcome {
  if (!types.isNativeError(error) || types.isProxy(error)) return { kind: 'threw', detail: 'an exception that cannot be shown' };
  if (Object.getOwnPropertyDescriptor(error, 'code')?.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { kind: 'timeout', detail: TIMEOUT };
  const message: unknown = Object.getOwnPropertyDescriptor(error, 'message')?.value;
  return { kind: 'threw', detail: typeof message === 'string' ? message : 'an exception that cannot be shown' };
}

/**
 * The script that calls the generator on `name`. The name is a string literal
 * in its text (JSON.stringify writes a valid one), not a value set from the
 * host, and every outcome is turned into one string here, inside the context:
 * the message of an exception is read by the generator's own realm.
 */
function callScript(name: string): string {
  return `'use strict';
(function (name) {
  try {
    var alias = generator(name);
    if (typeof alias === 'string') return 'ok ' + alias;
    try { return 'returned ' + JSON.stringify(alias); } catch (_) { return 'returned a ' + typeof alias; }
  } catch (error) {
    try { return 'threw ' + (error instanceof Error ? error.message : String(error)); } catch (_) { return 'threw an exception that cannot be shown'; }
  }
})(${JSON.stringify(name)});`;
}

/** The first syntax of `js` that would hand it a host object (`import()`) or run code after the time limit (async), if any. */
function refusedSyntax(js: string): string | undefined {
  const file = ts.createSourceFile('generator.js', js, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (node.kind === ts.SyntaxKind.ImportKeyword) found = 'import()';
    else if (node.kind === ts.SyntaxKind.AsyncKeyword) found = 'an async function';
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
