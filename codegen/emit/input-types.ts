/**
 * The input types of a TypeScript module: what a client may send to each model, which only the compile step
 * knows (the type system cannot see initializers or aliases). The module declares one type per model and
 * shared definition, and registers each model's in the runtime's `ModelInputs` interface, which
 * `Input<typeof M>` and `~standard`'s types read.
 */
import type { FieldIR, ProjectIR, TypeNode } from '../ir';
import { assertNever, hasDefault, inputKeysOf } from '../ir';
import type { Names } from '../names';
import { lit } from './code';

/**
 * The declarations: `type XInput = …` per model and definition, then the augmentation of `runtime` (the
 * runtime's main entry). Generic models get a type (fields use it) but no entry: their class stands for every
 * type argument.
 */
export function emitInputTypes(ir: ProjectIR, names: Names, runtime: string, specifier: (module: string) => string): string {
  const alias = new Map<string, string>();
  for (const item of [...ir.models, ...ir.definitions]) alias.set(item.id, names.fresh(`${item.id}Input`));
  const lines: string[] = ['', '// What a client may send to each model: `Input<typeof Model>` and `Model[\'~standard\']` read these.'];
  for (const model of ir.models) lines.push(`type ${alias.get(model.id)!} = ${objectType(model.fields, lax(model.strict), alias, model.extra === 'allow')};`);
  for (const definition of ir.definitions) lines.push(`type ${alias.get(definition.id)!} = ${typeText(definition.type, true, alias)};`);
  // A validator is no class: its type is the one its `validator<T>()` names.
  const entries = ir.models.filter((m) => m.generic !== true && m.validator !== true);
  if (entries.length > 0) {
    lines.push(`declare module ${lit(runtime)} {`);
    lines.push('  interface ModelInputs {');
    // Keyed by the import specifier and export name: two generated modules in one program (two projects) add
    // different keys. The instance type through `typeof`: a CommonJS module binds the classes as values only.
    for (const model of entries) lines.push(`    ${lit(`${specifier(model.module)}#${model.exportName}`)}: [InstanceType<typeof ${model.id}>, ${alias.get(model.id)!}];`);
    lines.push('  }');
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

/** Strictness as the model or field states it: lax unless it says strict. */
const lax = (strict: boolean | undefined): boolean => strict !== true;

function objectType(fields: readonly FieldIR[], isLax: boolean, alias: ReadonlyMap<string, string>, open: boolean, rest?: string): string {
  const parts = fields.flatMap((f) => {
    // Alias choices: any one key may hold the value, so the type (which cannot say "one of") makes each optional.
    const keys = inputKeysOf(f, false);
    const optional = f.optional || hasDefault(f) || keys.length > 1;
    const type = typeText(f.type, f.strict === undefined ? isLax : lax(f.strict), alias, f.coerceNumbersToStr === true);
    return keys.map((key) => `${propertyKey(key)}${optional ? '?' : ''}: ${type}`);
  });
  if (rest !== undefined) parts.push(`[key: string]: ${rest}`);
  else if (open) parts.push('[key: string]: unknown');
  return parts.length === 0 ? '{}' : `{ ${parts.join('; ')} }`;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : lit(key);
}

/** A type node as a TypeScript type of what parse accepts for it (lax: the string forms lax mode converts too). */
function typeText(node: TypeNode, isLax: boolean, alias: ReadonlyMap<string, string>, numbersToString = false): string {
  const inner = (child: TypeNode): string => typeText(child, isLax, alias);
  switch (node.kind) {
    case 'string':
      return numbersToString && isLax ? 'string | number' : 'string';
    case 'number':
      return isLax ? 'number | `${number}`' : 'number';
    case 'boolean':
      return isLax ? 'boolean | "true" | "false"' : 'boolean';
    case 'bigint':
      return isLax ? 'bigint | number | `${bigint}`' : 'bigint';
    case 'unknown':
      return 'unknown';
    case 'nonNullish':
      return '{}';
    case 'nonPrimitive':
      return 'object';
    case 'null':
      return 'null';
    case 'undefined':
      return 'undefined';
    case 'literal':
      return node.values.map((v) => (typeof v === 'string' ? lit(v) : String(v))).join(' | ');
    case 'date':
      // JSON has no dates: ISO 8601 text is what parseJSON (and lax mode) reads.
      return 'Date | string';
    case 'regexp':
      return 'RegExp';
    case 'bytes':
      // JSON has no bytes: base64 text is what parseJSON (and lax mode) reads.
      return 'Uint8Array | string';
    case 'array':
      return `Array<${inner(node.items)}>`;
    case 'set':
      return `Set<${inner(node.items)}> | Array<${inner(node.items)}>`;
    case 'map':
      return `Map<${inner(node.key)}, ${inner(node.value)}> | Array<[${inner(node.key)}, ${inner(node.value)}]> | { [key: string]: ${inner(node.value)} }`;
    case 'tuple': {
      const elements = node.elements.map((e, i) => (i >= node.required ? `(${inner(e)})?` : inner(e)));
      if (node.rest !== undefined) elements.push(`...Array<${inner(node.rest)}>`);
      return `[${elements.join(', ')}]`;
    }
    case 'model':
      return alias.get(node.ref) ?? 'unknown';
    case 'ref':
      return alias.get(node.ref) ?? 'unknown';
    case 'object':
      return objectType(node.fields, isLax, alias, node.extra === 'allow', node.rest === undefined ? undefined : node.restKey === undefined ? inner(node.rest) : 'unknown');
    case 'nullable':
      return `${inner(node.type)} | null`;
    case 'secret': {
      // The value, or a Secret holding one (structurally: the module needs no import for it).
      const value = inner(node.type);
      return `${value} | { reveal(): ${value} }`;
    }
    case 'union':
      return node.members.map(inner).join(' | ');
    default:
      return assertNever(node);
  }
}
