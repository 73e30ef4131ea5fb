/**
 * The compile step as a library: load a tsconfig, extract the IR, emit the
 * entry module. Nothing here writes files; the CLI does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Diagnostic } from './diagnostics';
import { patternWarnings } from './extract/warnings';
import { BlockCache } from './emit/blocks';
import { emitModule } from './emit/module';
import { type ExtractResult, Extractor } from './extract/index';
import type { ProjectIR } from './ir';

/** Where to read the project and write the module. */
export interface GenerateOptions {
  /** Path of the tsconfig.json. */
  readonly project: string;
  /**
   * The output file (`.ts` for TypeScript, `.js`/`.mjs` for JavaScript), relative to the tsconfig's folder;
   * default `tydantic.gen.ts` in the tsconfig's `rootDir` when it sets one, else beside the tsconfig.
   */
  readonly out?: string;
  /** Import specifier of the runtime helpers; default `tydantic/internal`. */
  readonly runtime?: string;
  /** Prepare for `Generator.update` (as `--watch` does): each run also notes what every model was read from. */
  readonly incremental?: boolean;
}

/** The generated module, or the diagnostics that prevent it. */
export interface GenerateResult {
  readonly outFile: string;
  readonly ir: ProjectIR;
  readonly diagnostics: readonly Diagnostic[];
  /** Problems that do not stop the compile step (a user pattern that backtracks: see extract/warnings.ts). */
  readonly warnings: readonly Diagnostic[];
  /** The module text; empty when there are diagnostics. */
  readonly code: string;
}

/** A loaded project that can be regenerated after files change (for `--watch`). */
export class Generator {
  readonly project: Project;
  readonly root: string;
  readonly outFile: string;
  private readonly runtime: string;
  /** The extraction, which remembers what it read (with `incremental`). */
  readonly extractor: Extractor;
  /** With `incremental`, each model's emitted block, reused in the next module while nothing it depends on changed. */
  readonly blocks: BlockCache | undefined;

  constructor(options: GenerateOptions) {
    const tsconfig = path.resolve(options.project);
    this.root = path.dirname(tsconfig);
    this.runtime = options.runtime ?? 'tydantic/internal';
    this.project = new Project({ tsConfigFilePath: tsconfig });
    // A module outside rootDir would not compile with the project.
    const rootDir = this.project.getCompilerOptions().rootDir;
    this.outFile = path.resolve(this.root, options.out ?? path.join(rootDir ?? '.', 'tydantic.gen.ts'));
    this.extractor = new Extractor(this.project, this.root, new Set([this.outFile]), options.incremental === true);
    this.blocks = options.incremental === true ? new BlockCache() : undefined;
  }

  /** Extracts and emits from the project's current state. */
  run(): GenerateResult {
    return this.emit(this.extractor.run());
  }

  /**
   * Reads the given files again from disk (changed, added or deleted ones)
   * and regenerates. With `incremental`, only the models that read them are
   * extracted again; the result is the same as `run()`'s.
   */
  update(files: Iterable<string>): GenerateResult {
    const changed = [...new Set([...files].map((file) => path.resolve(file)))];
    for (const file of changed) {
      const existing = this.project.getSourceFile(file);
      if (!existsSync(file)) {
        if (existing !== undefined) this.project.removeSourceFile(existing);
      } else if (existing !== undefined) {
        existing.refreshFromFileSystemSync();
      } else {
        this.project.addSourceFileAtPathIfExists(file);
      }
    }
    return this.emit(this.extractor.run(changed));
  }

  private emit({ ir, diagnostics }: ExtractResult): GenerateResult {
    if (diagnostics.length > 0) return { outFile: this.outFile, ir, diagnostics, warnings: [], code: '' };
    const ts = /\.[cm]?tsx?$/.test(this.outFile);
    const outDir = path.dirname(this.outFile);
    const style = importStyle(this.project.getCompilerOptions());
    const code = emitModule(ir, {
      ts,
      runtime: this.runtime,
      specifier: (module) => specifier(outDir, path.resolve(this.root, module), style),
      ...(this.blocks === undefined ? {} : { cache: this.blocks }),
    });
    return { outFile: this.outFile, ir, diagnostics, warnings: patternWarnings(ir), code };
  }
}

/** One-shot generation. */
export function generate(options: GenerateOptions): GenerateResult {
  return new Generator(options).run();
}

type ImportStyle = 'extensionless' | 'js' | 'ts';

function importStyle(options: ts.CompilerOptions): ImportStyle {
  if (options.allowImportingTsExtensions) return 'ts';
  const resolution = options.moduleResolution;
  return resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext
    ? 'js'
    : 'extensionless';
}

function specifier(fromDir: string, file: string, style: ImportStyle): string {
  let rel = path.relative(fromDir, file).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  if (style === 'ts') return rel;
  if (style === 'js') return rel.replace(/\.ts$/, '.js').replace(/\.tsx$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs');
  return rel.replace(/\.tsx?$/, '').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs');
}
