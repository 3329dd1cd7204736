// The shape of a backend's answer, and whether two shapes agree: the contract between the
// window's fake backend and the real one (see scenario.json). Used by the UI tests (vitest)
// and by the end-to-end tests (node).

/** Keys and value kinds of a JSON value; null, empty arrays and absent keys are "unknown". */
export function shapeOf(v) {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) {
    const items = v.map(shapeOf).filter((s) => s !== null);
    return items.length ? [items.reduce(merge)] : [];
  }
  if (typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = shapeOf(v[k]);
    return out;
  }
  return typeof v;
}

function merge(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (!a.length) return b;
    if (!b.length) return a;
    return [merge(a[0], b[0])];
  }
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return a;
}

/** Where `actual` disagrees with `expected`, as "path: why" lines (none when they agree). */
export function differences(expected, actual, path = '$') {
  if (expected === null || actual === null) return [];
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return [`${path}: a list on one side only`];
    if (!expected.length || !actual.length) return [];
    return differences(expected[0], actual[0], `${path}[0]`);
  }
  if (typeof expected === 'object' || typeof actual === 'object') {
    if (typeof expected !== 'object' || typeof actual !== 'object') return [`${path}: an object on one side only`];
    const out = [];
    for (const k of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      if (!(k in actual) && expected[k] !== null) out.push(`${path}.${k}: missing`);
      else if (!(k in expected) && actual[k] !== null) out.push(`${path}.${k}: not in the contract`);
      else out.push(...differences(expected[k] ?? null, actual[k] ?? null, `${path}.${k}`));
    }
    return out;
  }
  return expected === actual ? [] : [`${path}: ${actual} where the contract has ${expected}`];
}

/** Replaces `$name.path.to.value` arguments with values from earlier answers. */
export function resolve(args, answers) {
  return args.map((a) => {
    if (typeof a !== 'string' || !a.startsWith('$')) return a;
    const [name, ...path] = a.slice(1).split('.');
    let v = answers[name];
    for (const p of path) v = v?.[p];
    if (v === undefined) throw new Error(`${a} names nothing`);
    return v;
  });
}

/** Runs the scenario with `call(method, args)`; returns each step's shape (or error code). */
export async function runScenario(scenario, call) {
  const answers = {};
  const shapes = {};
  for (const step of scenario.steps) {
    const args = resolve(step.args, answers);
    try {
      const value = await call(step.method, args);
      if (step.error) throw new Error(`${step.name}: expected the error ${step.error}, got an answer`);
      answers[step.name] = value;
      shapes[step.name] = shapeOf(value);
    } catch (e) {
      if (!step.error) throw new Error(`${step.name} (${step.method}) failed: ${e?.message ?? JSON.stringify(e)}`);
      shapes[step.name] = { error: e?.code ?? 'none' };
    }
  }
  return shapes;
}
