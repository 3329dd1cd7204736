// `make bench` (window part): a release build over a 10,000-card library.
// - launch: from asking WebDriver for the app to the first card painted in the window;
// - search: from a keystroke (input event) to its results painted, p50 / p99;
// - memory: PSS of the whole process tree (the app and its WebKit processes), against the
//   same binary showing an empty page (`--empty-window`).
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDisplay, startDriver, Session, ROOT, freshLibrary, sleep } from './webdriver.mjs';

const REL = join(ROOT, 'target/release');
const APP = join(REL, 'cuecard-app');
const CARDS = Number(process.env.CARDS_APP ?? 10000);

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
}

function children() {
  const map = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!map.has(ppid)) map.set(ppid, []);
      map.get(ppid).push(Number(pid));
    } catch {
      /* gone */
    }
  }
  return map;
}

function treePssMb(root) {
  const kids = children();
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(kids.get(all[i]) ?? []));
  let kb = 0;
  for (const pid of all) {
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m);
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return { mb: kb / 1024, processes: all.length };
}

/** Starts the app directly (no WebDriver); returns when it reports the library painted
 * (CUECARD_TRACE) and, four seconds later, the memory of its process tree. */
async function launch(display, args) {
  const xdg = mkdtempSync(join(tmpdir(), 'cuecard-bench-xdg-'));
  const p = spawn(APP, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CUECARD_TRACE: '1', DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: 'disabled:', NO_AT_BRIDGE: '1', XDG_DATA_HOME: join(xdg, 'd'), XDG_CACHE_HOME: join(xdg, 'c') },
  });
  let painted = null;
  let loaded = null;
  p.stderr.on('data', (d) => {
    const m = String(d).match(/library painted (\d+) ms/);
    if (m) painted = Number(m[1]);
    const l = String(d).match(/page loaded (\d+) ms/);
    if (l && loaded === null) loaded = Number(l[1]);
  });
  const empty = args.includes('--empty-window');
  const until = Date.now() + 15000;
  while ((empty ? loaded : painted) === null && Date.now() < until) await sleep(20);
  await sleep(3000);
  const m = treePssMb(p.pid);
  p.kill('SIGTERM');
  await sleep(500);
  return { painted, loaded, ...m };
}

const lib = freshLibrary();
const doc = join(lib, '..', `bench-${CARDS}.md`);
execFileSync(join(REL, 'examples/bench'), ['gen', String(CARDS), doc], { stdio: 'inherit' });
execFileSync(join(REL, 'cuecard'), ['--library', lib, 'import', doc], { stdio: 'ignore' });
console.log(`library: ${CARDS} cards in ${lib}`);

const display = await startDisplay();
const driver = await startDriver(display.display);
try {
  {
    const s = await Session.start(driver.base, ['--library', lib], APP);
    await s.waitFind('[data-testid="card-item"]', 20000);
    {
      const words = ['handle', 'kubernetes', 'latency', 'pipeline', 'team', 'ka', 'rollback', 'scale', 'cache', 'deploy'];
      const times = [];
      for (let n = 0; n < 40; n++) {
        const q = `${words[n % words.length]}${n % 3 === 0 ? '' : ' ' + words[(n * 7) % words.length].slice(0, 3)}`;
        const ms = await s.cmd('POST', '/execute/async', {
          script: `const [q, done] = arguments;
            const input = document.querySelector('[data-testid="search-input"]');
            const t0 = performance.now();
            input.value = q;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const poll = () => {
              const c = document.querySelector('[data-testid="result-count"]');
              if (c && c.dataset.query === q) requestAnimationFrame(() => done(performance.now() - t0));
              else setTimeout(poll, 1);
            };
            poll();`,
          args: [q],
        });
        times.push(ms);
      }
      times.sort((a, b) => a - b);
      console.log(`search in the window (${times.length} keystrokes): p50 ${pct(times, 0.5).toFixed(1)} ms, p99 ${pct(times, 0.99).toFixed(1)} ms   (target: p99 <= 16 ms, one frame)`);
      await s.end();
    }
  }
} finally {
  driver.stop();
}
const runs = [];
const empties = [];
for (let i = 0; i < 3; i++) {
  runs.push(await launch(display.display, ['--library', lib]));
  empties.push(await launch(display.display, ['--library', freshLibrary(), '--empty-window']));
}
const painted = runs.map((r) => r.painted).filter((t) => t !== null).sort((a, b) => a - b);
const loaded = empties.map((r) => r.loaded).filter((t) => t !== null).sort((a, b) => a - b);
const app = runs[runs.length - 1];
const empty = empties[empties.length - 1];
console.log('figure                                   cuecard      anchor (empty window)   ratio   target');
console.log(`start to library painted, ${CARDS} cards   ${String(pct(painted, 0.5)).padStart(5)} ms     ${String(pct(loaded, 0.5)).padStart(5)} ms (page loaded)     ${(pct(painted, 0.5) / pct(loaded, 0.5)).toFixed(2)}x   <= 1.5x   (runs: ${painted.join(', ')} / ${loaded.join(', ')})`);
console.log(`memory, PSS of the process tree         ${app.mb.toFixed(0).padStart(5)} MB     ${empty.mb.toFixed(0).padStart(5)} MB                 +${(app.mb - empty.mb).toFixed(0)} MB   <= +60 MB   (${app.processes} / ${empty.processes} processes)`);
display.stop();
