/**
 * Real-world types corpus: JavaScript syntax trees, typed by @types/estree.
 *
 * `Program`, `Expression`, `Statement` and `Node` are large discriminated unions (on `type`) of
 * mutually recursive interfaces. Samples: ASTs that acorn produces for JavaScript files shipped
 * in node_modules (see samples.ts for how acorn's output differs from @types/estree).
 */
import { Model, model } from 'tydantic';
import type { Expression, Node, Program, Statement } from 'estree';

/** A whole parsed file (script or module). */
@model()
export class ParsedProgram extends Model {
  program!: Program;
}

/** One expression. */
@model()
export class ParsedExpression extends Model {
  expression!: Expression;
}

/** The statements of a function body. */
@model()
export class ParsedStatements extends Model {
  statements!: Statement[];
}

/** Any ESTree node. */
@model()
export class AnyNode extends Model {
  node!: Node;
}
