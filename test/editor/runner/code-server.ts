import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../../..');

export interface EditorTools {
  node24Bin: string;
  codeServer: string;
}

/** Installs (once) and locates Node 24, code-server and Chromium: see scripts/setup-editor.sh. */
export function setupEditorTools(): EditorTools {
  const result = spawnSync('bash', [path.join(ROOT, 'scripts/setup-editor.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`scripts/setup-editor.sh failed (${result.status})`);
  const value = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(result.stdout)?.[1];
  const node24Bin = value('NODE24_BIN');
  const codeServer = value('CODE_SERVER');
  if (!node24Bin || !codeServer) throw new Error(`setup-editor printed no tool paths:\n${result.stdout}`);
  return { node24Bin, codeServer };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** code-server has no readiness event: /healthz is polled at this interval, a bounded number of times. */
const HEALTH_POLL_MS = 500;

function healthy(port: number): Promise<boolean> {
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

export interface CodeServerOptions {
  tools: EditorTools;
  /** Scratch folder for user data, extensions and XDG folders. */
  home: string;
  folder: string;
  settings: Record<string, unknown>;
  smokeTestDriver?: boolean;
  locale?: string;
  log: (line: string) => void;
}

export interface RunningCodeServer {
  port: number;
  url: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

/** `code-server --install-extension X.vsix` into the scratch extensions folder. */
export function installExtension(tools: EditorTools, home: string, vsix: string): void {
  const result = spawnSync(
    tools.codeServer,
    ['--extensions-dir', path.join(home, 'extensions'), '--user-data-dir', path.join(home, 'user-data'), '--install-extension', vsix],
    {
      encoding: 'utf8',
      env: environment(tools, home),
    },
  );
  if (result.status !== 0) throw new Error(`installing ${vsix} failed: ${result.stdout}${result.stderr}`);
}

function environment(tools: EditorTools, home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${tools.node24Bin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
    XDG_DATA_HOME: path.join(home, 'xdg-data'),
    XDG_CACHE_HOME: path.join(home, 'xdg-cache'),
  };
}

/**
 * Starts code-server on 127.0.0.1 in its own process group (it leaves children behind
 * otherwise) and resolves once /healthz answers.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const { tools, home } = options;
  const userData = path.join(home, 'user-data');
  const extensionsDir = path.join(home, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const port = await freePort();
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
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
  const child: ChildProcess = spawn(tools.codeServer, args, { detached: true, env: environment(tools, home), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) =>
    String(chunk)
      .split('\n')
      .filter(Boolean)
      .forEach((l) => options.log(`[code-server] ${l}`)),
  );
  child.stderr!.on('data', (chunk) =>
    String(chunk)
      .split('\n')
      .filter(Boolean)
      .forEach((l) => options.log(`[code-server] ${l}`)),
  );
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  // Poll /healthz: code-server gives no other signal that it is ready. Bounded to 120 tries.
  for (let attempt = 0; attempt < 120 && !exited; attempt++) {
    if (await healthy(port)) break;
    await new Promise((r) => setTimeout(r, HEALTH_POLL_MS));
  }
  if (exited || !(await healthy(port))) throw new Error('code-server did not start');

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    extensionsDir,
    async stop() {
      if (exited) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      await exit;
    },
  };
}
