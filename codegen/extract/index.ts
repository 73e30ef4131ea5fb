/**
 * Extraction: a ts-morph project in, the IR and diagnostics out. All
 * knowledge of the TypeScript compiler lives under this folder: finding
 * models (`discover.ts`), one model to IR (`model.ts`), types to IR
 * (`types.ts`), and the whole project, incrementally for `--watch`
 * (`project.ts`, `reads.ts`).
 */
import type { Project } from 'ts-morph';
import { type ExtractResult, Extractor } from './project';

export { type ExtractResult, Extractor } from './project';

/** Finds every `@model()` class of the project and turns it into IR. */
export function extract(project: Project, root: string, skip: ReadonlySet<string> = new Set()): ExtractResult {
  return new Extractor(project, root, skip).run();
}
