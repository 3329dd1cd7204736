// The window's contract, checked against the fake backend: the scenario in tests/contract,
// run on MockBackend, must answer in the shapes the real app gives (tests/contract/
// shapes.json, checked against the real app by tests/e2e/contract.test.mjs).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MockBackend } from './lib/backend/mock';
// @ts-expect-error: a plain JavaScript module shared with the end-to-end tests
import { runScenario, differences } from '../../tests/contract/shape.mjs';

// vitest runs from ui/.
const root = resolve(process.cwd(), '../tests/contract');
const scenario = JSON.parse(readFileSync(resolve(root, 'scenario.json'), 'utf8'));
const expected = JSON.parse(readFileSync(resolve(root, 'shapes.json'), 'utf8'));

describe('the fake backend keeps the contract', () => {
  it('answers every step in the shape the real app does', async () => {
    const backend = new MockBackend() as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const shapes = await runScenario(scenario, (method: string, args: unknown[]) => backend[method](...args));
    const problems = scenario.steps.flatMap((s: { name: string }) => differences(expected[s.name], shapes[s.name], s.name));
    expect(problems).toEqual([]);
  });
});

describe('the shape comparison', () => {
  it('finds a missing field, an extra one and a changed kind', () => {
    expect(differences({ a: 'string', b: { c: 'number' } }, { a: 'number', b: { d: 'string' } }, 'x')).toEqual([
      'x.a: number where the contract has string',
      'x.b.c: missing',
      'x.b.d: not in the contract',
    ]);
    // Nulls and empty lists say nothing either way.
    expect(differences({ a: null, l: [] }, { a: 'string', l: [{ z: 'number' }] })).toEqual([]);
  });
});
