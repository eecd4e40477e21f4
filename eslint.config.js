import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Business code: server/src/modules/<domain>/. Infrastructure must never reach into it. */
const businessModules = {
  group: ['**/modules/**', '@eligo/server/modules/**'],
  message:
    'Infrastructure (server/src/plugins, server/src/lib) never imports business modules: move what it needs into lib/ beside it, or let the module register itself (see server/README.md).',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', '.data/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      // Prettier owns formatting.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // Layers (server/README.md "Layers"): infrastructure never imports business modules.
  {
    files: ['server/src/plugins/**/*.ts', 'server/src/lib/**/*.ts', 'server/src/logger.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [businessModules] }] },
  },
  {
    // app.ts registers each module's routes plugin and nothing else from a module.
    files: ['server/src/app.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/*/*', '!**/modules/*/*.routes.ts'],
              message:
                "app.ts imports only the modules' *.routes.ts plugins; a module that needs to change how the app answers registers that itself (e.g. app.answerMalformedUrls).",
            },
          ],
        },
      ],
    },
  },
  {
    // shared runs in the browser and in Node: it never imports the server or the web app.
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@eligo/server*', '@eligo/web*', '**/server/**', '**/web/**'] }] },
      ],
    },
  },
  {
    // The web app's shared building blocks serve every feature and know none (web/README.md).
    files: ['web/src/{api,components,composables}/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**'],
              message:
                'web/src/api, components and composables are shared by every feature: move what needs a feature into web/src/features/<domain>/.',
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycles inside the server, shared, the tools or the web app.
    files: [
      'server/src/**/*.ts',
      'shared/src/**/*.ts',
      'tools/*/src/**/*.ts',
      'web/src/**/*.ts',
      'web/src/**/*.vue',
    ],
    plugins: { 'import-x': importX },
    settings: {
      // Cycles are followed through TypeScript files; imports of .vue components are not parsed.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.vue', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // tools/ (the launcher, the embedded database) is local-machine tooling: the server never
      // depends on it, so the production bundle (server/build.mjs) cannot pull it in.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server',
              from: './tools',
              message:
                'The server never imports local-machine tooling (tools/, see tools/README.md).',
            },
          ],
        },
      ],
    },
  },
);
