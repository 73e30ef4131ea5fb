/**
 * Which definitions keep functions of their own. Extraction makes every
 * object type (and every union that can nest in itself) a definition
 * (definitions.ts). Here:
 * - copies of one definition (an incremental run converts again a type a
 *   kept model already refers to) are merged: same name, same IR;
 * - small definitions (`Cat | Dog` of models) and those used in exactly one place are written back where they are used, so
 *   the IR reads as the type was written;
 * - the others, used in several places or recursive, stay definitions, each
 *   emitted once and called, and are ordered and named from the models that
 *   use them, whatever order extraction met them in.
 * Generated size then grows with the number of distinct types, not with the
 * number of paths through them.
 */
import { childrenOf, type DefinitionIR, mapChildren, type ModelIR, type ProjectIR, refsIn, same, type TypeNode, withType } from '../ir';
import { Names, RUNTIME_HELPERS } from '../names';

/** A definition of at most this many type nodes, and no object type or reference, is small: written in place at each use. */
const SMALL = 8;

/**
 * A definition used once goes in place only while what it holds in place stays under this many type nodes and
 * fields (about 60 fields of scalars): no generated function grows past a few tens of kilobytes, which V8 still
 * optimizes, whatever size of type a package declares inline.
 */
const LARGE = 120;

/** `ir` with its definitions shared as the module says (the same objects where nothing changes). */
export function shareTypes(ir: ProjectIR): ProjectIR {
  if (ir.definitions.length === 0) return ir;
  const merged = merge(ir.definitions);
  const byId = new Map(ir.definitions.map((d) => [d.id, d]));
  const defs = ir.definitions.filter((d) => merged.get(d.id) === d.id);
  const target = (id: string): DefinitionIR => byId.get(merged.get(id) ?? id)!;

  // Small ones go in place at every use; one that recurs cannot.
  const recursive = selfReaching(defs, (id) => merged.get(id) ?? id);
  const everywhere = new Set(defs.filter((d) => !recursive.has(d.id) && isSmall(d.type)).map((d) => d.id));
  // Uses as the output will have them: a small definition's parts are used once per place it goes in.
  const uses = new Map<string, number>();
  const count = (node: TypeNode): void => {
    if (node.kind === 'ref') {
      const d = target(node.ref);
      if (everywhere.has(d.id)) count(d.type);
      else uses.set(d.id, (uses.get(d.id) ?? 0) + 1);
      return;
    }
    for (const child of childrenOf(node)) count(child);
  };
  forEachType(ir.models, count);
  for (const d of defs) if (!everywhere.has(d.id)) count(d.type);
  // A definition used once, with what it holds in place in turn, while that is not large. A cycle always keeps
  // one of its definitions (it is entered from outside, so one has two uses), where the measure stops.
  const placedSize = new Map<string, number>();
  const sizeIn = (node: TypeNode): number => {
    if (node.kind === 'ref') return inline(target(node.ref).id) ? sizeOf(target(node.ref).id) : 1;
    return 1 + (node.kind === 'object' ? node.fields.length : 0) + childrenOf(node).reduce((n, child) => n + sizeIn(child), 0);
  };
  const sizeOf = (id: string): number => {
    let size = placedSize.get(id);
    if (size === undefined) placedSize.set(id, (size = sizeIn(byId.get(id)!.type)));
    return size;
  };
  const inline = (id: string): boolean => everywhere.has(id) || (uses.get(id) === 1 && sizeOf(id) <= LARGE);

  // The kept definitions in the order a walk from the models completes them, each named in that order.
  const order: DefinitionIR[] = [];
  const visited = new Set<string>();
  const walk = (node: TypeNode): void => {
    if (node.kind === 'ref') {
      const d = target(node.ref);
      if (visited.has(d.id)) return;
      visited.add(d.id);
      walk(d.type);
      if (!inline(d.id)) order.push(d);
      return;
    }
    for (const child of childrenOf(node)) walk(child);
  };
  forEachType(ir.models, walk);
  const ids = new Names([...RUNTIME_HELPERS, ...ir.models.map((m) => m.id)]);
  const named = new Map(order.map((d) => [d.id, ids.fresh(d.name)]));

  const place = (node: TypeNode): TypeNode => {
    if (node.kind !== 'ref') return mapChildren(node, place);
    const d = target(node.ref);
    if (inline(d.id)) return place(d.type);
    const id = named.get(d.id)!;
    return id === node.ref && d.name === node.name ? node : { kind: 'ref', ref: id, name: d.name };
  };
  const placeAll = <F extends { readonly type: TypeNode }>(items: readonly F[]): readonly F[] => same(items, items.map((f) => withType(f, place(f.type))));
  const models = same(
    ir.models,
    ir.models.map((model) => {
      const fields = placeAll(model.fields);
      const computed = model.computed === undefined ? undefined : placeAll(model.computed);
      return fields === model.fields && computed === model.computed ? model : { ...model, fields, ...(computed === undefined ? {} : { computed }) };
    }),
  );
  const definitions = order.map((d) => ({ ...withType(d, place(d.type)), id: named.get(d.id)! }));
  return { models: models as readonly ModelIR[], definitions };
}

