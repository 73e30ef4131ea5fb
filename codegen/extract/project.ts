/**
 * A whole project to IR, once or again and again (`--watch`). When tracking,
 * the extractor remembers which files each model's IR was read from
 * (`reads.ts`); after some files change it extracts again only the models
 * that read them and keeps the others, and falls back to a full extraction
 * whenever a change could reach further: new, deleted or global files, a
 * changed export list, changed model ids, or models that share generic
 * instances. Definitions need no full extraction: each is converted from its
 * type alone, and `shareTypes` merges the copies an incremental run makes of
 * one already known. Either way the result is the one a full extraction gives.
 */
import path from 'node:path';
import { effectiveOptions, projectTypeScript } from '../compiler-options';
import { type ClassDeclaration, type Node, type Project, type SourceFile, ts, type Type } from 'ts-morph';
import type { Diagnostic } from '../diagnostics';
import { type DefinitionIR, type ModelIR, type ProjectIR, refsIn, type TypeNode } from '../ir';
import { Names, RUNTIME_HELPERS } from '../names';
import { DefinitionIds, Definitions } from './definitions';
import { discover, type Found } from './discover';
import { extractValidator, findValidators } from './adapter';
import { extractModel, locate, type ProjectScope } from './model';
import { shareTypes } from './share';
import { discoveryReads, filesRead, GLOBAL, isTracked, outsideImportsInside, type ReadScope, surfaceOf } from './reads';

/** The IR of a project, and every problem found on the way. */
export interface ExtractResult {
  /** The models and shared definitions found; partial when there are diagnostics. */
  readonly ir: ProjectIR;
  /** Problems in the models, each located with a hint. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A user file's classes, and the files that finding them read. */
interface FileRecord {
  readonly found: Found;
  readonly reads: ReadonlySet<string>;
}

/** One model's extraction: its IR (undefined after diagnostics), and what it read. */
interface ModelRecord {
  readonly ir: ModelIR | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly reads: ReadonlySet<string>;
  /** It named a generic model's instance: an id it shares with other models. */
  readonly shared: boolean;
}

/** What the last extraction was made of. */
interface State {
  /** Every source file of the project. */
  readonly sources: string;
  /** What each tracked file shows other files (see `surfaceOf`). */
  readonly exports: ReadonlyMap<string, string>;
  readonly files: ReadonlyMap<string, FileRecord>;
  /** Each class's key and id, in order. */
  readonly ids: string;
  readonly models: ReadonlyMap<string, ModelRecord>;
  /** Generic models at concrete type arguments, in the order they were extracted. */
  readonly instances: readonly ModelRecord[];
  /** The definitions the models' IR refers to, as extraction made them (before `shareTypes`). */
  readonly definitions: readonly DefinitionIR[];
  /** Files read by instances and by the models that share ids: a change to one of them means a full extraction. */
  readonly shared: ReadonlySet<string>;
}

/** What one extraction works with. */
interface Run {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly where: (node: Node) => ReturnType<typeof locate>;
  readonly tracked: (file: ts.SourceFile) => boolean;
}

/** How the last run went: every model extracted, or only some (by id). */
export type RunKind = { readonly full: true } | { readonly full: false; readonly extracted: readonly string[] };

/** Extracts a project's IR, incrementally when told which files changed. */
export class Extractor {
  private state: State | undefined;
  private last: RunKind = { full: true };
  /** Definitions made by one run and kept for the next never share an id. */
  private readonly definitionIds = new DefinitionIds();

  constructor(
    private readonly project: Project,
    private readonly root: string,
    private readonly skip: ReadonlySet<string> = new Set(),
    /** Remember what each model read, so that `run(changed)` can be incremental. */
    private readonly track = false,
  ) {}

  /** How the last run went. */
  get lastRun(): RunKind {
    return this.last;
  }

  /**
   * The IR of the project as it is now. `changed` lists the files (absolute
   * paths) added, changed or deleted since the last run, when known; without
   * it, or without tracking, every model is extracted.
   */
  run(changed?: Iterable<string>): ExtractResult {
    const state = this.state;
    this.state = undefined;
    if (changed !== undefined && state !== undefined) {
      const result = this.update(state, new Set([...changed].map((file) => path.resolve(file))));
      if (result !== undefined) return result;
    }
    return this.full();
  }

