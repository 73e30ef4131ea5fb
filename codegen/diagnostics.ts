import type { SourceLoc } from './ir';

/** A problem in user code: one that stops the compile step, or (among a result's `warnings`) one that does not. */
export interface Diagnostic {
  /** Where in the user's code: file (relative to the tsconfig's folder), 1-based line and column. */
  readonly loc: SourceLoc;
  /** What is wrong, starting with the model and property it concerns. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
}

/** `file:line:col - error: message` and an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  return format(d, 'error');
}

/** `file:line:col - warning: message` and an indented hint line, for a problem that does not stop the compile step. */
export function formatWarning(d: Diagnostic): string {
  return format(d, 'warning');
}

function format(d: Diagnostic, severity: 'error' | 'warning'): string {
  return `${d.loc.file}:${d.loc.line}:${d.loc.column} - ${severity}: ${d.message}\n  hint: ${d.hint}`;
}

/** Thrown by the compile step when user code has diagnostics; carries all of them. */
export class CompileError extends Error {
  /** @param diagnostics Every diagnostic of the run, also in the message, one formatted per line. */
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'CompileError';
  }
}
