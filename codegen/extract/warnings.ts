/**
 * Compile-time warnings: problems that do not stop the compile step, reported where the field is declared:
 * a user `pattern` that V8's backtracking engine can take more than linear time on (redos.ts), and a union
 * member that smart mode never chooses because a member before it accepts all its values.
 */
import type { Diagnostic } from '../diagnostics';
import { childrenOf, label, type ModelIR, type ProjectIR, type SourceLoc, type TypeNode } from '../ir';
import { backtracking } from './redos';

/** A warning for each user pattern that backtracks, once per place and pattern, and for each unreachable union member. */
export function patternWarnings(ir: ProjectIR): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const seen = new Set<string>();
  const models = new Map<string, ModelIR>(ir.models.map((m) => [m.id, m]));
  const walk = (node: TypeNode, loc: SourceLoc, where: string): void => {
    if (node.kind === 'union') {
      node.members.forEach((member, j) => {
        const before = node.members.slice(0, j).find((earlier) => covers(earlier, member));
        if (before === undefined) return;
        const [shown, wider] = [label(member, models), label(before, models)];
        warnings.push({
          loc,
          message: `${where}: the union member '${shown}' is never chosen: '${wider}' comes before it and accepts all its values (smart mode takes the first member a value fits)`,
          hint: `write '${shown}' before '${wider}', or remove it`,
        });
      });
    }
    if (node.kind === 'string') {
      for (const c of node.constraints) {
        // A template literal type's pattern is matched by a linear matcher: only user patterns run in a regex engine.
        if (c.kind !== 'pattern' || c.templates !== undefined) continue;
        const key = `${loc.file}:${loc.line}:${loc.column}:${c.source}/${c.flags}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const found = backtracking(c.source, c.flags);
        if (found === undefined) continue;
        warnings.push({
          loc,
          message: `${where}: pattern '${c.source}' can take ${found.kind} time on some inputs: '${found.part}' backtracks${found.pump === undefined ? '' : ` (try '${found.pump}' repeated, then a character that fails)`}`,
          hint: `${found.hint}; or install a linear engine with setRegexEngine (docs/security.md)`,
        });
      }
    }
    if (node.kind === 'object') {
      // A property of an object type is reported where it is declared.
      for (const field of node.fields) walk(field.type, field.loc, `${where}.${field.name}`);
      if (node.rest !== undefined) walk(node.rest, loc, where);
      return;
    }
    for (const child of childrenOf(node)) walk(child, loc, where);
  };
  for (const model of ir.models) for (const field of model.fields) walk(field.type, field.loc, `${model.name}.${field.name}`);
  for (const definition of ir.definitions) walk(definition.type, definition.loc, definition.name);
  return warnings;
}

/**
 * True when every value `later` accepts strictly, `earlier` accepts too: a plain `string` before a refined
 * one (`Email`, a pattern, a length), a plain `number` before an `Int` or a bounded number, or the same type twice.
 */
function covers(earlier: TypeNode, later: TypeNode): boolean {
  if (JSON.stringify(earlier) === JSON.stringify(later)) return true;
  if (earlier.kind === 'string' && earlier.constraints.length === 0) return later.kind === 'string' || (later.kind === 'literal' && later.values.every((v) => typeof v === 'string'));
  if (earlier.kind === 'number' && earlier.constraints.length === 0) return later.kind === 'number' || (later.kind === 'literal' && later.values.every((v) => typeof v === 'number'));
  return false;
}
