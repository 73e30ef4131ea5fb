/**
 * Finding models: the `@model()` classes of one source file, the generic
 * ones (templates for concrete subclasses), and what is wrong with the rest.
 */
import { type ClassDeclaration, type Node, type SourceFile, SyntaxKind } from 'ts-morph';
import type { Diagnostic } from '../diagnostics';
import type { SourceLoc } from '../ir';
import { decoratorKind, extendsModel, modelDecorator } from './brand';

/** The model classes and generic model classes of a file, in source order, and the problems found. */
export interface Found {
  readonly models: readonly ClassDeclaration[];
  readonly templates: readonly ClassDeclaration[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads the classes of one file. */
export function discover(file: SourceFile, where: (node: Node) => SourceLoc): Found {
  const diagnostics: Diagnostic[] = [];
  const models: ClassDeclaration[] = [];
  const templates: ClassDeclaration[] = [];
  const topLevel = new Set<Node>(file.getClasses());
  for (const nested of [...file.getDescendantsOfKind(SyntaxKind.ClassDeclaration), ...file.getDescendantsOfKind(SyntaxKind.ClassExpression)]) {
    if (topLevel.has(nested) || modelDecorator(nested) === undefined) continue;
    diagnostics.push({
      loc: where(nested.getNameNode() ?? nested),
      message: `${nested.getName() ?? 'a class expression'}: a model must be a top-level class declaration, so the generated module can import it`,
      hint: 'move the class to the top level of its module and export it',
    });
  }
  for (const cls of file.getClasses()) {
    const decorator = modelDecorator(cls);
    const name = cls.getName() ?? 'default export';
    if (decorator === undefined) {
      if (extendsModel(cls) && !cls.isAbstract()) {
        diagnostics.push({
          loc: where(cls.getNameNode() ?? cls),
          message: `${name} extends Model but has no @model() decorator, so no validator is generated for it`,
          hint: 'add @model() above the class (or make it abstract if it is only a base class)',
        });
      }
      continue;
    }
    if (decoratorKind(decorator) === 'model-uncalled') {
      diagnostics.push({ loc: where(decorator), message: `${name}: @model must be called`, hint: 'write @model()' });
    } else if (!extendsModel(cls)) {
      diagnostics.push({
        loc: where(cls.getNameNode() ?? cls),
        message: `${name} is decorated with @model() but does not extend Model`,
        hint: `write class ${name} extends Model (import { Model } from 'tydantic')`,
      });
    } else if (cls.getName() === undefined) {
      diagnostics.push({ loc: where(cls), message: 'a model class needs a name', hint: 'name the class' });
    } else if (cls.getTypeParameters().length > 0) {
      // A generic model is a template: its concrete subclasses are the models.
      templates.push(cls);
    } else {
      models.push(cls);
    }
  }
  return { models, templates, diagnostics };
}
