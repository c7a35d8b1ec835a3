import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['auth', 'webinars', 'registrations', 'live', 'attendance', 'recordings'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'e2e/fixtures', 'playwright-report', 'test-results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser },
    },
    plugins: {
      'react-hooks': reactHooks,
      'react-refresh': reactRefresh,
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Features must not import each other (bulletproof-react): shared code
      // lives in components/, lib/, config/, types/; composition in app/.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*'], message: 'app/ composes features; nothing imports it.' }] },
      ],
    },
  },
  // bulletproof-react's one-way imports: a feature never imports another feature.
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*'], message: 'app/ composes features; nothing imports it.' },
            {
              group: FEATURES.filter((f) => f !== feature).map((f) => `@/features/${f}/*`),
              message: 'Features do not import each other: compose them in src/app, share code via lib/ or components/.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['e2e/**/*.ts', '*.config.ts', 'src/test/**', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'off', 'react-refresh/only-export-components': 'off' },
  },
);
