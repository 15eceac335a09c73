import tseslint from 'typescript-eslint';

// Rules that encode the architecture (DESIGN.md): lib/ is pure, components/ are presentational,
// capture code never touches the database, and no HTML-string sinks anywhere.
const htmlSinks = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML: insert sanitized DOM nodes.',
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' },
  {
    selector: "CallExpression[callee.property.name=/^(write|writeln)$/][callee.object.name='document']",
    message: 'No document.write.',
  },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML.' },
  { selector: "NewExpression[callee.name='Function'], CallExpression[callee.name='eval']", message: 'No eval.' },
];

// zod only through lib/core/schema: it is zod/mini (classic zod cannot be tree-shaken, ~90 KB per bundle,
// issue 7) with the JIT switched off (extension CSP forbids eval).
const zodOutsideSchema = {
  selector: 'ImportDeclaration[source.value=/^zod($|\\u002F)/]',
  message: "Import { z } from lib/schema, not from 'zod'.",
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-test/**',
      '.output-sourcemap/**',
      '.wxt/**',
      'node_modules/**',
      'bench/results.json',
      'coverage/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error', ...htmlSinks, zodOutsideSchema],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'browser',
        'chrome',
        'document',
        'window',
        'location',
        'localStorage',
        'sessionStorage',
        'indexedDB',
      ],
      'no-restricted-imports': [
        'error',
        { paths: ['wxt/browser', 'webextension-polyfill'], patterns: ['**/entrypoints/**', '**/components/**'] },
      ],
    },
  },
  {
    // Code that runs in the portal tab: IndexedDB there belongs to the portal's origin (DESIGN.md).
    files: [
      'lib/capture/**/*.ts',
      'lib/portals/**/*.ts',
      'lib/reading/**/*.ts',
      'lib/sanitize/**/*.ts',
      'lib/attachments/**/*.ts',
      'entrypoints/capture.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'wxt/browser', 'webextension-polyfill'],
          patterns: [
            '**/core/db',
            '**/case',
            '**/case/**',
            '**/clip',
            '**/clip/**',
            '**/entrypoints/**',
            '**/components/**',
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'browser', 'chrome', 'indexedDB'],
      'no-restricted-imports': [
        'error',
        { paths: ['wxt/browser', 'webextension-polyfill', 'dexie'], patterns: ['**/lib/core/db', '**/entrypoints/**'] },
      ],
    },
  },
  { files: ['lib/core/schema.ts'], rules: { 'no-restricted-syntax': ['error', ...htmlSinks] } },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'bench/**/*.ts', 'bench/**/*.tsx'],
    // Tests build fixture DOMs from strings; the product code may not.
    rules: { 'no-console': 'off', 'no-restricted-syntax': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
