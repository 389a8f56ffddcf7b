#!/usr/bin/env node
// Bundles the extension and the language server into dist/ with esbuild, so the vsix is small
// and starts fast (no node_modules inside). `vscode` is provided by the editor at run time.
const esbuild = require('esbuild');
const path = require('path');

const root = path.resolve(__dirname, '..');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', minify: true, sourcemap: false, logLevel: 'warning', absWorkingDir: root };

/**
 * Modules the server and the command line load only when a spreadsheet, Word or notice command
 * runs (a lazy `require`), each bundled into a file of its own in dist/. Inside one bundle they
 * would be parsed and kept with it at every start: exceljs, docx, archiver and their kin are
 * two thirds of the 2.4 MB, and a language server that bundled them held about 20 MiB more
 * before the first document opened than the unbundled server, which never loads them for
 * diagnostics. esbuild's code splitting would share the modules instead, but it works only for
 * ES module output (`splitting` with `format: 'cjs'` is refused), and an ES module server would
 * need `import()` where the code now requires synchronously.
 *
 * Each such file carries its own copy of what it imports from core and big.js. It is handed the
 * caller's core and its analyses and works through their methods; a decimal of the caller's copy
 * meets big.js of its own only as an argument, which big.js reads through its text. The core's
 * `instanceof Big` checks and WeakMap caches are in the sessions and models the caller's core
 * runs. test/cli/bundle.test.ts holds the bundled commands' files equal to the unbundled ones'.
 */
const LAZY_MODULES = {
  'spreadsheet/operations': 'spreadsheet-operations.js',
  'spreadsheet/ranking-workbook': 'ranking-workbook.js',
  'notice/notice-docx': 'notice-docx.js',
};

/** The key of LAZY_MODULES an import resolves to, whether from server/src (TypeScript) or server/out (what tsc wrote). */
function lazyModuleOf(file) {
  const match = /^server\/(?:src|out)\/(.+?)(?:\.ts|\.js)?$/.exec(path.relative(root, file).split(path.sep).join('/'));
  return match && Object.hasOwn(LAZY_MODULES, match[1]) ? match[1] : undefined;
}

/** Leaves a lazy module out of the bundle: its `require` then loads the file beside the bundle in dist/. */
const lazyModulesApart = {
  name: 'lazy-modules-apart',
  setup(build) {
    build.onResolve({ filter: /(?:operations|ranking-workbook|notice-docx)(?:\.[jt]s)?$/ }, (args) => {
      if (args.kind === 'entry-point' || !args.path.startsWith('.')) return undefined;
      const lazy = lazyModuleOf(path.resolve(args.resolveDir, args.path));
      return lazy ? { path: `./${LAZY_MODULES[lazy]}`, external: true } : undefined;
    });
  },
};

const serverSide = { ...common, plugins: [lazyModulesApart] };

/**
 * The npm packages the language server's own code imports, bundled into dist/server-packages.js
 * beside dist/server.js rather than into it. The same code as two scripts (316 KB of ours, 470 KB
 * of packages) held about 3 MiB less once initialize had warmed the analysis up than as one
 * 786 KB script, on every stage measured (test/bench/startup-memory.ts): as little as the
 * unbundled server, whose modules are many small scripts. Each package is required on first use.
 */
const SERVER_PACKAGES = [
  'ajv',
  'big.js',
  'minimatch',
  'vscode-languageserver',
  'vscode-languageserver/node',
  'vscode-languageserver-protocol',
  'vscode-languageserver-textdocument',
  'yaml',
];
const SERVER_PACKAGES_FILE = 'server-packages.js';

/** An import of one of SERVER_PACKAGES from our own code: the package's exports as server-packages.js holds them. */
const serverPackagesApart = {
  name: 'server-packages-apart',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      SERVER_PACKAGES.includes(args.path) && !args.importer.split(path.sep).includes('node_modules')
        ? { path: args.path, namespace: 'server-package' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'server-package' }, (args) => ({
      contents: `module.exports = require('./${SERVER_PACKAGES_FILE}')[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/server-packages\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};
const serverPackagesEntry = `module.exports = {${SERVER_PACKAGES.map((name) => `get ${JSON.stringify(name)}() { return require(${JSON.stringify(name)}); }`).join(', ')}};`;

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...serverSide, plugins: [lazyModulesApart, serverPackagesApart], entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, stdin: { contents: serverPackagesEntry, resolveDir: root }, outfile: `dist/${SERVER_PACKAGES_FILE}` }),
  // The command line (with the lazy modules beside it): the root package's `bin`, which pre-commit's node hooks install.
  esbuild.build({ ...serverSide, entryPoints: ['server/bin/rubric.js'], outfile: 'dist/rubric.js' }),
  ...Object.entries(LAZY_MODULES).map(([module, file]) => esbuild.build({ ...serverSide, entryPoints: [`server/src/${module}.ts`], outfile: `dist/${file}` })),
]).catch(() => process.exit(1));
