import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount, unmount, flushSync } from 'svelte';
import App from './App.svelte';
import { BackendError } from './lib/backend';
import { MockBackend, sampleData } from './lib/backend/mock';
import { press, queries, setValue, settle } from './test-utils';
import { DAY } from './lib/time';

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let backend: MockBackend;
const { $$, byId, allById } = queries(() => target);

/** Wednesday 12 November 2025, 10:00 local time. */
const START = new Date(2025, 10, 12, 10, 0, 0);

async function open(b = new MockBackend()) {
  backend = b;
  app = mount(App, { target, props: { backend } });
  await settle();
}

/** Moves the clock (Date, performance and the timer's interval) on. */
function advance(ms: number) {
  vi.advanceTimersByTime(ms);
  flushSync();
}

const text = (id: string) => byId(id)?.textContent?.trim() ?? null;

beforeEach(() => {
  // setTimeout stays real so that settle() can wait for promises; the clock and intervals are ours.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date', 'performance'] });
  vi.setSystemTime(START);
  target = document.createElement('div');
  document.body.appendChild(target);
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  target.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('rehearsal by keyboard', () => {
  it('rehearses three due cards with R, Space and 1–4, timing each against the target', async () => {
    const data = sampleData();
    data.cards = data.cards.slice(0, 3);
    await open(new MockBackend(data));
    expect(text('rehearse-due-count')).toBe('3');
    const record = vi.spyOn(backend, 'recordAttempt');

    (document.activeElement as HTMLElement | null)?.blur();
    press('r');
    await settle();
    expect(byId('rehearsal')).not.toBeNull();
    expect(text('rehearsal-progress')).toBe('1 / 3');
    expect(text('rehearsal-question')).toBe('How would you design a rate limiter?');
    expect(byId('rehearsal-answer')).toBeNull();
    const timer = () => byId('rehearsal-timer')!;
    expect(timer().dataset.state).toBe('ok');
    expect(timer().textContent).toContain('00:00 / 02:00');

    advance(90_000);
    expect(timer().dataset.state).toBe('ok');
    expect(timer().textContent).toContain('01:30 / 02:00');
    advance(10_000); // 1:40, past 80% of 2:00
    expect(timer().dataset.state).toBe('near');
    advance(25_000); // 2:05
    expect(timer().dataset.state).toBe('over');

    // Rating keys do nothing before the answer is shown.
    press('3');
    await settle();
    expect(record).not.toHaveBeenCalled();

    press(' ');
    await settle();
    expect(byId('rehearsal-answer')?.querySelector('strong')?.textContent).toBe('token bucket');
    advance(20_000); // reading the answer does not count
    press('3');
    await settle();
    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0][0]).toMatchObject({ card_id: 'c1', rating: 'good', duration_ms: 125_000, target_secs: 120, typed: null });
    expect(record.mock.calls[0][0].session_id).toBe('s1');

    expect(text('rehearsal-progress')).toBe('2 / 3');
    expect(text('rehearsal-question')).toBe('What is a write-ahead log?');
    expect(timer().dataset.state).toBe('ok');
    advance(30_000);
    press(' ');
    await settle();
    press('1');
    await settle();
    expect(record.mock.calls[1][0]).toMatchObject({ card_id: 'c2', rating: 'again', duration_ms: 30_000 });

    expect(text('rehearsal-progress')).toBe('3 / 3');
    advance(61_000);
    press(' ');
    await settle();
    press('4');
    await settle();
    expect(record.mock.calls[2][0]).toMatchObject({ card_id: 'c3', rating: 'easy', duration_ms: 61_000 });

    const summary = byId('rehearsal-summary');
    expect(summary).not.toBeNull();
    const rows = allById('summary-row');
    expect(rows.map((r) => r.dataset.rating)).toEqual(['good', 'again', 'easy']);
    expect(rows[0].textContent).toContain('02:05 / 02:00');
    expect(rows[0].querySelector('.over-text')).not.toBeNull();
    expect(rows[1].querySelector('.over-text')).toBeNull();
    // Card 2 was rated Again (back in 10 minutes) a minute before the summary.
    expect(rows.map((r) => r.lastElementChild?.textContent)).toEqual(['in 3 days', 'in 9 min', 'in 7 days']);
    expect(summary?.textContent).toContain('1 over the target');
    expect(text('summary-count-again')).toBe('Again 1');
    expect(byId('summary-coming-back')?.textContent).toContain('Today');

    press('Escape');
    await settle();
    expect(byId('rehearsal')).toBeNull();
    // The card rated Again comes back in 10 minutes: not due yet.
    expect(text('rehearse-due-count')).toBe('0');
    expect(backend.attempts).toHaveLength(3);
  });

  it('T opens the typing box; Ctrl+Enter reveals talking points and a suggested rating', async () => {
    await open();
    byId('deck-item')!.click(); // Systems: c1, c2
    await settle();
    byId('rehearse-deck')!.click();
    await settle();
    expect(text('rehearsal-progress')).toBe('1 / 2');
    press(' ');
    await settle();
    press('3');
    await settle();

    expect(text('rehearsal-question')).toBe('What is a write-ahead log?');
    press('t');
    await settle();
    const box = byId('rehearsal-typed') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    // Space and digits type into the box instead of revealing or rating.
    press(' ', {}, box);
    await settle();
    expect(byId('rehearsal-answer')).toBeNull();
    const typed = 'Every change goes to the log first, which gives durability.';
    setValue(box, typed);
    const compare = vi.spyOn(backend, 'compareTyped');
    advance(40_000);
    press('Enter', { ctrlKey: true }, box);
    await settle();

    expect(compare).toHaveBeenCalledWith('c2', typed, 40_000, 120, null);
    const points = allById('talking-point');
    expect(points.map((p) => [p.querySelector('.point-text')?.textContent, p.dataset.status])).toEqual([
      ['Changes are appended to a log before the data files change.', 'partial'],
      ['durability', 'covered'],
      ['replay', 'missed'],
    ]);
    expect(byId('rate-hard')?.dataset.suggested).toBe('true');
    expect(['rate-again', 'rate-good', 'rate-easy'].map((id) => byId(id)?.dataset.suggested)).toEqual([undefined, undefined, undefined]);

    const record = vi.spyOn(backend, 'recordAttempt');
    press('2');
    await settle();
    expect(record.mock.calls[0][0]).toMatchObject({ card_id: 'c2', rating: 'hard', typed, duration_ms: 40_000 });
    expect(allById('summary-row').map((r) => r.dataset.rating)).toEqual(['good', 'hard']);
  });

  it('shows a failed recording and records the retry without skipping the card', async () => {
    await open();
    const record = vi
      .spyOn(backend, 'recordAttempt')
      .mockRejectedValueOnce(new BackendError('storage', 'the library is locked by another program'));
    byId('rehearse-due')!.click();
    await settle();
    expect(text('rehearsal-progress')).toBe('1 / 4');
    advance(15_000);
    press(' ');
    await settle();
    press('3');
    await settle();
    expect(text('rehearsal-error')).toContain('not saved');
    expect(text('rehearsal-error')).toContain('the library is locked by another program');
    expect(text('rehearsal-progress')).toBe('1 / 4');
    expect(text('rehearsal-question')).toBe('How would you design a rate limiter?');
    expect(backend.attempts).toHaveLength(0);

    advance(5_000);
    byId('rate-easy')!.click();
    await settle();
    expect(byId('rehearsal-error')).toBeNull();
    expect(text('rehearsal-progress')).toBe('2 / 4');
    expect(record).toHaveBeenCalledTimes(2);
    expect(record.mock.calls[1][0]).toMatchObject({ card_id: 'c1', rating: 'easy', duration_ms: 15_000 });
    expect(backend.attempts.map((a) => [a.card_id, a.rating])).toEqual([['c1', 'easy']]);
  });

  it('Esc ends early with a summary; the weak cards can be rehearsed again', async () => {
    await open();
    byId('rehearse-due')!.click();
    await settle();
    press(' ');
    await settle();
    press('1'); // c1: again
    await settle();
    press(' ');
    await settle();
    press('3'); // c2: good
    await settle();
    expect(text('rehearsal-progress')).toBe('3 / 4');
    press('Escape');
    await settle();
    expect(allById('summary-row').map((r) => r.dataset.cardId)).toEqual(['c1', 'c2']);
    const again = byId('summary-again') as HTMLButtonElement;
    expect(again.textContent).toContain('(1)');
    again.click();
    await settle();
    expect(text('rehearsal-progress')).toBe('1 / 1');
    expect(text('rehearsal-question')).toBe('How would you design a rate limiter?');
    press(' ');
    await settle();
    press('3');
    await settle();
    expect(allById('summary-row').map((r) => [r.dataset.cardId, r.dataset.rating])).toEqual([['c1', 'good']]);
    expect(new Set(backend.attempts.map((a) => a.session_id))).toEqual(new Set(['s1', 's2']));
    byId('summary-done')!.click();
    await settle();
    expect(byId('rehearsal')).toBeNull();
    expect($$('[data-testid="card-item"]')).toHaveLength(4);
  });

  it('ending before any rating goes straight back, and Esc in the typing box only leaves the box', async () => {
    await open();
    byId('rehearse-due')!.click();
    await settle();
    press('t');
    await settle();
    const box = byId('rehearsal-typed') as HTMLTextAreaElement;
    press('Escape', {}, box);
    await settle();
    expect(byId('rehearsal')).not.toBeNull();
    expect(document.activeElement).toBe(byId('rehearsal'));
    press('Escape');
    await settle();
    expect(byId('rehearsal')).toBeNull();
    expect(byId('rehearsal-summary')).toBeNull();
  });
});

