import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

/**
 * The house's guards (issue 11): file size, import cycles and which layer may import which.
 * Layers: common/ (pure, shared by both sides) ← database/ ← electron/api/ (plain Node) ←
 * electron/ (main process); renderer/ talks to the backend only through its API client.
 */

/** Every Node built-in under its bare name ('fs', 'fs/promises', …); 'node:*' is a pattern. */
const nodeBuiltins = (message) => ({
  paths: builtinModules.map((name) => ({ name, message })),
  patterns: [{ group: ['node:*'], message }],
});

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
  paths: nodeBuiltins('No Node built-ins in the renderer.').paths,
};

const COMMON_MESSAGE =
  'common/ is imported by both sides: no Node built-ins, TypeORM, Electron, SQLite driver or database/.';
const commonNode = nodeBuiltins(COMMON_MESSAGE);
const commonRestrictions = {
  paths: [
    ...commonNode.paths,
    { name: 'typeorm', message: COMMON_MESSAGE },
    { name: 'electron', message: COMMON_MESSAGE },
  ],
  patterns: [
    ...commonNode.patterns,
    { group: ['typeorm/*', 'electron/*', 'better-sqlite3*'], message: COMMON_MESSAGE },
  ],
};

const API_MESSAGE =
  'electron/api/ and database/ are plain Node, served over IPC and HTTP alike: never import electron or electron-updater.';

/** Source files: .ts and .vue, tests included, and the .mjs configs and scripts. */
const SOURCES = ['**/*.ts', '**/*.vue', '**/*.mjs'];

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
        // The script parser inside .vue files; also used when import-x reads a .vue dependency
        // of a .ts file with that file's options. @typescript-eslint/parser ignores it.
        parser: tseslint.parser,
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
    // Every line counts (blank lines and comments too), so the limit is the number `wc -l` shows.
    files: SOURCES,
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // A handler file only maps each method to one service call.
    files: ['electron/api/**/handlers.ts'],
    rules: {
      'max-lines': ['error', { max: 150, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // Cycles through static and dynamic imports (the router's lazy views too), .vue files
    // included; type-only imports are left out, as they vanish at build time.
    files: ['**/*.ts', '**/*.vue'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'renderer/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
      'import-x/extensions': ['.ts', '.vue', '.js', '.mjs'],
      'import-x/parsers': {
        '@typescript-eslint/parser': ['.ts'],
        'vue-eslint-parser': ['.vue'],
      },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
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
    // Which folder may import which, by resolved path (so '../../api/client' and './client'
    // alike). Layers: common/ ← database/ ← electron/ ← nothing of renderer/ or tools/.
    files: SOURCES,
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: 'common',
              from: ['database', 'electron', 'renderer', 'tools'],
              message: 'common/ is the bottom layer: it imports no other folder of the program.',
            },
            {
              target: 'database',
              from: ['electron', 'renderer', 'tools'],
              message:
                'database/ is below the API: it never imports electron/ (the router, services), renderer/ or tools/.',
            },
            {
              target: 'electron',
              from: ['renderer', 'tools'],
              message: 'The backend never imports the renderer or the tools.',
            },
            {
              target: 'renderer',
              from: 'tools',
              message: 'The program never imports tools/ (seed and bench data).',
            },
            {
              // Views reach the backend through their domain's Pinia store (renderer/src/stores/).
              // The one documented exception: a form dialog (*Dialog.vue) submits its own form
              // with call(...), where a store would only pass the form through.
              target: [
                'renderer/src/views/**/!(*Dialog).vue',
                'renderer/src/views/**/*.ts',
                'renderer/src/components/**/!(*Dialog).vue',
                'renderer/src/components/**/*.ts',
              ],
              from: 'renderer/src/api/client.ts',
              message:
                "Views call the backend through their domain's store (renderer/src/stores/); only a *Dialog.vue form may call(...) itself.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['common/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', commonRestrictions],
    },
  },
  {
    // The API layer and the database also run in browser mode and the tests, where Electron
    // cannot load, and so do server mode (electron/server/) and the forwarding to a server
    // (electron/client/); only the glue in electron/*.ts imports it (and electron-updater).
    files: ['electron/api/**', 'database/**', 'electron/server/**', 'electron/client/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-updater'].map((name) => ({ name, message: API_MESSAGE })),
          patterns: [{ group: ['electron/*'], message: API_MESSAGE }],
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
