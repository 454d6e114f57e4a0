import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const internal = ['@samskriv/client', '@samskriv/server']

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // CommonJS modules a worker thread requires without a TypeScript loader.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  // Tests read API answers as loose JSON.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Dependency direction: shared packages never reach into the apps.
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...internal, '../../client/*', '../../server/*'] }],
    },
  },
  {
    files: ['packages/protocol/**/*.ts', 'packages/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...internal, '@samskriv/*'] }],
    },
  },
  {
    files: ['packages/collab/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...internal, 'hono', '@hono/*', 'better-sqlite3', 'pg', 'ioredis'] }],
    },
  },
)