describe('starting points and target', () => {
  it('rehearses a search, and the target select changes the timer and what is recorded', async () => {
    await open();
    const input = byId('search-input') as HTMLInputElement;
    setValue(input, 'log');
    await settle();
    const plan = vi.spyOn(backend, 'startRehearsal');
    byId('rehearse-search')!.click();
    await settle();
    // Until a target is chosen here, each deck's own target applies.
    expect(plan.mock.calls[0][0]).toEqual({ source: { kind: 'query', query: 'log' }, limit: null, target_secs: null });
    expect(text('rehearsal-progress')).toBe('1 / 1');
    expect(text('rehearsal-question')).toBe('What is a write-ahead log?');

    advance(50_000);
    expect(byId('rehearsal-timer')?.dataset.state).toBe('ok');
    setValue(byId('target-select') as HTMLSelectElement, '60');
    await settle();
    expect(byId('rehearsal-timer')?.dataset.state).toBe('near');
    expect(byId('rehearsal-timer')?.textContent).toContain('00:50 / 01:00');
    press(' ');
    await settle();
    const record = vi.spyOn(backend, 'recordAttempt');
    press('3');
    await settle();
    expect(record.mock.calls[0][0].target_secs).toBe(60);
    byId('summary-done')!.click();
    await settle();

    // The chosen target is kept for the next rehearsal.
    byId('rehearse-due')!.click();
    await settle();
    expect(plan.mock.calls[1][0]).toEqual({ source: { kind: 'due' }, limit: null, target_secs: 60 });
  });

  it("a deck's own target is kept in the library and times that deck's rehearsals", async () => {
    await open();
    byId('deck-item')!.click(); // Systems
    await settle();
    const select = byId('deck-target') as HTMLSelectElement;
    expect(select.value).toBe('120');
    const save = vi.spyOn(backend, 'setDeckTarget');
    setValue(select, '90');
    await settle();
    expect(save).toHaveBeenCalledWith(expect.any(String), 90);
    expect(await backend.deckTarget(save.mock.calls[0][0])).toBe(90);
    byId('rehearse-deck')!.click();
    await settle();
    expect(byId('rehearsal-timer')?.textContent).toContain('/ 01:30');
    advance(80_000);
    expect(byId('rehearsal-timer')?.dataset.state).toBe('near');
    press(' ');
    await settle();
    const record = vi.spyOn(backend, 'recordAttempt');
    press('3');
    await settle();
    expect(record.mock.calls[0][0].target_secs).toBe(90);
  });

  it('rehearses the cards a job ranks first', async () => {
    await backendWithJob();
    byId('job-item')!.click();
    await settle();
    const plan = vi.spyOn(backend, 'startRehearsal');
    byId('rehearse-job')!.click();
    await settle();
    expect(plan.mock.calls[0][0]).toMatchObject({ source: { kind: 'job', job: 'j1' }, limit: 10 });
    expect(text('rehearsal-question')).toBe('How would you design a rate limiter?');
    expect(text('rehearsal-progress')).toBe('1 / 1');
  });

  it('shows the code that goes with a question before the answer is revealed', async () => {
    const b = new MockBackend();
    for (const c of b.cards) {
      c.context = '```js\nconsole.log(typeof null)\n```';
      c.context_html = '<pre><code class="language-js">console.log(typeof null)\n</code></pre>';
    }
    await open(b);
    byId('deck-item')!.click();
    await settle();
    byId('rehearse-deck')!.click();
    await settle();
    expect(byId('rehearsal-context')?.textContent).toContain('console.log(typeof null)');
    expect(byId('rehearsal-answer')).toBeNull();
  });

  it('says so when nothing is due', async () => {
    const b = new MockBackend();
    for (const c of b.cards) b.schedules.set(c.id, { due: START.getTime() + DAY, intervalDays: 1, reps: 1, lapses: 0, last: START.getTime() });
    await open(b);
    expect(text('rehearse-due-count')).toBe('0');
    byId('rehearse-due')!.click();
    await settle();
    expect(byId('rehearsal-empty')?.textContent).toContain('no card is due');
  });
});

