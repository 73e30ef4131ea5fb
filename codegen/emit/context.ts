import type { DefinitionIR, ModelIR, ProjectIR, TemplateIR } from '../ir';
import { RUNTIME_HELPERS, type RuntimeHelper, Names } from '../names';
import { lit } from './code';
import { type Recursion, recursionOf } from './recursion';

/**
 * What the emitters asked of the context while one model's block was written
 * (see `EmitContext.record`): everything of the module, besides the model
 * itself and the names every run of the same ids gives, that its text
 * depends on or that it left in the module. A block whose log still holds
 * can be reused as it is (blocks.ts).
 */
export interface BlockLog {
  /** Models looked up by id, with what the lookup gave. */
  readonly models: Map<string, ModelIR | undefined>;
  /** Definitions looked up by id, with what the lookup gave. */
  readonly definitions: Map<string, DefinitionIR | undefined>;
  /** `buildable` answers the block used: those taken from earlier blocks depend on models it never looked up. */
  readonly buildable: Map<string, boolean>;
  /** `recursion` answers the block used (they depend on every model and definition a cycle runs through). */
  readonly recursion: Map<string, Recursion>;
  /** Hoisted constants as `[base, code]`, in order of first use; the text holds `\0i\0` for the i-th one's name. */
  readonly constants: (readonly [string, string])[];
  readonly helpers: Set<RuntimeHelper>;
  /** Definitions whose dump function the block calls. */
  readonly dumped: Set<string>;
  /** Some emitter went through every model or definition: the block depends on all of them. */
  whole: boolean;
}

/** What every emitter shares while writing one module: names, hoisted constants, used helpers. */
export class EmitContext {
  readonly names: Names;
  /** Every model by id (lookups are noted while a block is recorded). */
  readonly models: ReadonlyMap<string, ModelIR>;
  /** Every definition by id (lookups are noted while a block is recorded). */
  readonly definitions: ReadonlyMap<string, DefinitionIR>;
  readonly helpers = new Set<RuntimeHelper>();
  /** Definitions whose dump function some emitted code calls. */
  readonly dumped = new Set<string>();
  /** `buildable`'s answers so far, by model id (build.ts). */
  readonly buildable = new Map<string, boolean>();
  /** The models whose field checks the check being written is inside (check.ts inlines union members, but not into themselves). */
  readonly checking = new Set<string>();
  /** The depth bookkeeping of the function being written, when it can recur (see recursion.ts). */
  depth: Depth | undefined;
  private readonly recursions: ReadonlyMap<string, 'cyclic' | 'reaching'>;
  private readonly functions: ReadonlyMap<string, ModelFunctions>;
  private readonly constants = new Map<string, string>();
  private readonly constantLines: string[] = [];
  /** The log of the block being recorded, if one is. */
  private log: BlockLog | undefined;
  /** Indexes of the recorded block's constants in `log.constants`, by code. */
  private logged = new Map<string, number>();

  constructor(
    ir: ProjectIR,
    /** Emit TypeScript annotations (for a `.ts` output). */
    readonly ts: boolean,
  ) {
    const all = [...ir.models, ...ir.definitions];
    const walked = (): void => {
      if (this.log !== undefined) this.log.whole = true;
    };
    this.models = new NotedMap(ir.models.map((m) => [m.id, m]), (id, m) => this.log?.models.set(id, m), walked);
    this.definitions = new NotedMap(ir.definitions.map((d) => [d.id, d]), (id, d) => this.log?.definitions.set(id, d), walked);
    this.recursions = recursionOf(ir);
    // Model ids are taken first; every derived name then comes from the allocator, so none can collide.
    this.names = new Names([...RUNTIME_HELPERS, ...LOCALS, ...ir.models.map((m) => m.id)]);
    this.functions = new Map(
      all.map((m) => [
        m.id,
        {
          is: this.names.fresh(`is_${m.id}`),
          parse: this.names.fresh(`parse_${m.id}`),
          dump: this.names.fresh(`dump_${m.id}`),
          proto: this.names.fresh(`${m.id}_proto`),
          ctor: this.names.fresh(`${m.id}_new`),
          build: this.names.fresh(`build_${m.id}`),
        },
      ]),
    );
  }

