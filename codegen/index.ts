export { generate, Generator, type GenerateOptions, type GenerateResult } from './generate';
export { extract, type ExtractResult } from './extract/index';
export { emitModule, type ModuleOptions } from './emit/module';
export { formatDiagnostic, CompileError, type Diagnostic } from './diagnostics';
export type * from './ir';
