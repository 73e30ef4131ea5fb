import { defineConfig } from 'tsup';

const dts = { compilerOptions: { ignoreDeprecations: '6.0' } };

export default defineConfig([
  {
    // The package `tydantic` (src/): the runtime users ship. ESM + CJS + types, no dependencies.
    // Splitting in both formats keeps one copy of the runtime's state behind the three entries.
    entry: { index: 'src/index.ts', internal: 'src/internal.ts', models: 'src/models.ts', express: 'src/express.ts', fastify: 'src/fastify.ts', hono: 'src/hono.ts', nestjs: 'src/nestjs.ts', settings: 'src/settings.ts', testing: 'src/testing.ts' },
    outDir: 'src/dist',
    format: ['esm', 'cjs'],
    splitting: true,
    dts,
    target: 'node20',
    // The framework integrations import only the frameworks' types.
    external: ['express', 'fastify', 'hono', '@nestjs/common', 'fast-check'],
  },
  {
    // The package `@tydantic/compiler` (codegen/): the programmatic API and the build plugins, ESM + CJS + types.
    entry: {
      index: 'codegen/index.ts',
      vite: 'codegen/plugins/vite.ts',
      esbuild: 'codegen/plugins/esbuild.ts',
      rollup: 'codegen/plugins/rollup.ts',
      webpack: 'codegen/plugins/webpack.ts',
      rspack: 'codegen/plugins/rspack.ts',
    },
    outDir: 'codegen/dist',
    format: ['esm', 'cjs'],
    splitting: true,
    dts,
    target: 'node20',
    external: ['ts-morph', 'unplugin', 'vite', 'esbuild', 'rollup', 'webpack', '@rspack/core'],
  },
  {
    // Its `tydantic` command.
    entry: { cli: 'codegen/bin.ts' },
    outDir: 'codegen/dist',
    format: ['esm'],
    target: 'node20',
    external: ['ts-morph', 'unplugin'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
