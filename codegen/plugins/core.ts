/**
 * The compile step inside a build, for every bundler unplugin serves: the module `tydantic generate` would
 * write is made in memory and handed to the bundler where the user's code imports `tydantic/models`.
 * Diagnostics fail the build at their file:line:col; warnings are build warnings. The files that declare
 * models have their decorators lowered (see lower-decorators.ts), since not every bundler does it.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createUnplugin, type UnpluginContext, type UnpluginInstance } from 'unplugin';
import { type Diagnostic, formatDiagnostic, formatWarning } from '../diagnostics';
import { Generator, type GenerateResult } from '../generate';
import { lowerDecorators } from '../lower-decorators';

/** Options of every tydantic build plugin. */
export interface TydanticPluginOptions {
  /** The tsconfig.json whose models are compiled; default `tsconfig.json` in the working directory. */
  readonly project?: string;
  /**
   * Lower TC39 and legacy decorators in the files that declare models, with TypeScript, before the
   * bundler's own transform (default `true`). Vite 8 and a Vite 7 dev server keep TC39 decorators as
   * written, which no runtime runs yet; turn this off only if your build lowers them for every file.
   */
  readonly lowerDecorators?: boolean;
  /**
   * Where to write the models' input types (`Input<typeof Model>`, `~standard`'s types), which the type checker
   * cannot read from a module that exists only in the build: a `.d.ts` path relative to the tsconfig, or `false`
   * for none. Default `tydantic-models.d.ts` in the folder that holds the project's sources (where
   * `tydantic generate` would write its module), rewritten only when the types change. Commit it, so that
   * `tsc` sees it before the first build.
   */
  readonly dts?: string | false;
}

/** The import the plugin answers. */
export const MODELS_MODULE = 'tydantic/models';
/** The id the bundler sees for it: a path beside the tsconfig that is never written. */
const MODULE_FILE = 'tydantic.models.js';
/** The declaration file of the models' input types, by default. */
const DTS_FILE = 'tydantic-models.d.ts';

/** One project's compile step, kept across rebuilds: a changed file re-extracts only the models that read it. */
class Session {
  private generator: Generator | undefined;
  private result: GenerateResult | undefined;
  private readonly changed = new Set<string>();
  /** The modification time of every file the last run read (NaN once deleted), to find changes no watcher reported. */
  private readonly seen = new Map<string, number>();
  /** Set at the start of each build: the next `module()` compares the files it read with the disk. */
  private recheck = false;
  /** The declaration file last written: its own changes are not the models'. */
  private written: string | undefined;
  readonly tsconfig: string;
  readonly id: string;

  constructor(readonly options: TydanticPluginOptions) {
    this.tsconfig = path.resolve(options.project ?? 'tsconfig.json');
    this.id = path.join(path.dirname(this.tsconfig), MODULE_FILE);
  }

  /** Writes the input types' declaration file when its text changed (not when the models have diagnostics). */
  private declare(result: GenerateResult): void {
    if (this.options.dts === false || result.diagnostics.length > 0) return;
    const generator = this.generator!;
    const file = this.options.dts === undefined ? path.join(generator.sourceFolder, DTS_FILE) : path.resolve(generator.root, this.options.dts);
    const text = generator.declarations(result.ir, file);
    this.written = file;
    if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
    writeFileSync(file, text);
  }

  /** The module for the project's current state. */
  module(): GenerateResult {
    if (this.generator === undefined) {
      this.generator = new Generator({ project: this.tsconfig, out: this.id, incremental: true, virtual: true });
      this.result = this.generator.run();
      this.changed.clear();
      this.remember();
      this.declare(this.result);
    } else {
      if (this.recheck) this.compare();
      if (this.result === undefined || this.changed.size > 0) {
        this.result = this.generator.update(this.changed);
        this.changed.clear();
        this.remember();
        this.declare(this.result);
      }
    }
    this.recheck = false;
    return this.result!;
  }

  /** A new build began (a rebuild in watch mode, an esbuild `rebuild()`): files may have changed since the last one. */
  rebuild(): void {
    this.recheck = true;
  }

  /**
   * Notes the files whose modification time moved since the last run. esbuild reports no changed
   * files to plugins (its watch mode and `context().rebuild()` only run the build again), and other
   * watchers miss some; one stat per file read, once per build, catches them all.
   */
  private compare(): void {
    for (const [file, time] of this.seen) {
      if (!Object.is(mtime(file), time)) this.touch(file);
    }
  }

  /** Records the modification time of every file the last run read. */
  private remember(): void {
    this.seen.clear();
    for (const file of this.watched()) this.seen.set(file, mtime(file));
  }

  /** Notes a file the bundler saw change; the next `module()` reads it again. False for a file that is not TypeScript source. */
  touch(file: string): boolean {
    if (!isSource(file) || path.resolve(file) === this.written) return false;
    this.changed.add(path.resolve(file));
    this.result = undefined;
    return true;
  }

