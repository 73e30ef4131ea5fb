/**
 * Recognising tydantic's own declarations through the type checker: the
 * runtime gives `@model()`, `@field()` and `Model` a `'~tydantic'` property
 * type, so imports, re-exports and aliases all resolve to the same brand.
 */
import type { ClassDeclaration, ClassExpression, Decorator, Node, Type } from 'ts-morph';

const BRAND = '~tydantic';

/** The brand value a type carries (`'model'`, `'field'`, `'Model'`), if any. */
export function brandOf(type: Type, at: Node): string | undefined {
  const prop = type.getProperty(BRAND);
  if (prop === undefined) return undefined;
  const value = prop.getTypeAtLocation(at).getNonNullableType();
  return value.isStringLiteral() ? String(value.getLiteralValue()) : undefined;
}

/** A tydantic decorator, as `decoratorKind` tells them apart. */
export type DecoratorKind =
  | 'model'
  | 'settings'
  | 'field'
  | 'computed'
  | 'fieldValidator'
  | 'modelValidator'
  | 'fieldSerializer'
  | 'model-uncalled'
  | 'field-uncalled'
  | 'computed-uncalled';

/** Which tydantic decorator this is: `model`, `field`, `computed`, a validator (called), `model-uncalled` …, or undefined. */
export function decoratorKind(decorator: Decorator): DecoratorKind | undefined {
  const expr = decorator.getExpression();
  const brand = brandOf(expr.getType(), expr);
  if (brand === 'model' || brand === 'settings' || brand === 'field' || brand === 'computed' || brand === 'fieldValidator' || brand === 'modelValidator' || brand === 'fieldSerializer') return brand;
  // `@model` without parentheses: the factory itself, whose result carries the brand.
  for (const signature of expr.getType().getCallSignatures()) {
    const returned = brandOf(signature.getReturnType(), expr);
    if (returned === 'model' || returned === 'field' || returned === 'computed') return `${returned}-uncalled`;
  }
  return undefined;
}

/** True when the class (or an ancestor) extends tydantic's `Model`. */
export function extendsModel(cls: ClassDeclaration): boolean {
  const symbol = cls.getSymbol();
  if (symbol === undefined) return false;
  return brandOf(symbol.getTypeAtLocation(cls), cls) === 'Model';
}

/** The class's `@model()` (or `@settings()`) decorator, if it has one. */
export function modelDecorator(cls: ClassDeclaration | ClassExpression): Decorator | undefined {
  return cls.getDecorators().find((d) => {
    const kind = decoratorKind(d);
    return kind === 'model' || kind === 'model-uncalled' || kind === 'settings';
  });
}
