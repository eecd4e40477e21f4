// Bundles the API into dist/server.mjs and the key-rotation command into dist/rotate-key.mjs: our
// code and `@eligo/shared` (TypeScript source) are compiled in, npm dependencies stay external and
// load from node_modules at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts', 'src/rotate-key.ts'],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  plugins: [
    {
      name: 'externalize-npm-packages',
      setup(b) {
        // Bare imports are npm packages (external), except our workspace packages (bundled).
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@eligo/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  logLevel: 'info',
});
