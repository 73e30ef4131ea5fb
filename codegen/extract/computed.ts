/**
 * Computed fields: instance getters marked `@computed()`. Their return types
 * are converted like field types, so emitters know how to dump their values.
 */
import { type ClassDeclaration, type GetAccessorDeclaration, Node, type Type } from 'ts-morph';
import type { ComputedIR } from '../ir';
import { decoratorKind } from './brand';
import { OptionError, readComputedOptions } from './options';
import { convertFieldType, type TypeScope, Unsupported } from './types';

/** Reports a problem at a node (the caller puts the model's name in front). */
export type Report = (node: Node, message: string, hint: string) => void;

/** The IR of a getter marked `@computed()`; undefined when it is not one, or after reporting why it cannot be. */
export function extractComputed(
  cls: ClassDeclaration,
  instanceType: Type,
  getter: GetAccessorDeclaration,
  scope: TypeScope,
  report: Report,
): ComputedIR | undefined {
  const decorator = getter.getDecorators().find((d) => {
    const kind = decoratorKind(d);
    return kind === 'computed' || kind === 'computed-uncalled';
  });
  if (decorator === undefined) return undefined;
  const name = getter.getName();
  if (decoratorKind(decorator) === 'computed-uncalled') {
    report(decorator, `.${name}: @computed must be called`, 'write @computed()');
    return undefined;
  }
  const nameNode = getter.getNameNode();
  if (Node.isPrivateIdentifier(nameNode) || Node.isComputedPropertyName(nameNode)) {
    report(nameNode, `.${name}: a computed field needs a plain name, which is its output key`, 'name the getter with an identifier');
    return undefined;
  }
  const syntax = getter.getReturnTypeNode();
  const type = instanceType.getProperty(name)?.getTypeAtLocation(cls) ?? getter.getReturnType();
  try {
    const converted = convertFieldType(type, scope, syntax);
    const options = readComputedOptions(decorator);
    const docs = getter
      .getJsDocs()
      .map((doc) => doc.getDescription().trim())
      .filter((text) => text !== '')
      .join('\n');
    const description = options.description ?? (docs === '' ? undefined : docs);
    return {
      name,
      type: converted.node,
      optional: converted.optional,
      ...(description === undefined ? {} : { description }),
      loc: scope.locate(nameNode),
    };
  } catch (error) {
    if (error instanceof Unsupported) report(syntax ?? nameNode, `.${name}: ${error.what}`, error.hint);
    else if (error instanceof OptionError) report(error.node, `.${name}: ${error.message}`, error.hint);
    else throw error;
    return undefined;
  }
}
