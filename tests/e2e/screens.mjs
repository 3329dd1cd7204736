// Takes the README's screenshots of the rehearsal, statistics, annotated card, job and résumé views
// (`node tests/e2e/screens.mjs` after `make app cli`). Not a test: it captures the Xvfb
// screen with ImageMagick's `import`, which works where a WebDriver screenshot of a large
// page can stall.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startDisplay, startDriver, Session, KEY, ROOT, freshLibrary, sleep, cli } from './webdriver.mjs';

process.env.CUECARD_E2E_OWN_DISPLAY = '1';
const display = await startDisplay();
const driver = await startDriver(display.display);
const shot = (name) =>
  execFileSync('import', ['-display', display.display, '-window', 'root', '-crop', '1100x720+0+0', join(ROOT, 'docs', name)]);

const lib = freshLibrary();
cli(['--library', lib, 'sample']);
const cards = JSON.parse(cli(['--library', lib, '--json', 'cards'])).cards;
const day = 86_400_000;
// A few weeks of practice, so the charts have something to show.
for (let i = 0; i < 24; i++) {
  const c = cards[i % cards.length];
  const at = new Date(Date.now() - (24 - i) * day * 1.5).toISOString();
  const rating = ['good', 'hard', 'good', 'easy', 'again', 'good'][i % 6];
  cli(['--library', lib, 'review', c.id, '--rating', rating, '--seconds', String(60 + ((i * 37) % 120)), '--at', at]);
}
const card = cards.find((c) => /rollback|incident/i.test(c.answer)) ?? cards[0];
cli(['--library', lib, 'note', 'add', card.id, 'Lead with the **14-minute** rollback, then the fix.']);
cli(['--library', lib, 'tag', 'add', card.id, 'star-story']);
cli(['--library', lib, 'star', card.id]);
const words = card.answer.split(/\s+/).slice(0, 9).join(' ');
cli(['--library', lib, 'highlight', card.id, words, '--comment', 'say this first']);

cli(['--library', lib, 'job', 'add', join(ROOT, 'tests/fixtures/posting-ml-infra.md'), '--title', 'ML infrastructure engineer']);
const s = await Session.start(driver.base, ['--library', lib]);
try {
  await s.waitFind('[data-testid="deck-item"]');
  await s.exec('document.activeElement && document.activeElement.blur()');
  await s.press('r');
  await s.waitFind('[data-testid="rehearsal-question"]');
  await sleep(2500);
  shot('screenshot-rehearsal.png');
  await s.press(' ');
  await s.waitFind('[data-testid="rehearsal-answer"]');
  await s.press('3');
  await sleep(400);
  await s.press(KEY.Escape);
  await s.waitFind('[data-testid="rehearsal-summary"]');
  await s.click(await s.find('[data-testid="summary-done"]'));
  await sleep(400);
  await s.click(await s.find('[data-testid="nav-stats"]'));
  await s.waitFind('[data-testid="stats-heatmap"]');
  await sleep(500);
  shot('screenshot-stats.png');
  const box = await s.find('[data-testid="search-input"]');
  await s.click(box);
  await s.type(box, 'is:starred');
  await s.waitAll('[data-testid="hit-item"]', (a) => a.length >= 1, 'starred card');
  await s.press(KEY.ArrowDown);
  await s.press(KEY.Enter);
  await s.waitFind('[data-testid="note-item"]');
  await sleep(500);
  shot('screenshot-annotations.png');
  await s.press(KEY.Escape);
  await s.press(KEY.Escape);
  await s.click(await s.waitFind('[data-testid="job-item"]'));
  await s.waitFind('[data-testid="coverage-matrix"]');
  await sleep(500);
  shot('screenshot-job.png');
  // The job against the sample résumé: the résumé column, the checks, likely questions.
  await s.exec('document.querySelector("[data-testid=resume-columns]").scrollIntoView({block: "start"})');
  await sleep(400);
  shot('screenshot-job-resume.png');
  await s.click(await s.find('[data-testid="nav-resume"]'));
  await s.waitFind('[data-testid="resume-role"]');
  // The pointer off the page, so no tooltip covers it.
  await s.cmd('POST', '/actions', {
    actions: [{ type: 'pointer', id: 'mouse', actions: [{ type: 'pointerMove', x: 1090, y: 710 }] }],
  });
  await sleep(1200);
  shot('screenshot-resume.png');
} finally {
  await s.end();
  driver.stop();
  display.stop();
}
console.log('screenshots written to docs/');
