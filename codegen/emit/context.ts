import type { DefinitionIR, ModelIR, ProjectIR } from '../ir';
import { RUNTIME_HELPERS, type RuntimeHelper, Names } from '../names';
import { lit } from './code';

/** Runtime exports the generated module may import. */


/** What every emitter shares while writing one module: names, hoisted constants, used helpers. */
export class EmitContext {
  readonly names: Names;
  readonly models: ReadonlyMap<string, ModelIR>;
  readonly definitions: ReadonlyMap<string, DefinitionIR>;
  readonly helpers = new Set<RuntimeHelper>();
  /** Recursive definitions whose dump function some emitted code calls. */
  readonly dumped = new Set<string>();
  private readonly functions: ReadonlyMap<string, ModelFunctions>;
  private readonly constants = new Map<string, string>();
  private readonly constantLines: string[] = [];

  constructor(
    ir: ProjectIR,
    /** Emit TypeScript annotations (for a `.ts` output). */
    readonly ts: boolean,
  ) {
    this.models = new Map(ir.models.map((m) => [m.id, m]));
    this.definitions = new Map(ir.definitions.map((d) => [d.id, d]));
    // Model ids are taken first; every derived name then comes from the allocator, so none can collide.
    this.names = new Names([...RUNTIME_HELPERS, ...LOCALS, ...ir.models.map((m) => m.id)]);
    this.functions = new Map(
      [...ir.models, ...ir.definitions].map((m) => [
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

  /** The names of a model's (or a recursive definition's) generated functions and its prototype constant. */
  fn(id: string): ModelFunctions {
    const names = this.functions.get(id);
    if (names === undefined) throw new Error(`unknown model ${id}`);
    return names;
  }

  /** Marks a runtime helper as used and returns its name. */
  helper(name: RuntimeHelper): string {
    this.helpers.add(name);
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

  /** A module-level constant holding a regular expression (one per distinct pattern). */
  regex(source: string, flags: string): string {
    return this.constant('re', `new RegExp(${lit(source)}, ${lit(flags)})`);
  }

  /** A module-level constant listing field names (for smart-mode unions). */
  keyList(keys: readonly string[]): string {
    const list = `[${keys.map((k) => lit(k)).join(', ')}]`;
    return this.constant('fields', keys.length === 0 && this.ts ? `${list} as string[]` : list);
  }

  /** A module-level constant holding a Set of literal values. */
  literalSet(values: readonly (string | number | boolean)[]): string {
    return this.constant('literals', `new Set([${values.map((v) => lit(v)).join(', ')}])`);
  }

  private constant(base: string, code: string): string {
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