  private full(): ExtractResult {
    this.last = { full: true };
    const options = this.project.getCompilerOptions();
    // With the defaults of the TypeScript the project builds with: `strict` is on by default from 6.0.
    if (!effectiveOptions(options, projectTypeScript(this.root)).strictNullChecks) {
      const diagnostics = [
        {
          loc: { file: path.relative(this.root, String(options['configFilePath'] ?? 'tsconfig.json')) || 'tsconfig.json', line: 1, column: 1 },
          message: 'strictNullChecks is off, so `T | null` and `T | undefined` read as plain T',
          hint: 'set "strict": true (or "strictNullChecks": true) in compilerOptions',
        },
      ];
      return { ir: { models: [], definitions: [] }, diagnostics };
    }
    const run = this.begin();
    const files = new Map<string, FileRecord>();
    for (const file of this.userFiles()) files.set(pathOf(file), { found: discover(file, run.where), reads: new Set() });
    const { classes, templates, keys } = classesOf(files);
    const ids = new Names(RUNTIME_HELPERS);
    const models = new Map<ClassDeclaration, string>(classes.map((cls) => [cls, ids.fresh(cls.getName()!)]));
    const reads = this.readScope(run, models);
    if (this.track) {
      for (const [file, record] of files) files.set(file, { ...record, reads: discoveryReads(this.project.getSourceFileOrThrow(file).compilerNode, reads) });
    }

    // Generic models at concrete type arguments, found while converting fields; extracted after the others.
    const instances = new Map<string, { id: string; template: ClassDeclaration; type: Type; name: string }>();
    const definitions = new Definitions(this.definitionIds);
    const scope: ProjectScope = {
      models,
      definitions,
      templates,
      instantiate: (template, type) => {
        const key = type.getText(undefined, ts.TypeFormatFlags.UseFullyQualifiedType);
        let instance = instances.get(key);
        if (instance === undefined) {
          const name = type.getText(undefined, ts.TypeFormatFlags.None);
          instance = { id: ids.fresh(name.replace(/[<>,\s.]+/g, '_').replace(/_+$/, '')), template, type, name };
          instances.set(key, instance);
        }
        return instance.id;
      },
      isDefaultLib: (node) => run.program.isSourceFileDefaultLibrary(node.getSourceFile().compilerNode),
    };
    const records = new Map<string, ModelRecord>();
    for (const cls of classes) records.set(keys.get(cls)!, this.extractOne(cls, models.get(cls)!, scope, reads));
    // `validator<T>()` consts: models of one field, after the classes (their types may name generic instances).
    const validators: ModelRecord[] = [];
    for (const file of this.userFiles()) {
      const { found, diagnostics } = findValidators(file, run.where);
      if (diagnostics.length > 0) validators.push({ ir: undefined, diagnostics, reads: new Set(), shared: true });
      for (const decl of found) {
        const problems: Diagnostic[] = [];
        const ir = extractValidator(decl, ids.fresh(decl.getName()), scope, this.root, problems);
        validators.push({ ir, diagnostics: problems, reads: new Set(), shared: true });
      }
    }
    const instanceRecords: ModelRecord[] = [];
    const done = new Set<string>();
    for (let more = true; more; ) {
      more = false;
      for (const instance of [...instances.values()]) {
        if (done.has(instance.id)) continue;
        done.add(instance.id);
        more = true;
        instanceRecords.push(this.extractOne(instance.template, instance.id, scope, reads, instance));
      }
    }
    const result = assemble(files, classes, keys, records, [...validators, ...instanceRecords], definitions.list);
    // A project with validators is extracted whole on every change (their reads are not tracked).
    if (this.track && validators.length === 0 && !outsideImportsInside(run.program, run.checker, run.tracked)) {
      const shared = new Set<string>();
      for (const record of [...[...records.values()].filter((r) => r.shared), ...instanceRecords]) {
        for (const file of record.reads) shared.add(file);
      }
      this.state = {
        sources: this.sources(),
        exports: this.exportLists(run),
        files,
        ids: idList(classes, templates, keys, models),
        models: records,
        instances: instanceRecords,
        definitions: definitions.list,
        shared,
      };
    }
    return result;
  }

