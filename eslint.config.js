import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A module is reached through its index.ts only: no deep imports into another module.
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '^\\.\\./(?:\\.\\./)*(?:modules/)?(auth|network|staff|catalogue|holdings|readers|circulation|events|achievements|reports|imports|sru|public-catalogue)/(?!index\\.js$)',
          message: 'Import another module through its index.ts.',
        }],
      }],
    },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', localStorage: 'readonly', location: 'readonly', confirm: 'readonly' } },
  },
);
