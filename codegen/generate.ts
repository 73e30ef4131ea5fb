/**
 * The compile step as a library: load a tsconfig, extract the IR, emit the
 * entry module. Nothing here writes files; the CLI does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Project } from 'ts-morph';
import { type EffectiveOptions, effectiveOptions, outputFormat, projectTypeScript, relativeSpecifier } from './compiler-options';
import type { Diagnostic } from './diagnostics';
import { patternWarnings } from './extract/warnings';
import { BlockCache } from './emit/blocks';
import { emitModule } from './emit/module';
import { emitInputTypes } from './emit/input-types';
import { Names } from './names';
import { type ExtractResult, Extractor } from './extract/index';
import type { ProjectIR } from './ir';

/** Where to read the project and write the module. */
export interface GenerateOptions {
  /** Path of the tsconfig.json. */
  readonly project: string;
  /**
   * The output file (`.ts` for TypeScript, `.js`/`.mjs` for JavaScript), relative to the tsconfig's folder;
   * default `tydantic.gen.ts` in the tsconfig's `rootDir` when it sets one, else in the folder that holds every source
   * file under the tsconfig's folder. `.cjs`/`.cts`, and `.js`/`.ts` where the project is CommonJS, write CommonJS.
   */
  readonly out?: string;
  /** Import specifier of the runtime helpers; default `tydantic/internal`. */
  readonly runtime?: string;
  /** Prepare for `Generator.update` (as `--watch` does): each run also notes what every model was read from. */
  readonly incremental?: boolean;
  /**
   * For a module that never reaches the disk (the build plugins'): import the model files by absolute path, and
   * write ES module syntax whatever the project's format.
   */
  readonly virtual?: boolean;
}

/** The generated module, or the diagnostics that prevent it. */
export interface GenerateResult {
  /** The absolute path the module is (or would be) written to. */
  readonly outFile: string;
  /** The models and shared definitions read from the project. */
  readonly ir: ProjectIR;
  /** Problems in the models that stop the compile step; no module when there is any. */
  readonly diagnostics: readonly Diagnostic[];
  /** Problems that do not stop the compile step (a user pattern that backtracks: see extract/warnings.ts). */
  readonly warnings: readonly Diagnostic[];
  /** The module text; empty when there are diagnostics. */
  readonly code: string;
}

/** A loaded project that can be regenerated after files change (for `--watch`). */
export class Generator {
  /** The ts-morph project read from the tsconfig. */
  readonly project: Project;
  /** The tsconfig's folder: diagnostics' file paths are relative to it. */
  readonly root: string;
  /** The absolute path of the module to write. */
  readonly outFile: string;
  /** The folder a generated file goes in by default (see `defaultFolder`). */
  readonly sourceFolder: string;
  private readonly runtime: string;
  private readonly virtual: boolean;
  /** The project's options with the defaults of its TypeScript version. */
  readonly options: EffectiveOptions;
  /** The extraction, which remembers what it read (with `incremental`). */
  readonly extractor: Extractor;
  /** With `incremental`, each model's emitted block, reused in the next module while nothing it depends on changed. */
  readonly blocks: BlockCache | undefined;

  constructor(options: GenerateOptions) {
    const tsconfig = path.resolve(options.project);
    this.root = path.dirname(tsconfig);
    this.runtime = options.runtime ?? 'tydantic/internal';
    this.virtual = options.virtual === true;
    this.project = new Project({ tsConfigFilePath: tsconfig });
    this.options = effectiveOptions(this.project.getCompilerOptions(), projectTypeScript(this.root));
    this.sourceFolder = defaultFolder(this.project, this.root);
    this.outFile = path.resolve(this.root, options.out ?? path.join(this.sourceFolder, 'tydantic.gen.ts'));
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

  /**
   * The input types of the models as a declaration file at `file` (a `.d.ts` the build plugins write, since
   * their module never reaches the type checker): type-only imports of the classes, then what a generated
   * TypeScript module declares (`ModelInputs`).
   */
  declarations(ir: ProjectIR, file: string): string {
    const lines = ['// Generated by tydantic\'s build plugin: the input types of the models, for `Input<typeof Model>`. Do not edit.'];
    const byModule = new Map<string, string[]>();
    for (const model of ir.models) {
      if (model.generic) continue;
      const binding = model.exportName === model.id ? model.id : `${model.exportName} as ${model.id}`;
      byModule.set(model.module, [...(byModule.get(model.module) ?? []), binding]);
    }
    const specifier = (module: string): string => relativeSpecifier(path.dirname(file), path.resolve(this.root, module), this.options.importStyle);
    for (const [module, bindings] of [...byModule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push(`import type { ${bindings.sort().join(', ')} } from ${JSON.stringify(specifier(module))};`);
    }
    return `${lines.join('\n')}\n${emitInputTypes(ir, new Names([...RESERVED_TYPES, ...ir.models.map((m) => m.id)]), this.runtime.replace(/\/internal$/, ''), specifier)}`;
  }

  private emit({ ir, diagnostics }: ExtractResult): GenerateResult {
    if (diagnostics.length > 0) return { outFile: this.outFile, ir, diagnostics, warnings: [], code: '' };
    const ts = /\.[cm]?tsx?$/.test(this.outFile);
    const outDir = path.dirname(this.outFile);
    const code = emitModule(ir, {
      ts,
      format: this.virtual ? 'esm' : outputFormat(this.outFile, this.options),
      runtime: this.runtime,
      specifier: (module) =>
        this.virtual ? path.resolve(this.root, module).split(path.sep).join('/') : relativeSpecifier(outDir, path.resolve(this.root, module), this.options.importStyle),
      ...(this.blocks === undefined ? {} : { cache: this.blocks }),
    });
    return { outFile: this.outFile, ir, diagnostics, warnings: patternWarnings(ir), code };
  }
}

/** Names a declaration file must not declare: the globals its types use. */
const RESERVED_TYPES = ['Array', 'Set', 'Map', 'Date', 'RegExp', 'InstanceType'];

/** One-shot generation. */
export function generate(options: GenerateOptions): GenerateResult {
  return new Generator(options).run();
}


/**
 * Where the module goes by default: `rootDir` when the tsconfig sets one (a module outside it would not
 * compile), else the folder that holds every source file of the project under the tsconfig's folder, the root
 * `tsc` computes for its output layout, so that adding the module moves no emitted file (`dist/main.js` stays,
 * not `dist/src/main.js`).
 */
function defaultFolder(project: Project, root: string): string {
  const rootDir = project.getCompilerOptions().rootDir;
  if (rootDir !== undefined) return path.resolve(root, rootDir);
  let common: string | undefined;
  for (const file of project.getSourceFiles()) {
    const name = path.resolve(file.getFilePath());
    // Files outside the tsconfig's folder (the runtime's source through `paths`, say) do not move the module out of it.
    if (file.isDeclarationFile() || file.isInNodeModules() || !name.startsWith(root + path.sep) || /(^|[\\/])tydantic\.gen\.[cm]?[jt]sx?$/.test(name)) continue;
    const dir = path.dirname(name);
    if (common === undefined) common = dir;
    while (common !== dir && !dir.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) common = path.dirname(common);
  }
  return common ?? root;
}
