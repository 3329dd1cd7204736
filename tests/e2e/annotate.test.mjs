// End-to-end: notes, tags and stars on a card in the real window; note text with markdown,
// HTML and script renders inert; what was added is in the library (read through the CLI).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useDriver, Session, KEY, ROOT, freshLibrary, waitFor, sleep, cli } from './webdriver.mjs';

const driverBase = useDriver(before, after);

test('a note with markdown, HTML and script renders inert; tags and star are kept', async () => {
  const lib = freshLibrary();
  cli(['--library', lib, 'import', join(ROOT, 'tests/fixtures/prep-v1.md')]);
  const s = await Session.start(driverBase(), ['--library', lib]);
  try {
    await s.waitFind('[data-testid="deck-item"]');
    const box = await s.find('[data-testid="search-input"]');
    await s.click(box);
    await s.type(box, 'rabbitmq');
    await s.waitAll('[data-testid="hit-item"]', (a) => a.length === 1, 'one hit');
    await s.press(KEY.ArrowDown);
    await s.press(KEY.Enter);
    await s.waitFind('[data-testid="card-answer"]');

    const hostile =
      '**Lead with replay.**\n\n<script>document.title = "pwned"</script>\n\n' +
      '<img src="x" onerror="document.title = \'pwned\'">\n\n[click](javascript:alert(1))';
    const input = await s.waitFind('[data-testid="note-input"]');
    await s.click(input);
    await s.type(input, hostile);
    await s.click(await s.find('[data-testid="note-save"]'));
    const note = await s.waitFind('[data-testid="note-item"] [data-testid="note-body"]');
    await waitFor(async () => /Lead with replay/.test(await s.text(note)), 'the note is shown');
    await sleep(300);
    assert.equal(await s.title(), 'Cuecard', 'no script ran');
    assert.equal((await s.findAll('[data-testid="note-body"] strong')).length, 1, 'markdown is rendered');
    assert.equal((await s.findAll('[data-testid="note-body"] script')).length, 0);
    for (const img of await s.findAll('[data-testid="note-body"] img')) {
      assert.equal(await s.attr(img, 'onerror'), null);
    }
    for (const a of await s.findAll('[data-testid="note-body"] a')) {
      assert.ok(!((await s.attr(a, 'href')) ?? '').startsWith('javascript:'));
    }

    // A tag and the star.
    const tag = await s.find('[data-testid="tag-input"]');
    await s.click(tag);
    await s.type(tag, 'star-story' + KEY.Enter);
    await s.waitAll('[data-testid="tag-chip"]', (a) => a.length === 2, 'two tags');
    const star = await s.find('[data-testid="star-toggle"]');
    assert.equal(await s.attr(star, 'aria-pressed'), 'false');
    await s.click(star);
    await waitFor(async () => (await s.attr(await s.find('[data-testid="star-toggle"]'), 'aria-pressed')) === 'true', 'starred');

    // All of it is in the library, and searchable.
    const cards = JSON.parse(cli(['--library', lib, '--json', 'cards'])).cards;
    const card = cards.find((c) => /RabbitMQ/.test(c.question));
    assert.equal(card.starred, true);
    assert.deepEqual(card.tags, ['technical', 'star-story']);
    assert.equal(card.notes.length, 1);
    assert.match(card.notes[0].body, /<script>/, 'the note is kept as written');
    const hits = JSON.parse(cli(['--library', lib, '--json', 'search', 'is:starred'])).hits;
    assert.equal(hits.length, 1);
  } finally {
    await s.end();
  }
});