  /** Extracts again only what `changed` can reach; undefined when that cannot be told, for a full extraction. */
  private update(state: State, changed: ReadonlySet<string>): ExtractResult | undefined {
    if (this.sources() !== state.sources) return undefined;
    const run = this.begin();
    for (const file of changed) {
      const source = this.project.getSourceFile(file);
      if (source === undefined) {
        if (state.exports.has(file)) return undefined;
        continue;
      }
      // A changed file that holds a validator<T>() call: validators are extracted in full runs only.
      if (findValidators(source, run.where).found.length > 0) return undefined;
      const before = state.exports.get(file);
      const now = surfaceOf(source.compilerNode, run.checker);
      if (before === undefined || now !== before || now === GLOBAL || state.shared.has(file)) return undefined;
    }
    const touches = (reads: ReadonlySet<string>): boolean => [...changed].some((file) => reads.has(file));

    const files = new Map<string, FileRecord>();
    const again = new Set<string>();
    for (const file of this.userFiles()) {
      const key = pathOf(file);
      const before = state.files.get(key);
      if (before !== undefined && !changed.has(key) && !touches(before.reads)) {
        files.set(key, before);
      } else {
        files.set(key, { found: discover(file, run.where), reads: new Set() });
        again.add(key);
      }
    }
    const { classes, templates, keys } = classesOf(files);
    const ids = new Names(RUNTIME_HELPERS);
    const models = new Map<ClassDeclaration, string>(classes.map((cls) => [cls, ids.fresh(cls.getName()!)]));
    if (idList(classes, templates, keys, models) !== state.ids) return undefined;
    const reads = this.readScope(run, models);
    for (const file of again) files.set(file, { ...files.get(file)!, reads: discoveryReads(this.project.getSourceFileOrThrow(file).compilerNode, reads) });

    // Instances outside the models extracted again may not be shared: they would be made afresh.
    let shared = false;
    const definitions = new Definitions(this.definitionIds);
    const scope: ProjectScope = {
      models,
      definitions,
      templates,
      instantiate: () => {
        shared = true;
        return '';
      },
      isDefaultLib: (node) => run.program.isSourceFileDefaultLibrary(node.getSourceFile().compilerNode),
    };
    const records = new Map<string, ModelRecord>();
    const extracted: string[] = [];
    for (const cls of classes) {
      const key = keys.get(cls)!;
      const before = state.models.get(key);
      const stale = before === undefined || before.diagnostics.length > 0 || touches(before.reads) || changed.has(pathOf(cls.getSourceFile()));
      if (!stale) {
        records.set(key, before);
        continue;
      }
      if (before?.shared === true) return undefined;
      const record = this.extractOne(cls, models.get(cls)!, scope, reads);
      if (shared || record.shared) return undefined;
      records.set(key, record);
      extracted.push(models.get(cls)!);
    }
    if (state.instances.some((record) => record.diagnostics.length > 0)) return undefined;
    const kept = used([...records.values(), ...state.instances], [...state.definitions, ...definitions.list]);
    const result = assemble(files, classes, keys, records, state.instances, kept);
    this.state = { ...state, files, models: records, definitions: kept };
    this.last = { full: false, extracted };
    return result;
  }

  /** Extracts one model, noting what it read when tracking. */
  private extractOne(
    cls: ClassDeclaration,
    id: string,
    scope: ProjectScope,
    reads: ReadScope,
    instance?: { readonly type: Type; readonly name: string },
  ): ModelRecord {
    const diagnostics: Diagnostic[] = [];
    if (!this.track) {
      const ir = extractModel(cls, id, scope, this.root, diagnostics, instance);
      return { ir, diagnostics, reads: new Set(), shared: false };
    }
    const read: ts.Node[] = [cls.compilerNode];
    let shared = false;
    const tracked: ProjectScope = {
      ...scope,
      reads: (declarations) => {
        for (const d of declarations) read.push(d.compilerNode);
      },
      instantiate: (template, type) => {
        shared = true;
        return scope.instantiate(template, type);
      },
    };
    const ir = extractModel(cls, id, tracked, this.root, diagnostics, instance);
    return { ir, diagnostics, reads: filesRead(read, reads), shared };
  }

  private begin(): Run {
    const program = this.project.getProgram().compilerObject;
    const root = this.root;
    return {
      program,
      checker: this.project.getTypeChecker().compilerObject,
      where: (node) => locate(root, node),
      tracked: (file) => isTracked(root, file, program),
    };
  }

