// ESLint flat config. Not type-aware on purpose (fast; `npm run typecheck` covers types).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  globalIgnores(['**/dist/', '**/cdn/', '**/node_modules/', 'docs/api/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Plain JavaScript runs in Node (config files, bins, the partner server); TS files get no-undef
    // turned off by typescript-eslint.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The demo partner sites' page scripts run in the browser. (catalogue.mjs runs in both, so it
    // may use neither's globals.)
    files: ['examples/shared/**/*.js', 'examples/{shop,travel,education,elements,static,react,react18,vue}/**/*.{js,jsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The partner page script that the package-shape test bundles and opens in Chromium.
    files: ['scripts/package-shape/consumer/browser.mjs'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The React example is JSX.
    files: ['examples/{react,react18}/**/*.jsx'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    rules: {
      // Required by verbatimModuleSyntax: type-only imports must say `type` or they stay in the JS.
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A committed .only silently skips the rest of the suite.
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'context', 'specify'].map((object) => ({
          object,
          property: 'only',
          message: 'Do not commit .only: it skips every other test.',
        })),
      ],
    },
  },
]);