async function backendWithJob() {
  const b = new MockBackend();
  await b.addJob({ text: 'We need Redis.', path: null, url: null, title: 'Platform', company: null, date: null });
  await open(b);
}

/** Records an attempt as if it happened `daysAgo` days before START, at 09:00. */
async function seed(b: MockBackend, cardId: string, daysAgo: number, rating: 'again' | 'hard' | 'good' | 'easy', secs: number, targetSecs = 120) {
  const at = new Date(START);
  at.setDate(at.getDate() - daysAgo);
  at.setHours(9, 0, 0, 0);
  vi.setSystemTime(at.getTime() + secs * 1000);
  await b.recordAttempt({ card_id: cardId, session_id: null, started_at: at.toISOString(), duration_ms: secs * 1000, target_secs: targetSecs, rating, typed: null });
  vi.setSystemTime(START);
}

describe('statistics', () => {
  it('draws the heatmap, times, ratings and forecast from the stored attempts', async () => {
    const b = new MockBackend();
    await seed(b, 'c1', 10, 'hard', 150);
    await seed(b, 'c1', 9, 'good', 130);
    await seed(b, 'c2', 9, 'good', 60);
    await seed(b, 'c3', 1, 'easy', 45);
    await seed(b, 'c1', 0, 'again', 160);
    await open(b);
    byId('nav-stats')!.click();
    await settle();

    expect(byId('stats-view')).not.toBeNull();
    expect(byId('stats-empty')).toBeNull();
    expect(text('stats-total')).toContain('5');
    expect(text('stats-practised')).toContain('3');
    expect(text('stats-new')).toContain('1');
    expect(text('stats-streak')).toContain('2'); // yesterday and today

    for (const id of ['stats-heatmap', 'stats-times', 'stats-ratings', 'stats-forecast']) {
      expect(byId(id)?.getAttribute('role')).toBe('img');
      expect(byId(id)?.getAttribute('aria-label')?.length).toBeGreaterThan(10);
    }

    const heat = byId('stats-heatmap')!;
    const cells = [...heat.querySelectorAll('rect')];
    // 25 full weeks and this week up to Wednesday.
    expect(cells).toHaveLength(25 * 7 + 3);
    const busy = heat.querySelector('rect[data-day="2025-11-03"]')!;
    expect(busy.getAttribute('data-count')).toBe('2');
    expect(busy.classList.contains('l4')).toBe(true);
    expect(busy.querySelector('title')?.textContent).toBe('2 reviews on Mon 3 Nov 2025');
    expect(heat.querySelector('rect[data-day="2025-11-12"]')?.classList.contains('l2')).toBe(true);
    expect(heat.querySelector('rect[data-day="2025-11-05"]')?.classList.contains('l0')).toBe(true);
    expect(heat.getAttribute('aria-label')).toContain('5 reviews on 4 days');

    const times = byId('stats-times')!;
    const rows = [...times.querySelectorAll('g.time-row')] as SVGGElement[];
    expect(rows.map((r) => [r.dataset.cardId, r.dataset.over])).toEqual([['c1', 'true'], ['c2', 'false'], ['c3', 'false']]);
    expect(rows[0].querySelector('rect.time-bar')?.classList.contains('over')).toBe(true);
    expect(rows[0].querySelector('title')?.textContent).toContain('mean 02:26 over 3 attempts');
    expect(times.querySelectorAll('line.target-mark')).toHaveLength(3);

    const ratings = byId('stats-ratings')!;
    const bars = [...ratings.querySelectorAll('g.bar')] as SVGGElement[];
    expect(bars).toHaveLength(30);
    expect(bars[29].dataset.day).toBe('2025-11-12');
    expect(bars[29].querySelectorAll('rect.seg.again')).toHaveLength(1);
    expect(bars.find((g) => g.dataset.day === '2025-11-03')?.dataset.total).toBe('2');
    expect(bars.reduce((n, g) => n + Number(g.dataset.total), 0)).toBe(5);

    const forecast = byId('stats-forecast')!;
    const due = [...forecast.querySelectorAll('g.bar')] as SVGGElement[];
    expect(due).toHaveLength(30);
    // c1 (again, 10 minutes) is due today; c3 (easy) in 7 days; c2 (good) was due yesterday: today.
    expect(due[0].dataset.total).toBe('2');
    expect(due.reduce((n, g) => n + Number(g.dataset.total), 0)).toBe(3);
    expect(due.find((g) => g.dataset.day === '2025-11-18')?.dataset.total).toBe('1');
  });

  it('shows an empty state before any rehearsal', async () => {
    await open();
    byId('nav-stats')!.click();
    await settle();
    expect(byId('stats-empty')?.textContent).toContain('No rehearsals yet');
    expect(byId('stats-heatmap')).toBeNull();
    expect(byId('stats-total')).toBeNull();
    press('Escape', {}, document.body);
    await settle();
    expect(byId('stats-view')).toBeNull();
  });
});