  /**
   * Runs `emit` noting what it asks of the context; returns the log. Meanwhile hoisted constants are not
   * declared: their names in the text are placeholders, `\0i\0` for the log's i-th, which `replay` declares,
   * so that the text serves again in another module whose constants are numbered differently.
   */
  record(emit: () => void): BlockLog {
    if (this.log !== undefined) throw new Error('already recording a block');
    const log: BlockLog = { models: new Map(), definitions: new Map(), buildable: new Map(), recursion: new Map(), constants: [], helpers: new Set(), dumped: new Set(), whole: false };
    this.log = log;
    this.logged = new Map();
    try {
      emit();
    } finally {
      this.log = undefined;
    }
    return log;
  }

  /** Declares a recorded block's constants (returning their names, in the log's order), helpers and dumps in this module. */
  replay(log: BlockLog): string[] {
    for (const helper of log.helpers) this.helpers.add(helper);
    for (const id of log.dumped) this.dumped.add(id);
    // A constant's code may name constants made before it (a value parser its regular expressions).
    const names: string[] = [];
    for (const [base, code] of log.constants) names.push(this.constant(base, code.replace(/\0(\d+)\0/g, (_, i: string) => names[Number(i)]!)));
    return names;
  }

  /** Notes an answer of `buildable` that the block being recorded depends on. */
  noteBuildable(id: string, answer: boolean): void {
    this.log?.buildable.set(id, answer);
  }

  /** How the functions of a model or definition take part in recursion (noted as something the block depends on). */
  recursion(id: string): Recursion {
    const answer = this.recursions.get(id);
    this.log?.recursion.set(id, answer);
    return answer;
  }

  /** The arguments after value `v` of a call of `id`'s check or build: the depth left, when it takes one. */
  depthArg(id: string, v: string): string {
    if (this.recursion(id) === undefined) return '';
    if (this.depth === undefined) throw new Error(`no depth to pass to ${id} here`);
    return `, ${v === this.depth.input ? this.depth.same : this.depth.other}`;
  }

  /**
   * Whether parse enters `v` (`enter`, `c.stack`) before it calls `id`'s parse: when `id` is recursive, unless
   * `v` is the input of a recursive type's parse, which its caller entered (a union dispatching its value).
   */
  enters(id: string, v: string): boolean {
    return this.recursion(id) === 'cyclic' && !(this.depth?.cyclic === true && v === this.depth.input);
  }

  /** Runs `emit` with `depth` as the function's depth bookkeeping (see `depth`). */
  withDepth(depth: Depth | undefined, emit: () => void): void {
    const outer = this.depth;
    this.depth = depth;
    try {
      emit();
    } finally {
      this.depth = outer;
    }
  }

  /** Marks a definition's dump function as called. */
  dumps(id: string): void {
    this.dumped.add(id);
    this.log?.dumped.add(id);
  }

  /** The names of a model's (or a definition's) generated functions and its prototype constant. */
  fn(id: string): ModelFunctions {
    const names = this.functions.get(id);
    if (names === undefined) throw new Error(`unknown model ${id}`);
    return names;
  }

  /** Marks a runtime helper as used and returns its name. */
  helper(name: RuntimeHelper): string {
    this.helpers.add(name);
    this.log?.helpers.add(name);
    return name;
  }

  /** `: type` in TypeScript output, nothing in JavaScript. */
  type(annotation: string): string {
    return this.ts ? `: ${annotation}` : '';
  }

  /** `: ParseContext` in TypeScript output (importing the type), nothing in JavaScript. */
  contextType(): string {
    return this.ts ? `: ${this.helper('ParseContext')}` : '';
  }

  /**
   * A module-level constant holding a user pattern (one per distinct pattern): compiled on first use by the
   * engine `setRegexEngine` installed, else as a RegExp.
   */
  regex(source: string, flags: string): string {
    return this.constant('re', `${this.helper('userPattern')}(${lit(source)}, ${lit(flags)})`);
  }

