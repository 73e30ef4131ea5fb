import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The runtime's source, not its build: the subpaths first, as aliases match by prefix.
    alias: [
      { find: /^tydantic\/(internal|express|fastify|hono|nestjs|settings|testing)$/, replacement: fileURLToPath(new URL('./src/$1.ts', import.meta.url)) },
      { find: /^tydantic$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  // Lower TC39 decorators: Node 20 cannot run them as written.
  esbuild: { target: 'node20' },
  test: {
    include: ['src/**/*.test.ts', 'codegen/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // vitest leaves one core to itself by default; its main process is mostly idle while tests compile.
    maxWorkers: '100%',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
