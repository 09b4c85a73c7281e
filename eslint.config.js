// Lint rules for the whole tree: correctness from the recommended sets, imports in one order, and the layer
// boundaries routes must keep. Formatting is left to the code as it is written; see docs/decisions/015-lint.md.
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', 'data/**', 'uploads/**', '.cache/**', 'coverage/**', 'public/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'import-x': importX },
    rules: {
      // Imports: node built-ins first, then packages, then the project's own (#app/…), then relative, each alphabetical.
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index'], 'unknown'],
          pathGroups: [{ pattern: '#*/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Type-only imports are written either way in this code base; TypeScript's own checks are the judge.
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Routes are thin: they reach the domain API, never the database or the unchecked helpers behind it.
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '/internal/', message: 'Routes call the domain API; helpers under internal/ skip its checks.' },
            { regex: '^#db/', message: 'Routes never touch the database: call a domain function in app/domain/.' },
          ],
        },
      ],
    },
  },
  {
    // Tool configuration that must stay CommonJS (puppeteer reads .puppeteerrc.cjs with require).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and scripts may print, and mocha's `this` and chai's expressions are idiomatic there.
    files: ['test/**', 'scripts/**', 'bench/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
