/** Compiles the basic fixture once per decorator mode for a test file. */
import { beforeAll, expect } from 'vitest';
import { compileFixture, type DecoratorMode } from './compile';

/** The decorator modes every end-to-end test runs under. */
export const modes: DecoratorMode[] = ['standard', 'legacy'];

/** The fixture's exports (models and runtime), and `issuesOf(model, input)` for failing input. */
export function useBasicFixture(mode: DecoratorMode): {
  m: () => Record<string, any>;
  issuesOf: (model: string, input: unknown) => any[];
} {
  let exports: Record<string, any> = {};
  beforeAll(async () => {
    exports = (await compileFixture('basic', mode)).exports;
  });
  return {
    m: () => exports,
    issuesOf: (model, input) => {
      const result = exports[model].safeParse(input);
      expect(result.success).toBe(false);
      return result.error.issues;
    },
  };
}
