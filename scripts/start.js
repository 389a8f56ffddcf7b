#!/usr/bin/env node
// `npm start`: the product on its samples. Checks them with the command line, then opens them
// in a real VS Code with the extension installed: VS Code desktop when `code` is on PATH,
// otherwise code-server on 127.0.0.1 (Ctrl-C stops it).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const samples = path.join(root, 'samples');
const vsix = path.join(root, 'rubric-studio.vsix');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0 && !options.allowFailure) process.exit(result.status ?? 1);
  return result;
}

console.log('Building (about half a minute)…');
run('npm', ['run', '-s', 'build']);
console.log('\n$ rubric check samples/*.rubric.yaml');
run(process.execPath, [
  'server/bin/rubric.js',
  'check',
  ...fs
    .readdirSync(samples)
    .filter((f) => f.endsWith('.rubric.yaml'))
    .map((f) => `samples/${f}`),
]);
console.log('\n$ rubric simulate samples/forest-chief-2022.rubric.yaml');
run(process.execPath, ['server/bin/rubric.js', 'simulate', 'samples/forest-chief-2022.rubric.yaml']);

console.log('\nPackaging the extension (rubric-studio.vsix)…');
run(process.execPath, [
  require.resolve('@vscode/vsce/vsce'),
  'package',
  '--no-dependencies',
  '--no-rewrite-relative-links',
  '--readme-path',
  'MARKETPLACE.md',
  '--out',
  vsix,
]);

const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  run('code', ['--install-extension', vsix, '--force']);
  run('code', [samples]);
  console.log('\nOpened samples/ in VS Code with Rubric Studio installed.');
  process.exit(0);
}

// The same helpers the real-editor tests use (plain JavaScript, no build or test code needed).
const { installExtension, setupEditorTools, startCodeServer } = require('./code-server.js');

(async () => {
  // Minutes on the first run (Chromium, Node 24, code-server): each step says what it is doing.
  console.log('\nPreparing VS Code (code-server): the first run installs it, a few minutes; later runs take seconds.');
  const tools = setupEditorTools();
  const home = path.join(root, '.cache', 'editor', 'home');
  fs.mkdirSync(home, { recursive: true });
  console.log('Installing the extension into code-server…');
  installExtension(tools, home, vsix);
  console.log('Starting code-server…');
  const settings = {
    'editor.inlayHints.enabled': 'on',
    // Closed, so the simulation and the ranking opened beside the editor are not squeezed by an empty chat bar.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  };
  const server = await startCodeServer({ tools, home, folder: samples, settings, log: () => undefined });
  console.log(`\nRubric Studio in VS Code (code-server): ${server.url}/?folder=${encodeURIComponent(samples)}`);
  console.log('Open that address in a browser on this machine. Ctrl-C stops code-server.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    console.log('code-server stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
