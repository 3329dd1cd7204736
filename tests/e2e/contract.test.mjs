// The window's contract, checked against the real app: the scenario in tests/contract is run
// through the shell's commands exactly as ui/src/lib/backend/tauri.ts sends them, and each
// answer must have the shape in tests/contract/shapes.json, which the fake backend is held
// to as well (ui/src/Contract.test.ts). UPDATE_CONTRACT=1 writes shapes.json from this run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useDriver, Session, ROOT, freshLibrary } from './webdriver.mjs';
import { runScenario, differences } from '../contract/shape.mjs';

const driverBase = useDriver(before, after);

/** method name → [command, argument names], read from the one-line methods of tauri.ts. */
function commandsOfTauriBackend() {
  const src = readFileSync(join(ROOT, 'ui/src/lib/backend/tauri.ts'), 'utf8');
  const map = {};
  const re = /^\s+(\w+)\(([^)]*)\)\s*\{\s*return call<[^>]*>\('(\w+)'(?:,\s*\{([^}]*)\})?\);\s*\}/gm;
  for (const m of src.matchAll(re)) {
    const params = m[2].split(',').map((p) => p.split(':')[0].trim()).filter(Boolean);
    const named = (m[4] ?? '').split(',').map((k) => k.trim()).filter(Boolean);
    assert.deepEqual(named, params, `${m[1]} sends its parameters under their own names`);
    map[m[1]] = [m[3], params];
  }
  return map;
}

test('the real backend answers the contract scenario in the contract shapes', async () => {
  const scenario = JSON.parse(readFileSync(join(ROOT, 'tests/contract/scenario.json'), 'utf8'));
  const commands = commandsOfTauriBackend();
  const s = await Session.start(driverBase(), ['--library', freshLibrary()]);
  try {
    await s.waitFind('[data-testid="deck-item"]');
    const shapes = await runScenario(scenario, async (method, args) => {
      const entry = commands[method];
      assert.ok(entry, `${method} is a one-line command in tauri.ts`);
      const [command, names] = entry;
      const named = Object.fromEntries(names.map((n, i) => [n, args[i] ?? null]));
      const out = await s.exec(
        `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
           .then((value) => ({ value }), (error) => ({ error }));`,
        [command, named],
      );
      if (out && 'error' in out) throw out.error;
      return out?.value ?? null;
    });
    const file = join(ROOT, 'tests/contract/shapes.json');
    if (process.env.UPDATE_CONTRACT) {
      writeFileSync(file, JSON.stringify(shapes, null, 2) + '\n');
    }
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    for (const step of scenario.steps) {
      assert.deepEqual(differences(expected[step.name], shapes[step.name], step.name), [], step.name);
    }
  } finally {
    await s.end();
  }
});
