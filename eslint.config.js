import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/', 'test/.tmp/', 'test/fixtures/', 'examples/tydantic.gen.ts', 'coverage/',
      // Written by `npm run bench` (tydantic's and typia's generated code, the bundle and its projects).
      'bench/.out/', 'bench/src/typia-out/', 'bench/src/tydantic/tydantic.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-labels': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Tests handle the bundles' exports, which have no static types.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
