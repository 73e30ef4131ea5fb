/**
 * Recursive types that are not models: a type alias or interface met again
 * while it is being converted becomes a definition of its own, referenced by
 * id, so its validators call themselves instead of unfolding without end.
 * Types that do not recur stay inline.
 */
import type { Type, ts } from 'ts-morph';
import type { DefinitionIR, SourceLoc, TypeNode, ExtraPolicy } from '../ir';
import type { Names } from '../names';

interface Entry {
  readonly id: string;
  readonly name: string;
  readonly loc: SourceLoc;
  defined: boolean;
}

/** The project's recursive definitions, keyed by what they are made of (see `shapeKey`) and extra-keys policy. */
export class Definitions {
  /** In the order they were completed: deterministic for a given project. */
  readonly list: DefinitionIR[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly typeIds = new Map<ts.Type, number>();
  private used = 0;

  constructor(private readonly ids: Names) {}

  /** How often a definition was met, made or completed: `--watch` tells from it which models share definitions. */
  get uses(): number {
    return this.used;
  }

  /**
   * The identity of a type being converted: an object type by itself, a union
   * by its members, so `Expr | undefined` with `undefined` taken out (an
   * optional field) is the same as `Expr`.
   */
  shapeKey(types: readonly Type[], extra: ExtraPolicy): string {
    const ids = types.map((t) => {
      let id = this.typeIds.get(t.compilerType);
      if (id === undefined) this.typeIds.set(t.compilerType, (id = this.typeIds.size + 1));
      return id;
    });
    return `${extra}:${ids.sort((a, b) => a - b).join(',')}`;
  }

  /** The reference to a type already defined (or being defined), if any. */
  lookup(key: string): TypeNode | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.used++;
    return { kind: 'ref', ref: entry.id, name: entry.name };
  }

  /** A reference to a type met again inside its own conversion: it is hoisted when that conversion ends. */
  refer(key: string, type: Type, loc: SourceLoc): TypeNode {
    this.used++;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const name = nameOf(type);
      entry = { id: this.ids.fresh(name), name, loc, defined: false };
      this.entries.set(key, entry);
    }
    return { kind: 'ref', ref: entry.id, name: entry.name };
  }

  /** Ends the conversion of a type: the node itself, or a reference when the type turned out recursive. */
  close(key: string, node: TypeNode): TypeNode {
    const entry = this.entries.get(key);
    if (entry === undefined) return node;
    this.used++;
    if (!entry.defined) {
      entry.defined = true;
      this.list.push({ id: entry.id, name: entry.name, type: node, loc: entry.loc });
    }
    return { kind: 'ref', ref: entry.id, name: entry.name };
  }
}

/** The alias or interface name of a type, or a generic one for an anonymous type. */
function nameOf(type: Type): string {
  const members = type.isUnion() ? type.getUnionTypes() : [];
  for (const candidate of [type, ...members]) {
    for (const symbol of [candidate.getAliasSymbol(), candidate.getSymbol()]) {
      const name = symbol?.getName();
      if (name !== undefined && /^[A-Za-z_$][\w$]*$/.test(name) && !name.startsWith('__')) return name;
    }
  }
  return 'Recursive';
}