/**
 * Definitions that are the same, by id: each to the first of its kind. Same means the same name and the same
 * IR once the ids of definitions are set aside, with the definitions referred to the same in turn (found by
 * splitting groups until no group splits: copies of a recursive definition are the same too).
 */
function merge(definitions: readonly DefinitionIR[]): ReadonlyMap<string, string> {
  const refs = new Map(definitions.map((d) => [d.id, refIds(d.type)]));
  let group = new Map<string, string>();
  const shapes = new Map<string, string>();
  for (const d of definitions) {
    const shape = `${d.name}\0${JSON.stringify(d.type, function (this: { kind?: unknown }, key, value: unknown) {
      return key === 'ref' && this.kind === 'ref' ? '' : value;
    })}`;
    if (!shapes.has(shape)) shapes.set(shape, String(shapes.size));
    group.set(d.id, shapes.get(shape)!);
  }
  for (let size = shapes.size; ; ) {
    const signatures = new Map<string, string>();
    const next = new Map<string, string>();
    for (const d of definitions) {
      const signature = `${group.get(d.id)}:${refs.get(d.id)!.map((id) => group.get(id) ?? id).join(',')}`;
      if (!signatures.has(signature)) signatures.set(signature, String(signatures.size));
      next.set(d.id, signatures.get(signature)!);
    }
    group = next;
    if (signatures.size === size) break;
    size = signatures.size;
  }
  const first = new Map<string, string>();
  const out = new Map<string, string>();
  for (const d of definitions) {
    const g = group.get(d.id)!;
    if (!first.has(g)) first.set(g, d.id);
    out.set(d.id, first.get(g)!);
  }
  return out;
}

/** The ids of the definitions a type refers to, in order. */
function refIds(node: TypeNode): string[] {
  return refsIn(node).flatMap((n) => (n.kind === 'ref' ? [n.ref] : []));
}

/** The definitions that reach themselves through definitions (through a model does not count: it is a function of its own). */
function selfReaching(definitions: readonly DefinitionIR[], id: (ref: string) => string): ReadonlySet<string> {
  const refs = new Map(definitions.map((d) => [d.id, refIds(d.type).map(id)]));
  const out = new Set<string>();
  for (const d of definitions) {
    const seen = new Set<string>();
    const todo = [...refs.get(d.id)!];
    for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
      if (next === d.id) {
        out.add(d.id);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(refs.get(next) ?? []));
    }
  }
  return out;
}

/**
 * A type of few nodes, no object type and no reference (`Cat | Dog` of models): cheaper written in place than
 * called, and placing it puts no definition it names in more places.
 */
function isSmall(node: TypeNode): boolean {
  let size = 0;
  const visit = (n: TypeNode): boolean => ++size <= SMALL && n.kind !== 'object' && n.kind !== 'ref' && childrenOf(n).every(visit);
  return visit(node);
}

function forEachType(models: readonly ModelIR[], f: (node: TypeNode) => void): void {
  for (const model of models) {
    for (const field of model.fields) f(field.type);
    for (const getter of model.computed ?? []) f(getter.type);
  }
}


