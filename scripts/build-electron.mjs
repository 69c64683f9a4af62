// Bundles the Node/Electron side with esbuild:
//   electron/main/main.ts       → dist/electron/main.cjs   (Electron main, CJS)
//   electron/preload/preload.ts → dist/electron/preload.cjs (sandboxed preload: one CJS file, only `electron` external)
//   server/cli.ts       → dist/serve/cli.mjs        (the newsroom server: npm run server / serve, ESM; with desktop/ for serve --connect)
//   core/photos/metadata/metadataWorker.ts → dist/electron/metadataWorker.cjs and
//     dist/serve/metadataWorker.mjs: the core's photo-metadata worker thread, which the core
//     starts from beside its own bundle (see core/photos/metadata/reader.ts)
// npm packages stay external (installed beside the app; native ones are unpacked from the asar).

import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};

// CJS has no import.meta.url; give core code that uses it the file's URL.
const cjsImportMeta = {
  banner: { js: "const __newsdesk_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__newsdesk_import_meta_url' },
};

const targets = [
  { ...common, ...cjsImportMeta, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', packages: 'external', external: ['electron'] },
  // A sandboxed preload can require only `electron`: everything else is bundled in.
  {
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    platform: 'browser',
    minify: true,
    external: ['electron'],
  },
  { ...common, entryPoints: ['server/cli.ts'], outfile: 'dist/serve/cli.mjs', format: 'esm', packages: 'external' },
  ...[
    { outfile: 'dist/electron/metadataWorker.cjs', format: 'cjs' },
    { outfile: 'dist/serve/metadataWorker.mjs', format: 'esm' },
  ].map((out) => ({ ...common, ...out, entryPoints: ['core/photos/metadata/metadataWorker.ts'], packages: 'external' })),
];

if (watch) {
  const { context } = await import('esbuild');
  for (const options of targets) {
    const ctx = await context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching electron/ and shared/');
} else {
  await Promise.all(targets.map((options) => build(options)));
  console.log(`esbuild: ${targets.map((t) => t.outfile).join(', ')}`);
}
