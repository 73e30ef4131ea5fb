/**
 * The compiler options of the user's project as the user's own TypeScript reads them. The compile step
 * reads the project with the TypeScript that ts-morph bundles (6.0), but the project may build with 5.x,
 * 6.x or 7.x (the native compiler, which keeps 6.0's defaults): where the defaults differ, those of the
 * project's version decide (`strict` is on by default from 6.0; `module` and `moduleResolution` defaults
 * changed too). The answers choose how the generated module imports files and whether it is CommonJS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ts } from 'ts-morph';

/** The TypeScript a project builds with: the one its folder resolves, else the bundled one. */
export interface ProjectTypeScript {
  readonly version: string;
  readonly major: number;
  /** Where it was found; `undefined` for the bundled compiler. */
  readonly from: string | undefined;
}

/** How relative imports are written: `./user`, `./user.js` (Node's ESM resolution) or `./user.ts`. */
export type ImportStyle = 'extensionless' | 'js' | 'ts';

/** What the compile step needs to know of a project's options. */
export interface EffectiveOptions {
  readonly typescript: ProjectTypeScript;
  readonly strictNullChecks: boolean;
  readonly importStyle: ImportStyle;
  /** The module format the project compiles a `.ts`/`.js` file in `dir` to. */
  readonly formatIn: (dir: string) => 'esm' | 'cjs';
}

/** The version of `typescript` that `dir` (a tsconfig's folder) resolves, as its build would. */
export function projectTypeScript(dir: string): ProjectTypeScript {
  try {
    const manifest = createRequire(path.join(dir, 'noop.js')).resolve('typescript/package.json');
    const version = String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version);
    const major = Number.parseInt(version, 10);
    if (Number.isInteger(major)) return { version, major, from: manifest };
  } catch {
    // Not installed where the project is: the bundled compiler's defaults.
  }
  return { version: ts.version, major: Number.parseInt(ts.version, 10), from: undefined };
}

const NODE_MODULES = new Set<ts.ModuleKind>([ts.ModuleKind.Node16, ts.ModuleKind.Node18, ts.ModuleKind.Node20, ts.ModuleKind.NodeNext]);
const NODE_RESOLUTION = new Set<ts.ModuleResolutionKind>([ts.ModuleResolutionKind.Node16, ts.ModuleResolutionKind.NodeNext]);

/**
 * `options` (from the tsconfig, as ts-morph parsed them) with the defaults of `typescript`'s version
 * filled in where they matter here.
 */
export function effectiveOptions(options: ts.CompilerOptions, typescript: ProjectTypeScript): EffectiveOptions {
  const modern = typescript.major >= 6;
  // 5.x: module CommonJS below an ES2015 target (ES5 by default), else ES2015; from 6.0, ES2022-style ESM.
  const module = options.module ?? (modern ? ts.ModuleKind.ES2022 : (options.target ?? ts.ScriptTarget.ES5) >= ts.ScriptTarget.ES2015 ? ts.ModuleKind.ES2015 : ts.ModuleKind.CommonJS);
  // The node16-family modules imply Node's resolution; other modules imply bundler (6.0) or node10/classic (5.x), all extensionless.
  const resolution = options.moduleResolution ?? (module === ts.ModuleKind.NodeNext ? ts.ModuleResolutionKind.NodeNext : NODE_MODULES.has(module) ? ts.ModuleResolutionKind.Node16 : undefined);
  const importStyle: ImportStyle =
    options.allowImportingTsExtensions || options.rewriteRelativeImportExtensions ? 'ts' : resolution !== undefined && NODE_RESOLUTION.has(resolution) ? 'js' : 'extensionless';
  const formatIn = (dir: string): 'esm' | 'cjs' => {
    if (NODE_MODULES.has(module)) return packageType(dir) === 'module' ? 'esm' : 'cjs';
    return module === ts.ModuleKind.CommonJS || module === ts.ModuleKind.AMD || module === ts.ModuleKind.UMD || module === ts.ModuleKind.System ? 'cjs' : 'esm';
  };
  // `strict` is on by default from 6.0.
  const strictNullChecks = options.strictNullChecks ?? options.strict ?? modern;
  return { typescript, strictNullChecks, importStyle, formatIn };
}

/** The `type` of the package.json nearest to `dir`, as Node reads it for `.js` files. */
function packageType(dir: string): string | undefined {
  return (nearestManifest(dir, () => true) as { type?: string } | undefined)?.type;
}

/**
 * The nearest package.json at or above `dir` that `accept` takes (one that cannot be read ends the search, as
 * Node's own lookup does), parsed; `undefined` when none.
 */
export function nearestManifest(dir: string, accept: (manifest: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  for (let at = path.resolve(dir); ; ) {
    const file = path.join(at, 'package.json');
    if (existsSync(file)) {
      let manifest: Record<string, unknown>;
      try {
        manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch {
        return undefined;
      }
      if (accept(manifest)) return manifest;
    }
    const up = path.dirname(at);
    if (up === at) return undefined;
    at = up;
  }
}

/** The module format of the generated file `outFile`: its extension decides where it can, else the project. */
export function outputFormat(outFile: string, options: EffectiveOptions): 'esm' | 'cjs' {
  if (/\.c[jt]s$/.test(outFile)) return 'cjs';
  if (/\.m[jt]s$/.test(outFile)) return 'esm';
  return options.formatIn(path.dirname(outFile));
}

/** The specifier of `file` from a module in `fromDir`, written as the project resolves it. */
export function relativeSpecifier(fromDir: string, file: string, style: ImportStyle): string {
  let rel = path.relative(fromDir, file).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  if (style === 'ts') return rel;
  if (style === 'js') return rel.replace(/\.tsx?$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs');
  return rel.replace(/\.tsx?$/, '').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs');
}