  private readScope(run: Run, models: ReadonlyMap<ClassDeclaration, string>): ReadScope {
    const classes = new Set<ts.Node>([...models.keys()].map((cls) => cls.compilerNode));
    return {
      checker: run.checker,
      tracked: run.tracked,
      isDefaultLib: (file) => run.program.isSourceFileDefaultLibrary(file),
      isModel: (cls) => classes.has(cls),
    };
  }

  private userFiles(): SourceFile[] {
    return this.project
      .getSourceFiles()
      .filter((f) => !f.isDeclarationFile() && !f.isInNodeModules() && !this.skip.has(path.resolve(f.getFilePath())))
      .sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : a.getFilePath() > b.getFilePath() ? 1 : 0));
  }

  private sources(): string {
    return this.project
      .getSourceFiles()
      .map(pathOf)
      .sort()
      .join('\n');
  }

  private exportLists(run: Run): Map<string, string> {
    const lists = new Map<string, string>();
    for (const file of this.project.getSourceFiles()) {
      if (run.tracked(file.compilerNode)) lists.set(pathOf(file), surfaceOf(file.compilerNode, run.checker));
    }
    return lists;
  }

}

/** The models and templates of the files, in file order, and a key for each that survives reloading its file. */
function classesOf(files: ReadonlyMap<string, FileRecord>): {
  classes: ClassDeclaration[];
  templates: Set<ClassDeclaration>;
  keys: Map<ClassDeclaration, string>;
} {
  const classes: ClassDeclaration[] = [];
  const templates = new Set<ClassDeclaration>();
  const keys = new Map<ClassDeclaration, string>();
  for (const [file, { found }] of files) {
    const seen = new Map<string, number>();
    for (const cls of [...found.models, ...found.templates]) {
      const name = cls.getName() ?? '';
      const n = seen.get(name) ?? 0;
      seen.set(name, n + 1);
      keys.set(cls, `${file}#${name}#${n}`);
    }
    classes.push(...found.models);
    for (const cls of found.templates) templates.add(cls);
  }
  return { classes, templates, keys };
}

function idList(
  classes: readonly ClassDeclaration[],
  templates: ReadonlySet<ClassDeclaration>,
  keys: ReadonlyMap<ClassDeclaration, string>,
  models: ReadonlyMap<ClassDeclaration, string>,
): string {
  return [...classes.map((cls) => `${keys.get(cls)}=${models.get(cls)}`), ...[...templates].map((cls) => `${keys.get(cls)}<>`)].join('\n');
}

/** The result a full extraction gives: models in file order, then instances; diagnostics by location. */
function assemble(
  files: ReadonlyMap<string, FileRecord>,
  classes: readonly ClassDeclaration[],
  keys: ReadonlyMap<ClassDeclaration, string>,
  records: ReadonlyMap<string, ModelRecord>,
  instances: readonly ModelRecord[],
  definitions: readonly DefinitionIR[],
): ExtractResult {
  const diagnostics: Diagnostic[] = [...files.values()].flatMap((file) => file.found.diagnostics);
  const models: ModelIR[] = [];
  for (const record of [...classes.map((cls) => records.get(keys.get(cls)!)!), ...instances]) {
    diagnostics.push(...record.diagnostics);
    if (record.ir !== undefined) models.push(record.ir);
  }
  return { ir: shareTypes({ models, definitions: [...definitions] }), diagnostics: diagnostics.sort(byLocation) };
}

/** The definitions the records' IR refers to, directly or through other definitions (an edit leaves some unused). */
function used(records: readonly ModelRecord[], definitions: readonly DefinitionIR[]): DefinitionIR[] {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const seen = new Set<string>();
  const visit = (node: TypeNode): void => {
    for (const named of refsIn(node)) {
      if (named.kind !== 'ref' || seen.has(named.ref)) continue;
      seen.add(named.ref);
      const definition = byId.get(named.ref);
      if (definition !== undefined) visit(definition.type);
    }
  };
  for (const { ir } of records) {
    for (const field of ir?.fields ?? []) visit(field.type);
    for (const getter of ir?.computed ?? []) visit(getter.type);
  }
  return definitions.filter((d) => seen.has(d.id));
}

function byLocation(a: Diagnostic, b: Diagnostic): number {
  return a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line || a.loc.column - b.loc.column;
}

function pathOf(file: SourceFile): string {
  return path.resolve(file.getFilePath());
}
