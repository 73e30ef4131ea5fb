import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The runtime users ship: ESM + CJS + types, no ts-morph, no typescript.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    target: 'node20',
    clean: true,
  },
  {
    // The compile step: the CLI and its programmatic API.
    entry: { cli: 'codegen/bin.ts', codegen: 'codegen/index.ts' },
    format: ['esm'],
    dts: { entry: { codegen: 'codegen/index.ts' }, compilerOptions: { ignoreDeprecations: '6.0' } },
    target: 'node20',
    external: ['ts-morph'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
