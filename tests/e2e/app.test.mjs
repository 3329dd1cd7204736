// End-to-end tests of the real Cuecard window: the app binary under Xvfb, driven through
// WebDriver (tauri-driver + WebKitWebDriver). Run with `make e2e` (part of `make test`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, basename } from 'node:path';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { useDriver, Session, KEY, ROOT, freshLibrary, waitFor } from './webdriver.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures');
const driverBase = useDriver(before, after);

async function openApp(library = freshLibrary()) {
  const s = await Session.start(driverBase(), ['--library', library]);
  try {
    await s.waitFind('[data-testid="deck-item"]');
  } catch (e) {
    await s.end();
    throw e;
  }
  return s;
}

/** Types a path to import; one file opens a preview first, which is confirmed (or, when
 *  the file cannot be read, the report names the error). Returns the preview's text. */
async function importPath(s, path, { screenshot } = {}) {
  // A typed path must lie outside hidden folders, wherever this clone happens to be: the
  // fixture is typed from a fresh temporary folder.
  if (existsSync(path)) {
    const copy = join(mkdtempSync(join(tmpdir(), 'cuecard-e2e-doc-')), basename(path));
    copyFileSync(path, copy);
    path = copy;
  }
  await s.press('o', [KEY.Control, KEY.Shift]);
  const input = await s.waitFind('[data-testid="import-path-input"]');
  await s.type(input, path + KEY.Enter);
  let previewText = null;
  await waitFor(async () => {
    const p = await s.findAll('[data-testid="import-preview"]');
    if (p.length) {
      previewText = (await s.content(p[0])) ?? "";
      return true;
    }
    return (await s.findAll('[data-testid="import-error"]')).length > 0;
  }, 'a preview or an error');
  if (previewText !== null) {
    if (screenshot) await s.screenshot(screenshot);
    await s.click(await s.find('[data-testid="preview-import"]'));
  }
  return previewText;
}

test('first run shows the sample deck, search highlights, a card renders as markdown', async () => {
  const s = await openApp();
  try {
    assert.equal(await s.title(), 'Cuecard');
    const names = await Promise.all((await s.findAll('[data-testid="deck-item"] .name')).map((d) => s.content(d)));
    const counts = await Promise.all((await s.findAll('[data-testid="deck-item"] .count')).map((d) => s.content(d)));
    assert.deepEqual(names, ['Sample']);
    assert.deepEqual(counts, ['12']);
    const cards = await s.waitAll('[data-testid="card-item"]', (a) => a.length >= 10, 'sample cards');
    assert.ok(cards.length >= 10);

    // Search as you type: "/" focuses the box, hits show highlighted words.
    const box = await s.find('[data-testid="search-input"]');
    await s.exec('document.activeElement && document.activeElement.blur()');
    assert.notEqual(await s.exec('return document.activeElement && document.activeElement.dataset.testid'), 'search-input');
    await s.press('/');
    assert.equal(await s.exec('return document.activeElement.dataset.testid'), 'search-input');
    await s.type(box, 'rollbac');
    const hits = await s.waitAll('[data-testid="hit-item"]', (a) => a.length >= 1, 'hits for rollbac');
    const marks = await s.findAll('[data-testid="hit-item"] mark');
    assert.ok(marks.length >= 1, 'highlighted words');
    assert.match((await s.text(marks[0])).toLowerCase(), /^rollbac/);
    assert.ok(hits.length >= 1);
    assert.equal(await s.exec('return document.querySelector("[data-testid=search-input]").value'), 'rollbac');
    await s.screenshot(join(ROOT, 'docs/screenshot.png'));

    // Keyboard: arrow down and Enter open the first hit; its answer is rendered markdown.
    await s.press(KEY.ArrowDown);
    await s.press(KEY.Enter);
    const answer = await s.waitFind('[data-testid="card-answer"]');
    const lists = await s.findAll('[data-testid="card-answer"] li');
    assert.ok(lists.length >= 3, 'the answer list is rendered as <li> items');
    assert.match(await s.text(answer), /rollback/i);
    const source = await s.text(await s.find('[data-testid="card-source"]'));
    assert.match(source, /sample-deck\.md, lines? \d+/);
    await s.screenshot(join(ROOT, 'docs/screenshot-card.png'));

    // Esc goes back to the list.
    await s.press(KEY.Escape);
    await waitFor(async () => (await s.findAll('[data-testid="card-view"]')).length === 0, 'card view closed');
  } finally {
    await s.end();
  }
});

