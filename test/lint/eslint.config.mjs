// ESLint (flat config), run by `npm run lint` and `npm test`: ESLint's and typescript-eslint's recommended rules
// everywhere, Lit's and web components' recommended rules for the widgets, and eslint-config-prettier last so that no
// rule argues with the formatter (Prettier's settings are in package.json). Not type-aware: the widgets and the tests
// see @epn/stats's types through its dist/, so typed rules would need a build first.
import js from '@eslint/js';
import {defineConfig, globalIgnores} from 'eslint/config';
import prettier from 'eslint-config-prettier';
import {configs as lit} from 'eslint-plugin-lit';
import {configs as wc} from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const elementBaseClasses = ['LitElement', 'EpnElement', 'EpnByBandElement', 'EpnCard'];

export default defineConfig(
  globalIgnores(['build/', 'packages/*/dist/', 'docs/api/', 'release/', 'test/golden/', 'test/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['packages/widgets/src/**/*.ts'],
    extends: [lit['flat/recommended'], wc['flat/recommended']],
    settings: {lit: {elementBaseClasses}, wc: {elementBaseClasses}},
  },
  {files: ['**/*.mjs'], languageOptions: {globals: globals.node}},
  // The benchmark's page.evaluate() callbacks run in Chromium.
  {files: ['test/bench/browser.mjs'], languageOptions: {globals: {...globals.node, ...globals.browser}}},
  {files: ['examples/**/*.js'], languageOptions: {globals: globals.browser}},
  {
    rules: {
      // The CSV reader, the embed page and their tests match C0 control characters on purpose (NUL, stray bytes).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // tsc checks it (noUnusedLocals, noUnusedParameters) and, unlike this rule, counts `{@link}`s in doc comments.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai's property assertions (`expect(el).to.exist`) are expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  prettier,
);
