/**
 * Which functions can recur. A model or definition whose types lead back to
 * itself (through models and definitions) is `cyclic`: input can nest its
 * values without end, and a cyclic object would loop. Its functions, and
 * those of every model or definition that reaches one (`reaching`), count
 * the values of recursive types nested so far: the checks and builds through
 * a parameter (`r`, how many may still nest), parse through `c.stack` (the
 * values themselves, which also tells a cycle). Both count the same entries,
 * so `is` and `parse` agree on where the limit falls.
 */
import { type ProjectIR, refsIn, type TypeNode } from '../ir';

/** How a model's or definition's functions take part in recursion; undefined when they cannot recur. */
export type Recursion = 'cyclic' | 'reaching' | undefined;

/** The recursion of every model and definition that has one, by id. */
export function recursionOf(ir: ProjectIR): ReadonlyMap<string, 'cyclic' | 'reaching'> {
  const refs = new Map<string, string[]>();
  for (const model of ir.models) refs.set(model.id, model.fields.flatMap((f) => typeRefs(f.type)));
  for (const definition of ir.definitions) refs.set(definition.id, typeRefs(definition.type));
  const reach = (from: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [...(refs.get(from) ?? [])];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      todo.push(...(refs.get(id) ?? []));
    }
    return seen;
  };
  const reached = new Map([...refs.keys()].map((id) => [id, reach(id)]));
  const out = new Map<string, 'cyclic' | 'reaching'>();
  for (const [id, ids] of reached) {
    if (ids.has(id)) out.set(id, 'cyclic');
    else if ([...ids].some((other) => reached.get(other)?.has(other) === true)) out.set(id, 'reaching');
  }
  return out;
}

/** The ids of the models and definitions a type names, at any depth (map keys included). */
function typeRefs(node: TypeNode): string[] {
  return refsIn(node).map((n) => n.ref);
}
