import { readdirSync } from 'node:fs';
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

/**
 * The business modules (server/src/modules/<name>/) and which others each may import, always
 * through their index.ts. This is the architecture (docs/architecture.md draws it): it must stay
 * acyclic, and every module folder must be listed, so that adding a dependency is a decision.
 */
const moduleDependencies = {
  system: [],
  counties: [],
  mailbox: [],
  jobs: [],
  audit: [],
  organizations: [],
  users: [],
  auth: ['users', 'organizations'],
  account: ['auth', 'users'],
  applicants: ['organizations', 'audit'],
  survey: ['applicants', 'organizations'],
  lever: ['applicants', 'survey', 'organizations', 'users'],
  // The Filing screen and the daily digest (docs/filing.md); forms 8850/9061 (docs/forms.md).
  filing: ['applicants', 'organizations', 'users', 'audit'],
  // The home's to-do counts (docs/applicants.md, "The home's to-do list").
  home: ['applicants', 'credits', 'filing', 'organizations'],
  // Payroll, the credit ledger and Form 5884 (docs/credits.md §8).
  credits: ['applicants', 'organizations'],
};

const modulesDir = `${import.meta.dirname}/server/src/modules`;
{
  const folders = readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const unlisted = folders.filter((name) => !(name in moduleDependencies));
  if (unlisted.length > 0) {
    throw new Error(
      `eslint.config.js: list the module(s) ${unlisted.join(', ')} in moduleDependencies`,
    );
  }
  // Depth-first search for a cycle in the declared dependencies.
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new Error(`eslint.config.js: module dependency cycle ${[...path, name].join(' → ')}`);
    }
    state.set(name, 'visiting');
    for (const dependency of moduleDependencies[name] ?? []) visit(dependency, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(moduleDependencies)) visit(name, []);
}

/**
 * One zone per module: it may import the index.ts of the modules it depends on, and nothing else
 * of any other module (`import-x/no-restricted-paths`, resolved paths: relative and package imports
 * alike).
 */
const moduleBoundaries = Object.entries(moduleDependencies).flatMap(([name, dependencies]) => {
  const others = Object.keys(moduleDependencies).filter((other) => other !== name);
  const undeclared = others.filter((other) => !dependencies.includes(other));
  const target = `${modulesDir}/${name}/**`;
  return [
    ...(dependencies.length > 0
      ? [
          {
            target,
            from: dependencies.map((dependency) => `${modulesDir}/${dependency}/**`),
            except: [`${modulesDir}/*/index.ts`],
            message: `A module imports another module only through its index.ts (what it chose to share); move what you need there, or keep it private (docs/architecture.md).`,
          },
        ]
      : []),
    ...(undeclared.length > 0
      ? [
          {
            target,
            from: undeclared.map((other) => `${modulesDir}/${other}/**`),
            message: `${name} does not depend on this module. If it should, add it to moduleDependencies in eslint.config.js (no cycles) and to docs/architecture.md.`,
          },
        ]
      : []),
  ];
});

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
    // Modules (server/src/modules/<name>/): only the declared dependencies, only their index.ts.
    files: ['server/src/modules/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: moduleBoundaries }] },
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
              group: ['**/modules/*/*', '!**/modules/*/*.routes.ts', '!**/modules/*/index.ts'],
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
