// End-to-end: a short rehearsal in the real window, by keyboard alone; the summary; the
// attempts in the library afterwards (read through the CLI); the statistics view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useDriver, Session, KEY, freshLibrary, waitFor, sleep, cli } from './webdriver.mjs';

const driverBase = useDriver(before, after);

test('a rehearsal by keyboard: timer, reveal, ratings, summary, and the attempts are stored', async () => {
  const lib = freshLibrary();
  const s = await Session.start(driverBase(), ['--library', lib]);
  try {
    await s.waitFind('[data-testid="deck-item"]');
    // Every answered card of the sample deck is new, so all of them are due.
    const due0 = JSON.parse(cli(['--library', lib, '--json', 'due'])).due.length;
    assert.ok(due0 >= 10, `${due0} cards due`);
    const count = await s.waitFind('[data-testid="rehearse-due-count"]');
    await waitFor(async () => (await s.text(count)).trim() === String(due0), `${due0} cards due`);

    await s.exec('document.activeElement && document.activeElement.blur()');
    await s.press('r');
    await s.waitFind('[data-testid="rehearsal"]');
    const progress = await s.waitFind('[data-testid="rehearsal-progress"]');
    assert.equal((await s.text(progress)).replace(/\s+/g, ''), `1/${due0}`);
    const first = await s.text(await s.find('[data-testid="rehearsal-question"]'));
    assert.ok(first.length > 5, 'a question is shown');
    assert.equal((await s.findAll('[data-testid="rehearsal-answer"]')).length, 0, 'the answer waits');

    // The timer runs at once.
    const timer = await s.find('[data-testid="rehearsal-timer"]');
    assert.equal(await s.attr(timer, 'data-state'), 'ok');
    const t0 = await s.text(timer);
    await sleep(1300);
    assert.notEqual(await s.text(timer), t0, 'the timer counts');
    assert.match(await s.text(timer), /2:00/, 'against the default target');

    // Space reveals; 3 rates Good; the next question comes.
    await s.press(' ');
    await s.waitFind('[data-testid="rehearsal-answer"]');
    await s.press('3');
    const at = async (n) => (await s.text(await s.find('[data-testid="rehearsal-progress"]'))).replace(/\s+/g, '') === `${n}/${due0}`;
    await waitFor(() => at(2), 'second card');
    const second = await s.text(await s.find('[data-testid="rehearsal-question"]'));
    assert.notEqual(second, first);
    await s.press(' ');
    await s.waitFind('[data-testid="rehearsal-answer"]');
    await s.press('1');
    await waitFor(() => at(3), 'third card');

    // Esc ends early: the summary lists the two rated cards.
    await s.press(KEY.Escape);
    await s.waitFind('[data-testid="rehearsal-summary"]');
    const rows = await s.waitAll('[data-testid="summary-row"]', (a) => a.length === 2, 'two summary rows');
    assert.deepEqual(
      await Promise.all(rows.map((r) => s.attr(r, 'data-rating'))),
      ['good', 'again'],
    );

    // The attempts are in the library, committed as they were given.
    const stats = JSON.parse(cli(['--library', lib, '--json', 'stats']));
    assert.equal(stats.total_reviews, 2);
    assert.equal(stats.ratings_per_day[0].good, 1);
    assert.equal(stats.ratings_per_day[0].again, 1);
    const due = JSON.parse(cli(['--library', lib, '--json', 'due']));
    assert.ok(due.due.some((d) => d.question === second && d.new === false), 'Again brings the card back today');
    assert.ok(!due.due.some((d) => d.question === first && d.new === false), 'Good sends the card away');

    await s.click(await s.find('[data-testid="summary-done"]'));
    await waitFor(async () => (await s.findAll('[data-testid="rehearsal"]')).length === 0, 'rehearsal closed');

    // The statistics view draws from the same records.
    await s.click(await s.find('[data-testid="nav-stats"]'));
    await s.waitFind('[data-testid="stats-view"]');
    await s.waitFind('[data-testid="stats-heatmap"]');
    assert.match(await s.text(await s.find('[data-testid="stats-total"]')), /2/);
    assert.ok((await s.findAll('[data-testid="stats-forecast"]')).length === 1);
  } finally {
    await s.end();
  }
});

test("a deck's target set in the window is the library's", async () => {
  const lib = freshLibrary();
  const s = await Session.start(driverBase(), ['--library', lib]);
  try {
    let sample = null;
    await waitFor(async () => {
      for (const d of await s.findAll('[data-testid="deck-item"]')) {
        if (/Sample/.test(await s.content(d))) sample = d;
      }
      return sample !== null;
    }, 'the sample deck');
    await s.click(sample);
    const select = await s.waitFind('[data-testid="deck-target"]');
    assert.equal(await s.exec('return document.querySelector("[data-testid=deck-target]").value'), '120');
    await s.exec(
      'const el = document.querySelector("[data-testid=deck-target]"); el.value = "90"; el.dispatchEvent(new Event("change", { bubbles: true }));',
    );
    await waitFor(() => /1:30/.test(cli(['--library', lib, 'target', 'Sample'])), 'the deck target is stored');
    assert.ok(select);
  } finally {
    await s.end();
  }
});
