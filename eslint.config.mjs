import js from '@eslint/js';
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

/** Renderer code talks to the backend only through the API client: no Node, no main process. */
const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
  'module',
  'process',
  'buffer',
  'events',
  'readline',
  'tls',
  'dns',
];
const rendererRestrictions = {
  patterns: [
    {
      group: [
        '**/electron/**',
        '**/database/**',
        'electron',
        'typeorm',
        'better-sqlite3*',
        'node:*',
      ],
      message: 'Renderer code must not import the main process, the database or Node built-ins.',
      allowTypeImports: true,
    },
  ],
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'No Node built-ins in the renderer.' })),
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.electron-native/**',
      'dist-tools/**',
      '.bench-data/**',
      'demo-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', 'scripts/*.mjs', '*.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      curly: ['error', 'multi-line'],
      // Handlers implement an async contract; some answer without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: {
      // Prettier owns formatting.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', rendererRestrictions],
    },
  },
  {
    // The API layer also runs in browser mode and in the tests, where Electron cannot load.
    files: ['electron/api/**/*.ts', 'common/**/*.ts', 'database/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-updater'].map((name) => ({
            name,
            message: 'Only the Electron glue in electron/*.ts may import Electron.',
            allowTypeImports: true,
          })),
        },
      ],
    },
  },
  {
    // Tool configs and plain scripts: checked by tsc (tsconfig.config.json), linted without types.
    files: ['**/*.mjs', 'scripts/**', '*.config.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
);
