#!/usr/bin/env node
// Bundles the extension and the language server into dist/ with esbuild, so the vsix is small
// and starts fast (no node_modules inside). `vscode` is provided by the editor at run time.
const esbuild = require('esbuild');
const path = require('path');

const root = path.resolve(__dirname, '..');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', minify: true, sourcemap: false, logLevel: 'warning', absWorkingDir: root };

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The command line in one file: the root package's `bin`, which pre-commit's node hooks install.
  esbuild.build({ ...common, entryPoints: ['server/bin/rubric.js'], outfile: 'dist/rubric.js' }),
]).catch(() => process.exit(1));
