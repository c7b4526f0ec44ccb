// A small, strict lint: unused code, promises that nobody awaits or handles, type
// imports kept apart. `npm run lint` (part of `npm test`) allows no warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['language-server/src/generated/**', '**/out/**', 'node_modules/**', '.e2e/**', 'test-results/**', 'test/fuzz/corpus/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ['**/*.ts', '**/*.mts'],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
            '@typescript-eslint/await-thenable': 'error',
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
            '@typescript-eslint/no-unnecessary-type-assertion': 'error',
            'no-duplicate-imports': 'off',
            'eqeqeq': ['error', 'always', { null: 'ignore' }],
            'prefer-const': 'error'
        }
    },
    {
        files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
        languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', performance: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', queueMicrotask: 'readonly', fetch: 'readonly' } },
        rules: { '@typescript-eslint/no-require-imports': 'off', 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] }
    }
);