  /** Files that hold models, as absolute paths: those whose decorators the plugin lowers. */
  modelFiles(): Set<string> {
    const root = path.dirname(this.tsconfig);
    return new Set(this.module().ir.models.map((m) => path.resolve(root, m.module)));
  }

  /** The decorator mode and field semantics of the project, for lowering. */
  lowering(): { experimentalDecorators: boolean | undefined; useDefineForClassFields: boolean | undefined } {
    this.module();
    const options = this.generator!.project.getCompilerOptions();
    return { experimentalDecorators: options.experimentalDecorators, useDefineForClassFields: options.useDefineForClassFields };
  }

  /** Every file the last run read, for the bundler's watcher. */
  watched(): string[] {
    return this.generator === undefined ? [] : this.generator.project.getSourceFiles().map((f) => f.getFilePath()).filter((f) => !f.includes('/node_modules/'));
  }
}

/** Whether a path is TypeScript source of the project (not a dependency's). */
function isSource(file: string): boolean {
  return /\.[cm]?tsx?$/.test(file.split('?')[0]!) && !file.includes('node_modules');
}

/** A file's modification time, NaN when it is gone. */
function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** A diagnostic as a bundler error: the formatted text (`file:line:col - error: …`), with its location for overlays. */
function report(context: UnpluginContext, d: Diagnostic, root: string, kind: 'error' | 'warn'): void {
  const text = kind === 'error' ? formatDiagnostic(d) : formatWarning(d);
  const message = { message: text, id: path.resolve(root, d.loc.file), loc: { file: path.resolve(root, d.loc.file), line: d.loc.line, column: d.loc.column - 1 } };
  if (kind === 'error') context.error(message);
  else context.warn(message);
}

/** The tydantic plugin for every bundler: `tydantic.vite()`, `tydantic.esbuild()`, `tydantic.rollup()`, `tydantic.webpack()`, `tydantic.rspack()`. */
export const tydantic: UnpluginInstance<TydanticPluginOptions | undefined, false> = createUnplugin<TydanticPluginOptions | undefined, false>((raw) => {
  const session = new Session(raw ?? {});
  const lower = raw?.lowerDecorators !== false;
  const root = path.dirname(session.tsconfig);
  return {
    name: 'tydantic',
    enforce: 'pre',
    buildStart() {
      session.rebuild();
    },
    resolveId(id) {
      return id === MODELS_MODULE ? session.id : undefined;
    },
    loadInclude: (id) => id === session.id,
    load(id) {
      if (id !== session.id) return undefined;
      // A bundler loads this module again only when something it read changed (a rebuild, a dev server's
      // invalidation, with or without HMR): compare the files with the disk, not only with what a watcher said.
      session.rebuild();
      const result = session.module();
      for (const file of session.watched()) this.addWatchFile(file);
      for (const d of result.warnings) report(this, d, root, 'warn');
      if (result.diagnostics.length > 0) {
        // Every diagnostic in one error, as `tydantic generate` prints them: the first one's location for overlays.
        const all = result.diagnostics.map(formatDiagnostic).join('\n');
        const first = result.diagnostics[0]!;
        const n = result.diagnostics.length;
        this.error({ message: `${all}\n\n${n} error${n === 1 ? '' : 's'} in the models`, id: path.resolve(root, first.loc.file), loc: { file: path.resolve(root, first.loc.file), line: first.loc.line, column: first.loc.column - 1 } });
        // Rollup and Vite throw above; esbuild collects the error and fails the build once the hook returns a module.
        return { code: '' };
      }
      return { code: result.code };
    },
    transformInclude: (id) => lower && isSource(id),
    transform(code, id) {
      const file = path.resolve(id.split('?')[0]!);
      if (!session.modelFiles().has(file)) return undefined;
      const lowered = lowerDecorators(code, file, session.lowering());
      return lowered === undefined ? undefined : { code: lowered.code, map: lowered.map };
    },
    watchChange(id) {
      session.touch(id);
    },
    vite: {
      // The dev server (and Vitest, which runs it without HMR): a changed, added or deleted source file
      // makes the module stale. Vite would only re-import the module, not load it again, so it is invalidated.
      configureServer(server) {
        const stale = (file: string): void => {
          if (!session.touch(file)) return;
          const module = server.moduleGraph.getModuleById(session.id);
          if (module !== undefined) server.moduleGraph.invalidateModule(module);
        };
        server.watcher.on('change', stale).on('add', stale).on('unlink', stale);
      },
      // With HMR, the page reloads: the models and their validators are linked once, at start-up.
      handleHotUpdate({ file, server }) {
        if (isSource(file) && server.moduleGraph.getModuleById(session.id) !== undefined) server.ws.send({ type: 'full-reload' });
        return undefined;
      },
    },
  };
});

