/**
 * The generated module compiles under the `target` and `lib` a project chooses: ES2021 has no `Object.hasOwn`
 * (ES2022), which generated code used to call.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { Generator } from '../codegen/generate';
import { prepareFixture } from './helpers/compile';

it.each(['basic', 'examples'])('the %s module type-checks for target and lib ES2021', (fixture) => {
  const dir = prepareFixture(fixture, 'standard', { target: 'ES2021', lib: ['ES2021'] });
  const tsconfig = path.join(dir, 'tsconfig.json');
  const result = new Generator({ project: tsconfig }).run();
  expect(result.diagnostics).toEqual([]);
  writeFileSync(result.outFile, result.code);
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([result.outFile], parsed.options);
  // The runtime's own source (mapped by `paths` here, shipped compiled to a project) is not the module's business.
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === result.outFile)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(problems).toEqual([]);
});