test('importing a document shows the report and its cards become searchable', async () => {
  const s = await openApp();
  try {
    const preview = await importPath(s, join(FIXTURES, 'prep-v1.md'), {
      screenshot: join(ROOT, 'docs/screenshot-import-preview.png'),
    });
    assert.match(preview, /5 cards into Acme Robotics/);
    assert.match(preview, /Tell me about a time you led a migration/);
    const report = await s.waitFind('[data-testid="import-report"]');
    await waitFor(async () => /Acme Robotics/.test(await s.text(report)), 'report names the deck');
    const text = await s.text(report);
    assert.match(text, /5/);
    await s.press(KEY.Escape);
    const decks = await s.waitAll('[data-testid="deck-item"]', (a) => a.length === 2, 'two decks');
    assert.equal(decks.length, 2);
    const box = await s.find('[data-testid="search-input"]');
    await s.click(box);
    await s.type(box, 'rabbitmq');
    const hits = await s.waitAll('[data-testid="hit-item"]', (a) => a.length === 1, 'one hit');
    assert.match(await s.text(hits[0]), /Kafka and RabbitMQ/);
  } finally {
    await s.end();
  }
});

test('a failed import names the file and changes nothing', async () => {
  const lib = freshLibrary();
  const s = await openApp(lib);
  try {
    const before = (await s.findAll('[data-testid="deck-item"]')).length;
    await importPath(s, join(ROOT, 'tests/fixtures/does-not-exist.md'));
    const err = await s.waitFind('[data-testid="import-error"]');
    assert.match(await s.text(err), /does-not-exist\.md/);
    await s.press(KEY.Escape);
    assert.equal((await s.findAll('[data-testid="deck-item"]')).length, before);
  } finally {
    await s.end();
  }
});

test('a typed path to a file that is no document is not read', async () => {
  const lib = freshLibrary();
  const s = await openApp(lib);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'cuecard-e2e-secret-'));
    const secret = join(dir, 'id_ed25519');
    writeFileSync(secret, '# What is the key?\nsecret material\n');
    await importPath(s, secret);
    const err = await s.waitFind('[data-testid="import-error"]');
    assert.match(await s.text(err), /did not read/);
    await s.press(KEY.Escape);
    assert.equal((await s.findAll('[data-testid="deck-item"]')).length, 1);
  } finally {
    await s.end();
  }
});

test('script, event handlers and javascript: links in an answer stay inert', async () => {
  const s = await openApp();
  try {
    await importPath(s, join(FIXTURES, 'hostile.md'));
    await s.waitFind('[data-testid="import-report"]');
    await s.press(KEY.Escape);
    const box = await s.find('[data-testid="search-input"]');
    await s.click(box);
    await s.type(box, 'script');
    await s.waitAll('[data-testid="hit-item"]', (a) => a.length >= 1, 'hit');
    await s.press(KEY.ArrowDown);
    await s.press(KEY.Enter);
    await s.waitFind('[data-testid="card-answer"]');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await s.title(), 'Cuecard', 'no script changed the title');
    assert.equal((await s.findAll('[data-testid="card-answer"] script')).length, 0);
    const imgs = await s.findAll('[data-testid="card-answer"] img');
    for (const img of imgs) assert.equal(await s.attr(img, 'onerror'), null);
    const links = await s.findAll('[data-testid="card-answer"] a');
    for (const a of links) {
      const href = (await s.attr(a, 'href')) ?? '';
      assert.ok(!href.startsWith('javascript:'), href);
    }
    // A link to another site does not take the window away from the app.
    for (const a of links) {
      if (((await s.attr(a, 'href')) ?? '').includes('example.')) await s.click(a);
    }
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await s.title(), 'Cuecard', 'the window is still the app');
    assert.equal((await s.findAll('[data-testid="card-answer"]')).length, 1);
  } finally {
    await s.end();
  }
});

test('a pasted job posting shows its keywords coloured by coverage and what to rehearse', async () => {
  const s = await openApp();
  try {
    await s.click(await s.find('[data-testid="add-job"]'));
    const text = await s.waitFind('[data-testid="job-text"]');
    await s.type(text, 'Requirements:\n- Experience with PostgreSQL and Redis\n- Haskell in production\n- Strong communication skills');
    await s.type(await s.find('[data-testid="job-title-input"]'), 'Backend engineer');
    await s.click(await s.find('[data-testid="job-submit"]'));
    const title = await s.waitFind('[data-testid="job-title"]');
    assert.equal(await s.text(title), 'Backend engineer');
    const chips = await s.waitAll('[data-testid="keyword-chip"]', (a) => a.length >= 3, 'keyword chips');
    const states = {};
    for (const c of chips) {
      const name = await s.content(await s.cmd('POST', `/element/${c}/element`, { using: 'css selector', value: '.chip-name' }).then((v) => Object.values(v)[0]));
      states[name.toLowerCase()] = await s.attr(c, 'data-state');
    }
    // The sample deck's index answer names PostgreSQL; nothing in it mentions Haskell.
    assert.equal(states['postgresql'], 'strong', JSON.stringify(states));
    assert.equal(states['haskell'], 'gap', JSON.stringify(states));
    const ranking = await s.text(await s.find('[data-testid="job-ranking"]'));
    assert.match(ranking, /Tell me about yourself|index/);
    assert.equal((await s.findAll('[data-testid="job-item"]')).length, 1);
  } finally {
    await s.end();
  }
});
