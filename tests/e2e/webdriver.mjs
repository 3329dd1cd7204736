// A small W3C WebDriver client over fetch, and the harness that starts Xvfb, tauri-driver
// and the real Cuecard binary for end-to-end tests.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const APP = process.env.CUECARD_APP ?? join(ROOT, 'target/debug/cuecard-app');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

async function waitFor(fn, what, timeout = 15000, every = 50) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(every);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** Xvfb on a free display, unless one is given. */
export async function startDisplay() {
  if (process.env.DISPLAY && !process.env.CUECARD_E2E_OWN_DISPLAY) return { display: process.env.DISPLAY, stop() {} };
  const n = 90 + Math.floor(Math.random() * 400);
  const proc = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await waitFor(() => existsSync(`/tmp/.X11-unix/X${n}`), 'Xvfb');
  return { display: `:${n}`, stop: () => proc.kill('SIGTERM') };
}

/** tauri-driver on a free port; stopped with SIGTERM so it takes WebKitWebDriver with it. */
export async function startDriver(display) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = process.env.TAURI_DRIVER ?? 'tauri-driver';
  // WebKit keeps per-app data under XDG_DATA_HOME: give each run its own.
  const xdg = mkdtempSync(join(tmpdir(), 'cuecard-e2e-xdg-'));
  const proc = spawn(driver, ['--port', String(port), '--native-port', String(nativePort)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DISPLAY: display,
      DBUS_SESSION_BUS_ADDRESS: 'disabled:',
      NO_AT_BRIDGE: '1',
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
    },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/status`)).ok, 'tauri-driver');
  return { base, stop: () => proc.kill('SIGTERM') };
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, args, application = APP) {
    const res = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        capabilities: {
          alwaysMatch: {
            'tauri:options': { application, args },
          },
        },
      }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`session: ${JSON.stringify(body)}`);
    return new Session(base, body.value.sessionId);
  }

  async cmd(method, path, body) {
    const res = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return v.map((e) => e[ELEMENT]);
  }

  async waitFind(css, timeout) {
    return waitFor(async () => (await this.findAll(css))[0], css, timeout);
  }

  async waitAll(css, pred, what, timeout) {
    return waitFor(async () => {
      const all = await this.findAll(css);
      return pred(all) ? all : null;
    }, what ?? css, timeout);
  }

  text(el) {
    return this.cmd('GET', `/element/${el}/text`);
  }

  /** The element's textContent (WebDriver's rendered text misses some clipped spans). */
  content(el) {
    return this.cmd('GET', `/element/${el}/property/textContent`);
  }

  attr(el, name) {
    return this.cmd('GET', `/element/${el}/attribute/${name}`);
  }

  click(el) {
    return this.cmd('POST', `/element/${el}/click`, {});
  }

  type(el, text) {
    return this.cmd('POST', `/element/${el}/value`, { text });
  }

  clear(el) {
    return this.cmd('POST', `/element/${el}/clear`, {});
  }

  exec(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  title() {
    return this.cmd('GET', '/title');
  }

  /** Presses keys through the Actions API; modifiers are held while `key` is pressed. */
  async press(key, modifiers = []) {
    const down = [...modifiers, key].map((value) => ({ type: 'keyDown', value }));
    const up = [key, ...modifiers.slice().reverse()].map((value) => ({ type: 'keyUp', value }));
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
    await this.cmd('DELETE', '/actions');
  }

  async screenshot(path) {
    const b64 = await this.cmd('GET', '/screenshot');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(b64, 'base64'));
  }

  async end() {
    try {
      await fetch(`${this.base}/session/${this.id}`, { method: 'DELETE' });
    } catch {
      /* the app is gone already */
    }
  }
}

export const KEY = {
  Enter: '\uE007',
  Escape: '\uE00C',
  ArrowDown: '\uE015',
  ArrowUp: '\uE013',
  Control: '\uE009',
  Shift: '\uE008',
};

export { waitFor, sleep };

/** A fresh library folder, optionally seeded through the CLI. */
export function freshLibrary() {
  return mkdtempSync(join(tmpdir(), 'cuecard-e2e-lib-'));
}

export function cli(args) {
  return execFileSync(join(ROOT, 'target/debug/cuecard'), args, { encoding: 'utf8' });
}

/**
 * Starts Xvfb and tauri-driver before a test file's tests and stops them after; returns a
 * function giving the driver's address.
 */
export function useDriver(before, after) {
  let display;
  let driver;
  before(async () => {
    display = await startDisplay();
    driver = await startDriver(display.display);
  });
  after(() => {
    driver?.stop();
    display?.stop();
  });
  return () => driver.base;
}