describe('card history', () => {
  it('lists the attempts at a card, newest first, and says when there are none', async () => {
    const b = new MockBackend();
    await seed(b, 'c1', 3, 'hard', 140);
    await seed(b, 'c1', 1, 'good', 95);
    await open(b);
    (target.querySelector('[data-card-id="c1"] button') as HTMLElement).click();
    await settle();
    const rows = allById('history-row');
    expect(rows.map((r) => r.dataset.rating)).toEqual(['good', 'hard']);
    expect(rows[0].textContent).toContain('Tue 11 Nov 2025, 09:00');
    expect(rows[0].textContent).toContain('01:35 / 02:00');
    expect(rows[1].textContent).toContain('02:20 / 02:00');
    expect(rows[1].querySelector('.over-text')).not.toBeNull();

    press('Escape', {}, document.body);
    await settle();
    (target.querySelector('[data-card-id="c2"] button') as HTMLElement).click();
    await settle();
    expect(byId('card-history')?.textContent).toContain('Not practised yet');
    expect(allById('history-row')).toHaveLength(0);
  });
});

describe('due count', () => {
  it('counts new cards and cards past their due time', async () => {
    const b = new MockBackend();
    await seed(b, 'c1', 5, 'good', 60); // due 3 days later: 2 days ago
    await seed(b, 'c2', 0, 'good', 60); // due in 3 days
    await open(b);
    // c1 overdue, c3 and c4 new; c2 not due.
    expect(text('rehearse-due-count')).toBe('3');
    expect((await b.dueCards()).map((d) => d.card_id)).toEqual(['c1', 'c3', 'c4']);
  });
});
