/**
 * Lowers the decorators of one TypeScript file with the TypeScript compiler, for bundlers that
 * leave them as written (Vite 8's Oxc transform keeps TC39 decorators, and no runtime runs those
 * yet). The build plugins call it on the files that declare models; everything else in the file
 * keeps its syntax up to ES2022, and types are stripped as any TypeScript transform does.
 */
import { ts } from 'ts-morph';

/** The JavaScript and its source map, or `undefined` when the file has no decorator to lower. */
export interface Lowered {
  readonly code: string;
  readonly map: string;
}

/** A decorator at the start of a line or after `export`/`{`/`;`: cheap enough to run on every file. */
const MAYBE_DECORATED = /(?:^|[\s{;(])@[A-Za-z_$]/;

/**
 * `code` (the TypeScript of `fileName`) with its decorators lowered, as `tsc` would with `target`
 * ES2022 and the project's decorator mode (`experimentalDecorators` keeps the legacy semantics).
 */
export function lowerDecorators(code: string, fileName: string, options: { readonly experimentalDecorators?: boolean | undefined; readonly useDefineForClassFields?: boolean | undefined } = {}): Lowered | undefined {
  if (!MAYBE_DECORATED.test(code)) return undefined;
  const out = ts.transpileModule(code, {
    fileName,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
      inlineSources: true,
      // Imports stay as written: the bundler resolves them, and one that names only types goes.
      verbatimModuleSyntax: false,
      isolatedModules: true,
      experimentalDecorators: options.experimentalDecorators === true,
      emitDecoratorMetadata: false,
      ...(options.useDefineForClassFields === undefined ? {} : { useDefineForClassFields: options.useDefineForClassFields }),
    },
    reportDiagnostics: false,
  });
  // No helper call in the output: the `@` was in a string or comment, and the bundler's own transform is enough.
  if (!/__esDecorate|__decorate\(/.test(out.outputText)) return undefined;
  return { code: out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map: out.sourceMapText ?? '' };
}
