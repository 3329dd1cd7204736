// End-to-end: a résumé added in the window (by its path), read into roles and bullets; a job
// held against it (a column per keyword: on the résumé, in an answer, neither); an answer
// written to a likely question, kept in the library.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useDriver, Session, KEY, freshLibrary, waitFor, cli } from './webdriver.mjs';

const driverBase = useDriver(before, after);

const RESUME = `# Noor Haddad

## Experience

### Staff Engineer | Quayside Freight
*Feb 2021 – Present · Rotterdam, Netherlands*

- Led the move of 30 services to Kubernetes, cutting deploy time from an hour to 8 minutes
- Built the Rust pricing engine that quotes 5,000 shipments a day

### Backend Engineer | Tidewater Systems
*Jan 2017 – Jan 2021*

- Designed PostgreSQL schemas for customs declarations

## Education

Delft University of Technology, MSc Computer Science, 2015 – 2017

## Skills

Rust, Go, Kubernetes, PostgreSQL, Kafka
`;

test('a résumé added in the window, a job held against it, and an answer to a likely question', async () => {
  const lib = freshLibrary();
  const dir = mkdtempSync(join(tmpdir(), 'cuecard-resume-'));
  const path = join(dir, 'noor.md');
  writeFileSync(path, RESUME);
  const s = await Session.start(driverBase(), ['--library', lib]);
  try {
    await s.waitFind('[data-testid="deck-item"]');
    await s.click(await s.find('[data-testid="nav-resume"]'));
    // The first run's sample résumé is there; replace it by path.
    const input = await s.waitFind('[data-testid="resume-path"]');
    await s.click(input);
    await s.type(input, path + KEY.Enter);
    await waitFor(async () => (await s.text(await s.find('[data-testid="resume-person"]'))) === 'Noor Haddad', 'the new résumé is shown');
    const companies = await Promise.all((await s.findAll('[data-testid="role-company"]')).map((e) => s.text(e)));
    assert.deepEqual(companies, ['Quayside Freight', 'Tidewater Systems']);
    assert.equal((await s.findAll('[data-testid="resume-bullet"]')).length, 3);

    // A job: its keywords against the résumé.
    await s.click(await s.find('[data-testid="add-job"]'));
    const text = await s.waitFind('[data-testid="job-text"]');
    await s.type(text, 'Requirements:\n- Rust and Kubernetes in production\n- Terraform for infrastructure');
    await s.type(await s.find('[data-testid="job-title-input"]'), 'Platform engineer');
    await s.click(await s.find('[data-testid="job-submit"]'));
    await s.waitFind('[data-testid="resume-columns"]');
    const rows = await s.waitAll('[data-testid="resume-row"]', (a) => a.length >= 3, 'a row per keyword');
    const status = {};
    for (const r of rows) status[(await s.attr(r, 'data-keyword')) ?? ''] = await s.attr(r, 'data-status');
    const of = (re) => Object.entries(status).find(([k]) => re.test(k))?.[1];
    assert.match(of(/rust/) ?? '', /resume|both/, JSON.stringify(status));
    assert.equal(of(/terraform/), 'neither', JSON.stringify(status));

    // Likely questions, grounded in the résumé; write an answer to the first.
    const qs = await s.waitAll('[data-testid="likely-question"]', (a) => a.length >= 2, 'likely questions');
    assert.match(await s.text(qs[0]), /Quayside Freight|Tidewater Systems/);
    await s.click(await s.find('[data-testid="likely-write"]'));
    await s.waitFind('[data-testid="write-question"]');
    const question = await s.exec('return document.querySelector("[data-testid=write-question]").value');
    await s.type(await s.find('[data-testid="write-answer"]'), 'We moved one service a week, canary first.');
    await s.click(await s.find('[data-testid="write-save"]'));
    await s.waitFind('[data-testid="card-view"]');
    const cards = JSON.parse(cli(['--library', lib, '--json', 'cards'])).cards;
    const made = cards.find((c) => c.question === question);
    assert.ok(made, `a card for "${question}"`);
    assert.ok(made.tags.includes('likely'), JSON.stringify(made.tags));
  } finally {
    await s.end();
  }
});