  /** An expression true when `v` (a string) fits a `pattern` constraint or template key: its templates when it has them, else its regex. */
  patternTest(c: { readonly source: string; readonly flags?: string; readonly templates?: readonly TemplateIR[] }, v: string): string {
    if (c.templates === undefined) return `${this.helper('matches')}(${this.regex(c.source, c.flags ?? '')}, ${v})`;
    const tests = c.templates.map((t) => `${this.helper('isTemplate')}(${v}, ${this.constant('texts', `[${t.texts.map((x) => lit(x)).join(', ')}]`)}, ${lit(t.kinds)})`);
    return tests.length === 1 ? tests[0]! : `(${tests.join(' || ')})`;
  }

  /** A module-level constant listing field names (for smart-mode unions). */
  keyList(keys: readonly string[]): string {
    const list = `[${keys.map((k) => lit(k)).join(', ')}]`;
    return this.constant('fields', keys.length === 0 && this.ts ? `${list} as string[]` : list);
  }

  /** A module-level constant holding a function (a value parser, parse.ts), one per distinct text. */
  shared(base: string, code: string): string {
    return this.constant(base, code);
  }

  /** A module-level constant holding a Set of literal values. */
  literalSet(values: readonly (string | number | boolean)[]): string {
    return this.constant('literals', `new Set([${values.map((v) => lit(v)).join(', ')}])`);
  }

  private constant(base: string, code: string): string {
    if (this.log !== undefined) {
      let index = this.logged.get(code);
      if (index === undefined) {
        index = this.log.constants.push([base, code]) - 1;
        this.logged.set(code, index);
      }
      return `\0${index}\0`;
    }
    let name = this.constants.get(code);
    if (name === undefined) {
      name = this.names.fresh(`${base}_${this.constants.size + 1}`);
      this.constants.set(code, name);
      this.constantLines.push(`const ${name} = ${code};`);
    }
    return name;
  }

  /** The hoisted constants, in order of first use. */
  constantDeclarations(): readonly string[] {
    return this.constantLines;
  }
}

/**
 * How a function of a type that can recur counts depth (see recursion.ts): its input's name, whether its
 * type is recursive (its caller counted the input), and what a call of a recursive type's check or build
 * passes as the depth left: for the function's own input (a union handing it to a member: the same value,
 * counted once) and for any other value (a field, an item: one level deeper when the type is recursive).
 */
export interface Depth {
  readonly input: string;
  readonly cyclic: boolean;
  readonly same: string;
  readonly other: string;
}

/** Fixed names inside generated functions: input, context, output, issue count, key. */
export const LOCALS = ['v', 'c', 'o', 'n', 'k'];

/** The names of a model's generated functions and its prototype constant. */
export interface ModelFunctions {
  readonly is: string;
  readonly parse: string;
  readonly dump: string;
  readonly proto: string;
  /** The constructor parse builds instances with (sharing the prototype). */
  readonly ctor: string;
  /** Parse's fast path for input `is` accepts (emitted only for models `buildable` says yes to). */
  readonly build: string;
}

/** A read-only map that reports each lookup (and any walk through all of it) to its owner. */
class NotedMap<V> implements ReadonlyMap<string, V> {
  private readonly map: Map<string, V>;

  constructor(
    entries: Iterable<readonly [string, V]>,
    private readonly looked: (key: string, value: V | undefined) => void,
    private readonly walked: () => void,
  ) {
    this.map = new Map(entries);
  }

  get size(): number {
    this.walked();
    return this.map.size;
  }

  get(key: string): V | undefined {
    const value = this.map.get(key);
    this.looked(key, value);
    return value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    this.walked();
    this.map.forEach((value, key) => callback(value, key, this));
  }

  entries(): MapIterator<[string, V]> {
    this.walked();
    return this.map.entries();
  }

  keys(): MapIterator<string> {
    this.walked();
    return this.map.keys();
  }

  values(): MapIterator<V> {
    this.walked();
    return this.map.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
