/**
 * Validators: static methods of a model class decorated with
 * `@fieldValidator('name', { mode })` or `@modelValidator({ mode })`. The
 * compile step reads the decorator arguments; generated code calls the
 * methods.
 */
import { type ClassDeclaration, type Expression, type MethodDeclaration, Node, type Type } from 'ts-morph';
import type { ValidatorIR } from '../ir';
import { decoratorKind } from './brand';

/** A problem at a node, with a hint. */
type Report = (node: Node, message: string, hint: string) => void;

/** The validators a class chain declares: the model's own, and each field's by field name. */
export interface Validators {
  readonly model: ValidatorIR[];
  readonly fields: Map<string, ValidatorIR[]>;
  /** Where each field validator names its fields, to report names that are not fields. */
  readonly named: { readonly field: string; readonly node: Node }[];
  /** Field serializers by field name, with their methods (for the return type). */
  readonly serializers: Map<string, { readonly method: MethodDeclaration; readonly mode: 'plain' | 'wrap' }>;
}

/** Reads the validator methods of `chain` (base classes first). */
export function readValidators(chain: readonly ClassDeclaration[], report: Report): Validators {
  const found: Validators = { model: [], fields: new Map(), named: [], serializers: new Map() };
  for (const owner of chain) {
    for (const method of owner.getMethods()) {
      for (const decorator of method.getDecorators()) {
        const kind = decoratorKind(decorator);
        if (kind === 'fieldSerializer') {
          if (!checkMethod(method, report)) continue;
          const args = decorator.getArguments() as Expression[];
          const mode = readSerializerMode(args[1], report);
          if (mode === undefined) continue;
          for (const [field, node] of readFieldNames(args[0], decorator, report)) {
            found.named.push({ field, node });
            // A subclass's serializer replaces its base's.
            found.serializers.set(field, { method, mode });
          }
          continue;
        }
        if (kind !== 'fieldValidator' && kind !== 'modelValidator') continue;
        if (!checkMethod(method, report)) continue;
        const args = decorator.getArguments() as Expression[];
        const options = kind === 'fieldValidator' ? args[1] : args[0];
        const mode = readMode(options, report);
        if (mode === undefined) continue;
        if (kind === 'modelValidator' && (mode === 'plain' || mode === 'wrap')) {
          report(options ?? decorator, `: a model validator runs before or after the model's fields, not '${mode}'`, "write { mode: 'before' } or { mode: 'after' }");
          continue;
        }
        const validator: ValidatorIR = { method: method.getName(), mode };
        if (kind === 'modelValidator') {
          found.model.push(validator);
          continue;
        }
        for (const [field, node] of readFieldNames(args[0], decorator, report)) {
          found.named.push({ field, node });
          found.fields.set(field, [...(found.fields.get(field) ?? []), validator]);
        }
      }
    }
  }
  return found;
}

/** True for a decorator a validator (or serializer) method may carry. */
export function isValidatorDecorator(kind: ReturnType<typeof decoratorKind>): boolean {
  return kind === 'fieldValidator' || kind === 'modelValidator' || kind === 'fieldSerializer';
}

function readSerializerMode(options: Expression | undefined, report: Report): 'plain' | 'wrap' | undefined {
  if (options === undefined) return 'plain';
  const prop = Node.isObjectLiteralExpression(options) ? options.getProperties() : undefined;
  const only = prop?.length === 1 && Node.isPropertyAssignment(prop[0]) && prop[0].getName() === 'mode' ? prop[0].getInitializer()?.getType() : undefined;
  const text = only?.isStringLiteral() ? only.getLiteralValue() : undefined;
  if (prop?.length === 0) return 'plain';
  if (text === 'plain' || text === 'wrap') return text;
  report(options, ': the only serializer option is mode', "write { mode: 'plain' } or { mode: 'wrap' }");
  return undefined;
}

function checkMethod(method: MethodDeclaration, report: Report): boolean {
  const name = method.getName();
  if (!method.isStatic()) {
    report(method.getNameNode(), `.${name}: a validator must be a static method`, `write static ${name}(value, info)`);
    return false;
  }
  if (Node.isPrivateIdentifier(method.getNameNode()) || Node.isComputedPropertyName(method.getNameNode())) {
    report(method.getNameNode(), `.${name}: a validator needs a plain name the generated code can call`, 'use a plain static method name');
    return false;
  }
  // parse is synchronous: a Promise would land in the field, and a rejection would go unseen (and crash Node).
  if (method.isAsync() || thenable(method.getReturnType())) {
    report(
      method.getNameNode(),
      `.${name}: a validator must be synchronous, but it ${method.isAsync() ? 'is async' : `returns '${method.getReturnType().getText(method)}'`}`,
      'parse runs validators synchronously: do the asynchronous work (a database lookup …) before parse or after it',
    );
    return false;
  }
  return true;
}

/** True when a value of `type` may be a Promise or another thenable (a union any of whose members has `then`). */
function thenable(type: Type): boolean {
  if (type.isUnion()) return type.getUnionTypes().some(thenable);
  return !type.isAny() && !type.isUnknown() && type.getProperty('then') !== undefined;
}

const MODES = ['before', 'after', 'plain', 'wrap'] as const;

function readMode(options: Expression | undefined, report: Report): ValidatorIR['mode'] | undefined {
  if (options === undefined) return 'after';
  if (!Node.isObjectLiteralExpression(options)) {
    report(options, ': validator options must be an object literal', "write { mode: 'before' }, 'after', 'plain' or 'wrap'");
    return undefined;
  }
  let mode: ValidatorIR['mode'] = 'after';
  for (const prop of options.getProperties()) {
    const value = Node.isPropertyAssignment(prop) ? prop.getInitializer()?.getType() : undefined;
    const text = value?.isStringLiteral() ? value.getLiteralValue() : undefined;
    const known = MODES.find((m) => m === text);
    if (!Node.isPropertyAssignment(prop) || prop.getName() !== 'mode' || known === undefined) {
      report(prop, ': the only validator option is mode', "write { mode: 'before' }, 'after', 'plain' or 'wrap'");
      return undefined;
    }
    mode = known;
  }
  return mode;
}

function readFieldNames(arg: Expression | undefined, at: Node, report: Report): [string, Node][] {
  const items = arg !== undefined && Node.isArrayLiteralExpression(arg) ? arg.getElements() : arg === undefined ? [] : [arg];
  const names: [string, Node][] = [];
  for (const item of items) {
    const type = item.getType();
    if (!type.isStringLiteral()) {
      report(item, ': a field validator names its fields as string literals', "write @fieldValidator('name') or @fieldValidator(['a', 'b'])");
      continue;
    }
    names.push([String(type.getLiteralValue()), item]);
  }
  if (arg === undefined) report(at, ': a field validator names the fields it validates', "write @fieldValidator('name')");
  return names;
}
