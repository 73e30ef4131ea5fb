/**
 * Types converted once and referenced by id. Every object type (interface,
 * object alias, type literal, mapped or intersected object) and every union
 * that can nest in itself becomes a definition the first time it is met, and
 * every later use, inside itself too, is a `ref` to it: extraction does work
 * per distinct type, never per path through the types, and recursion needs
 * nothing more. A definition is converted from its type alone, so its IR is
 * the same whichever model met it first. `shareTypes` (share.ts) then writes
 * back in place the definitions used once (or small), and names the others.
 */
import { Node, type Type, ts } from 'ts-morph';
import type { DefinitionIR, SourceLoc, TypeNode, ExtraPolicy } from '../ir';

interface Entry {
  readonly id: string;
  readonly name: string;
  /** The declarations its conversion read (nested definitions' too), told again to each later use (`--watch`). */
  readonly reads: Set<Node>;
}

/** Told of declarations whose content a conversion reads. */
type Reads = ((declarations: readonly Node[]) => void) | undefined;

/** Hands out the ids definitions have until `shareTypes` names them: unique across every extraction of a project. */
export class DefinitionIds {
  private next = 0;

  /** A new id for a definition shown as `name`; never an identifier (`#`), so none can reach generated code by mistake. */
  fresh(name: string): string {
    return `${name}#${++this.next}`;
  }
}

/** The definitions of one extraction, keyed by the types they are made of (`objectKey`, `orderedKey`) and extra-keys policy. */
export class Definitions {
  /** In the order they were completed. */
  readonly list: DefinitionIR[] = [];
  private readonly entries = new Map<string, Entry>();
  /** The keys of `entries` in the order they were made, to undo a failed conversion. */
  private readonly order: string[] = [];
  private readonly types = new Map<string, TypeNode>();
  private readonly typeIds = new Map<ts.Type, number>();

  constructor(private readonly ids: DefinitionIds) {}

  /** The identity of an object type, with the extra-keys policy its objects carry. */
  objectKey(type: Type, extra: ExtraPolicy): string {
    return `${extra}:${this.idsOf([type]).join(',')}`;
  }

  /** The identity of a union whose members are in this order. */
  orderedKey(types: readonly Type[], extra: ExtraPolicy): string {
    return `${extra}:|${this.idsOf(types).join(',')}`;
  }

  private idsOf(types: readonly Type[]): number[] {
    return types.map((t) => {
      let id = this.typeIds.get(t.compilerType);
      if (id === undefined) this.typeIds.set(t.compilerType, (id = this.typeIds.size + 1));
      return id;
    });
  }

  /**
   * The reference to the definition of `key`, made by `convert` the first time (it runs inside the definition,
   * so a use of the type within itself is a reference). A later use is told what the conversion read. A
   * conversion that throws leaves no definition behind, nor any made while it ran (they may refer to it).
   */
  share(key: string, type: Type, locate: () => SourceLoc, reads: Reads, convert: (reads: Reads) => TypeNode): TypeNode {
    const known = this.entries.get(key);
    if (known !== undefined) {
      // A use inside the type's own conversion reads nothing the conversion does not.
      if (reads !== undefined && this.types.has(known.id)) reads([...known.reads]);
      return { kind: 'ref', ref: known.id, name: known.name };
    }
    const [made, listed] = [this.order.length, this.list.length];
    const name = nameOf(type);
    const entry: Entry = { id: this.ids.fresh(name), name, reads: new Set() };
    this.entries.set(key, entry);
    this.order.push(key);
    const collect: Reads =
      reads &&
      ((declarations) => {
        for (const declaration of declarations) entry.reads.add(declaration);
        reads(declarations);
      });
    let node: TypeNode;
    try {
      node = convert(collect);
    } catch (error) {
      for (const undone of this.order.splice(made)) {
        this.types.delete(this.entries.get(undone)!.id);
        this.entries.delete(undone);
      }
      this.list.length = listed;
      throw error;
    }
    this.types.set(entry.id, node);
    this.list.push({ id: entry.id, name, type: node, loc: locate() });
    return { kind: 'ref', ref: entry.id, name };
  }

  /** The type a reference stands for, once its conversion is complete (undefined while it runs). */
  resolve(id: string): TypeNode | undefined {
    return this.types.get(id);
  }
}

/**
 * The name a type is shown under (labels, schema definitions): its alias or interface name with the names of
 * its type arguments (`Page_User`); for an anonymous type literal the property or alias it is declared as
 * (`components["schemas"]["simple-user"]` is `simple-user`); for an anonymous union its members' names
 * (`CatOrDog`); else what labels call such a type.
 */
function nameOf(type: Type): string {
  if (type.isUnion() && type.getAliasSymbol() === undefined) {
    const names = type.getUnionTypes().filter((m) => !m.isNull() && !m.isUndefined()).map(ownName);
    return names.every((name) => name !== undefined) ? names.join('Or') : 'union';
  }
  const own = ownName(type);
  if (own !== undefined) return own;
  // Up through the unions, arrays and parentheses the literal sits in, to what declares it.
  let parent = type.getSymbol()?.getDeclarations()[0]?.getParent();
  while (parent !== undefined && (Node.isUnionTypeNode(parent) || Node.isIntersectionTypeNode(parent) || Node.isArrayTypeNode(parent) || Node.isParenthesizedTypeNode(parent))) {
    parent = parent.getParent();
  }
  if (parent !== undefined && (Node.isPropertySignature(parent) || Node.isPropertyDeclaration(parent) || Node.isTypeAliasDeclaration(parent))) {
    const name = parent.getName().replace(/^["']|["']$/g, '');
    if (name !== '') return name;
  }
  return type.isArray() ? 'array' : 'object';
}

/** The alias or interface name of a type, with its type arguments' names. */
function ownName(type: Type): string | undefined {
  const alias = type.getAliasSymbol();
  if (alias !== undefined && usable(alias.getName())) return withArguments(alias.getName(), type.getAliasTypeArguments());
  const symbol = type.getSymbol();
  if (symbol !== undefined && usable(symbol.getName())) return withArguments(symbol.getName(), type.getTypeArguments());
  return undefined;
}

function usable(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !name.startsWith('__');
}

/** `Page` with `[User]` is `Page_User`; arguments without a usable name are left out. */
function withArguments(name: string, args: readonly Type[]): string {
  const parts = args.map((arg) => arg.getAliasSymbol()?.getName() ?? arg.getSymbol()?.getName() ?? (arg.isLiteral() ? String(arg.getLiteralValue()) : arg.getText()));
  return [name, ...parts.filter((part) => /^[\w$]+$/.test(part) && !part.startsWith('__'))].join('_');
}
