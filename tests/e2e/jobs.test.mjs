// End-to-end: a job's posting with its keywords marked, the coverage matrix, writing an
// answer for a gap (a new card), and rehearsing what the job ranks first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useDriver, Session, KEY, freshLibrary, waitFor, cli } from './webdriver.mjs';

const driverBase = useDriver(before, after);

test('posting marks, coverage matrix, an answer written for a gap, and a rehearsal of the ranking', async () => {
  const lib = freshLibrary();
  const s = await Session.start(driverBase(), ['--library', lib]);
  try {
    await s.waitFind('[data-testid="deck-item"]');
    await s.click(await s.find('[data-testid="add-job"]'));
    const text = await s.waitFind('[data-testid="job-text"]');
    await s.type(
      text,
      'Requirements:\n- Experience with PostgreSQL and Redis\n- Haskell in production\n\nNice to have:\n- Terraform',
    );
    await s.type(await s.find('[data-testid="job-title-input"]'), 'Platform engineer');
    await s.click(await s.find('[data-testid="job-submit"]'));
    await s.waitFind('[data-testid="job-title"]');

    // The posting, with its keywords marked by coverage.
    const marks = await s.waitAll('[data-testid="posting-mark"]', (a) => a.length >= 3, 'marks in the posting');
    const state = {};
    for (const m of marks) state[(await s.content(m)).toLowerCase()] = await s.attr(m, 'data-state');
    assert.equal(state['postgresql'], 'strong', JSON.stringify(state));
    assert.equal(state['haskell'], 'none', JSON.stringify(state));

    // The matrix: keywords by the cards ranked first.
    await s.waitFind('[data-testid="coverage-matrix"]');
    const cells = await s.findAll('[data-testid="matrix-cell"]');
    assert.ok(cells.length >= 2);
    const cellStates = await Promise.all(cells.map((c) => s.attr(c, 'data-state')));
    assert.ok(cellStates.includes('strong'));
    assert.ok((await s.findAll('[data-testid="matrix-card"]')).length >= 1);

    // Write an answer for the Haskell gap: a new card that covers it.
    const writes = await s.findAll('[data-testid="gap-write"]');
    let haskell = null;
    for (const w of writes) if (/haskell/i.test((await s.attr(w, 'data-keyword')) ?? '')) haskell = w;
    assert.ok(haskell, 'a write button on the Haskell gap');
    await s.click(haskell);
    const question = await s.waitFind('[data-testid="write-question"]');
    assert.match(await s.exec('return document.querySelector("[data-testid=write-question]").value'), /haskell/i);
    const answer = await s.find('[data-testid="write-answer"]');
    await s.type(answer, 'I ran a Haskell pricing service in production for two years.');
    await s.click(await s.find('[data-testid="write-save"]'));
    await s.waitFind('[data-testid="card-view"]');
    assert.match(await s.text(await s.find('[data-testid="card-question"]')), /haskell/i);
    const cards = JSON.parse(cli(['--library', lib, '--json', 'cards', '--deck', 'My answers'])).cards;
    assert.equal(cards.length, 1);
    assert.ok(cards[0].tags.includes('gap'));
    assert.ok(question);

    // Back to the job: Haskell is covered now; rehearse what the job ranks first.
    await s.press(KEY.Escape);
    await s.click(await s.waitFind('[data-testid="job-item"]'));
    await waitFor(async () => {
      for (const c of await s.findAll('[data-testid="keyword-chip"]')) {
        if (/haskell/i.test(await s.text(c))) return (await s.attr(c, 'data-state')) !== 'gap';
      }
      return false;
    }, 'the Haskell gap is covered');
    await s.click(await s.find('[data-testid="rehearse-job"]'));
    await s.waitFind('[data-testid="rehearsal"]');
    assert.match(await s.text(await s.find('[data-testid="rehearsal-progress"]')), /^1\s*\/\s*\d+$/);
  } finally {
    await s.end();
  }
});
