// code-server (a real VS Code workbench over HTTP, with the real Node extension host) for
// `npm start` and for the real-editor tests: install the tools once, install a vsix, start and
// stop a server. Plain CommonJS with JSDoc types, so the product's start needs no compiled test code.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');

/** The repository's root. */
const ROOT = path.resolve(__dirname, '..');

/**
 * @typedef {object} EditorTools
 * @property {string} node24Bin folder of the Node 24 binary code-server runs on
 * @property {string} codeServer the code-server executable
 */

/**
 * Installs (once) and locates Node 24, code-server and Chromium: see scripts/setup-editor.sh.
 * @returns {EditorTools}
 */
function setupEditorTools() {
  const result = spawnSync('bash', [path.join(ROOT, 'scripts/setup-editor.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`scripts/setup-editor.sh failed (${result.status})`);
  /** @param {string} name */
  const value = (name) => new RegExp(`^${name}=(.*)$`, 'm').exec(result.stdout)?.[1];
  const node24Bin = value('NODE24_BIN');
  const codeServer = value('CODE_SERVER');
  if (!node24Bin || !codeServer) throw new Error(`setup-editor printed no tool paths:\n${result.stdout}`);
  return { node24Bin, codeServer };
}

/** @returns {Promise<number>} a TCP port free on 127.0.0.1 now */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(address.port));
    });
  });
}

/** code-server has no readiness event: /healthz is polled at this interval, a bounded number of times. */
const HEALTH_POLL_MS = 500;
const HEALTH_POLLS = 120;

/**
 * @param {number} port
 * @returns {Promise<boolean>} whether code-server answers /healthz
 */
function healthy(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

/**
 * The environment code-server runs in: Node 24 first on PATH, XDG folders in the scratch home
 * so nothing lands in the person's home directory.
 * @param {EditorTools} tools
 * @param {string} home
 * @returns {NodeJS.ProcessEnv}
 */
function environment(tools, home) {
  return {
    ...process.env,
    PATH: `${tools.node24Bin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
    XDG_DATA_HOME: path.join(home, 'xdg-data'),
    XDG_CACHE_HOME: path.join(home, 'xdg-cache'),
  };
}

/**
 * `code-server --install-extension X.vsix` into the scratch extensions folder.
 * @param {EditorTools} tools
 * @param {string} home
 * @param {string} vsix
 */
function installExtension(tools, home, vsix) {
  const result = spawnSync(
    tools.codeServer,
    ['--extensions-dir', path.join(home, 'extensions'), '--user-data-dir', path.join(home, 'user-data'), '--install-extension', vsix, '--force'],
    { encoding: 'utf8', env: environment(tools, home) },
  );
  if (result.status !== 0) throw new Error(`installing ${vsix} failed: ${result.stdout}${result.stderr}`);
}

/**
 * @typedef {object} CodeServerOptions
 * @property {EditorTools} tools
 * @property {string} home scratch folder for user data, extensions and XDG folders
 * @property {string} folder the folder to open
 * @property {Record<string, unknown>} settings user settings, over the quiet defaults
 * @property {boolean} [smokeTestDriver] allow running an extension test suite through the page
 * @property {boolean} [workspaceTrust] ask for trust as VS Code does: the folder, not trusted, opens in Restricted Mode
 * @property {string} [locale]
 * @property {(line: string) => void} log
 */

/**
 * @typedef {object} RunningCodeServer
 * @property {number} port
 * @property {string} url
 * @property {string} extensionsDir
 * @property {() => Promise<void>} stop stops code-server and every process it started
 */

/**
 * Starts code-server on 127.0.0.1 in its own process group (it leaves children behind
 * otherwise) and resolves once /healthz answers.
 * @param {CodeServerOptions} options
 * @returns {Promise<RunningCodeServer>}
 */
async function startCodeServer(options) {
  const { tools, home } = options;
  const userData = path.join(home, 'user-data');
  const extensionsDir = path.join(home, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const quiet = {
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': Boolean(options.workspaceTrust),
    // With trust enabled: no question at start-up, so the folder stays untrusted (Restricted Mode).
    ...(options.workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
  };
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...quiet, ...options.settings }, null, 2));
  const port = await freePort();
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--reconnection-grace-time',
    '5',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir,
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    options.folder,
  ];
  const child = spawn(tools.codeServer, args, { detached: true, env: environment(tools, home), stdio: ['ignore', 'pipe', 'pipe'] });
  /** @param {Buffer} chunk */
  const forward = (chunk) =>
    String(chunk)
      .split('\n')
      .filter(Boolean)
      .forEach((line) => options.log(`[code-server] ${line}`));
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  let exited = false;
  /** @type {Promise<void>} */
  const exit = new Promise((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
    } catch {
      return;
    }
    await exit;
  };

  // Poll /healthz: code-server gives no other signal that it is ready.
  for (let attempt = 0; attempt < HEALTH_POLLS && !exited; attempt++) {
    if (await healthy(port)) break;
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  if (exited || !(await healthy(port))) {
    await stop();
    throw new Error('code-server did not start');
  }
  return { port, url: `http://127.0.0.1:${port}`, extensionsDir, stop };
}

module.exports = { ROOT, setupEditorTools, installExtension, startCodeServer };
