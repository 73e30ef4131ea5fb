/**
 * The compile step inside a build, for every bundler unplugin serves: the module `tydantic generate` would
 * write is made in memory and handed to the bundler where the user's code imports `tydantic/models`.
 * Diagnostics fail the build at their file:line:col; warnings are build warnings. The files that declare
 * models have their decorators lowered (see lower-decorators.ts), since not every bundler does it.
 */
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
}

/** The import the plugin answers. */
export const MODELS_MODULE = 'tydantic/models';
/** The id the bundler sees for it: a path beside the tsconfig that is never written. */
const MODULE_FILE = 'tydantic.models.js';

/** One project's compile step, kept across rebuilds: a changed file re-extracts only the models that read it. */
class Session {
  private generator: Generator | undefined;
  private result: GenerateResult | undefined;
  private readonly changed = new Set<string>();
  readonly tsconfig: string;
  readonly id: string;

  constructor(readonly options: TydanticPluginOptions) {
    this.tsconfig = path.resolve(options.project ?? 'tsconfig.json');
    this.id = path.join(path.dirname(this.tsconfig), MODULE_FILE);
  }

  /** The module for the project's current state. */
  module(): GenerateResult {
    if (this.generator === undefined) {
      this.generator = new Generator({ project: this.tsconfig, out: this.id, incremental: true, virtual: true });
      this.result = this.generator.run();
      this.changed.clear();
    } else if (this.result === undefined || this.changed.size > 0) {
      this.result = this.generator.update(this.changed);
      this.changed.clear();
    }
    return this.result!;
  }

  /** Notes a file the bundler saw change; the next `module()` reads it again. */
  touch(file: string): void {
    if (/\.[cm]?tsx?$/.test(file) && !file.includes('node_modules')) {
      this.changed.add(path.resolve(file));
      this.result = undefined;
    }
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
    resolveId(id) {
      return id === MODELS_MODULE ? session.id : undefined;
    },
    loadInclude: (id) => id === session.id,
    load(id) {
      if (id !== session.id) return undefined;
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
    transformInclude: (id) => lower && /\.[cm]?tsx?$/.test(id.split('?')[0]!) && !id.includes('/node_modules/'),
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
      // The dev server: a changed model file makes a new module, and the page reloads with it.
      handleHotUpdate({ file, server }) {
        if (!/\.[cm]?tsx?$/.test(file) || file.includes('/node_modules/')) return undefined;
        session.touch(file);
        const module = server.moduleGraph.getModuleById(session.id);
        if (module !== undefined) {
          server.moduleGraph.invalidateModule(module);
          server.ws.send({ type: 'full-reload' });
        }
        return undefined;
      },
    },
  };
});

