import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import JobPane from './lib/components/JobPane.svelte';
import App from './App.svelte';
import { markPosting, shortLabel } from './lib/components/job-coverage';
import { MockBackend } from './lib/backend/mock';
import { BackendError, type Job, type Keyword } from './lib/backend';

type SectionKind = Keyword['section'];
import { queries, setValue, settle } from './test-utils';

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let backend: MockBackend;
const { $, $$, byId, allById } = queries(() => target);

function kw(name: string, section: SectionKind = 'required', weight = 1, matched: string[] = [name], id = name.toLowerCase()): Keyword {
  return { id, name, kind: 'hard_skill', section, weight, count: 1, category: null, matched };
}

/** Puts a job straight into the mock (its keywords exactly as given). */
function job(text: string, keywords: Keyword[]): Job {
  const j: Job = {
    id: `j${backend.jobs.length + 1}`, title: 'Platform engineer', company: 'Acme', url: null, source: 'pasted',
    interview_date: null, keywords, text,
  };
  backend.jobs.push(j);
  return j;
}

let onopen: ReturnType<typeof vi.fn>;
let onchange: ReturnType<typeof vi.fn>;
let onrehearse: ReturnType<typeof vi.fn>;

async function show(jobId: string) {
  app = mount(JobPane, { target, props: { backend, jobId, onopen, onchange, onrehearse } });
  await settle();
}

const marks = () => allById('posting-mark').map((m) => [m.textContent, m.dataset.keyword, m.dataset.state]);

beforeEach(() => {
  target = document.createElement('div');
  document.body.appendChild(target);
  backend = new MockBackend();
  onopen = vi.fn();
  onchange = vi.fn();
  onrehearse = vi.fn();
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  target.remove();
});

describe('marking keywords in a posting', () => {
  it('marks whole words, longest form first, without overlaps, case-insensitively', () => {
    const ks = [
      kw('learning', 'required', 1),
      kw('machine learning', 'required', 2, ['machine learning'], 'ml'),
      kw('C', 'preferred', 1),
      kw('C++', 'required', 1, ['C++'], 'cpp'),
      kw('Go', 'required', 1, []),
    ];
    const paras = markPosting('Machine\nlearning at Google, in go and C++; C is fine.\n\n  Deep learning too.', ks);
    const marked = paras.map((p) => p.filter((s) => s.keyword).map((s) => `${s.text}=${s.keyword}`));
    expect(marked).toEqual([['Machine\nlearning=ml', 'go=go', 'C++=cpp', 'C=c'], ['learning=learning']]);
    // Nothing is lost or doubled: the pieces put back together are the paragraphs.
    expect(paras.map((p) => p.map((s) => s.text).join(''))).toEqual(['Machine\nlearning at Google, in go and C++; C is fine.', 'Deep learning too.']);
  });

  it('shows the posting with its keywords marked by coverage; a mark selects its keyword', async () => {
    const j = job('We need Redis, Kafka and Rust.\n\nTrust and teamwork matter. REDIS again; redistribute is not a keyword.', [
      kw('Redis'), kw('Kafka'), kw('Rust'), kw('Teamwork', 'preferred'),
    ]);
    await show(j.id);
    expect(marks()).toEqual([
      ['Redis', 'redis', 'strong'],
      ['Kafka', 'kafka', 'none'],
      ['Rust', 'rust', 'none'],
      ['teamwork', 'teamwork', 'none'],
      ['REDIS', 'redis', 'strong'],
    ]);
    expect($$('[data-testid="posting-text"] p')).toHaveLength(2);
    expect(allById('posting-mark')[0].title).toContain('Redis');
    expect(byId('keyword-cards')).toBeNull();
    allById('posting-mark')[4].click();
    await settle();
    expect(byId('keyword-cards')?.textContent).toContain('How would you design a rate limiter?');
    expect(allById('posting-mark').filter((m) => m.classList.contains('focused')).map((m) => m.textContent)).toEqual(['Redis', 'REDIS']);
  });

  it('renders markup in a posting as inert text', async () => {
    const text = 'Redis <img src=x onerror=alert(1)> and <script>alert("Kafka")</script>\n\n<b onclick="x()">bold</b> <iframe src="https://evil"></iframe>';
    const j = job(text, [kw('Redis'), kw('Kafka'), kw('<b>', 'required', 1, ['<b onclick="x()">'], 'tag')]);
    await show(j.id);
    const posting = byId('posting-text')!;
    expect(posting.querySelector('img, script, iframe, b')).toBeNull();
    expect(target.querySelector('img, script, iframe')).toBeNull();
    expect(posting.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(posting.textContent).toContain('<script>alert("Kafka")</script>');
    expect(marks()).toEqual([
      ['Redis', 'redis', 'strong'],
      ['Kafka', 'kafka', 'none'],
      ['<b onclick="x()">', 'tag', 'none'],
    ]);
  });

  it('folds a long posting until asked', async () => {
    const j = job(`${'We build things. '.repeat(120)}\n\nRedis is a must.`, [kw('Redis')]);
    await show(j.id);
    const body = $('[data-testid="posting-text"] .posting-body')!;
    const toggle = byId('posting-toggle')!;
    expect(body.hidden).toBe(true);
    expect(toggle.textContent).toContain('Show posting');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(allById('posting-mark')).toHaveLength(1);
    toggle.click();
    await settle();
    expect(body.hidden).toBe(false);
    expect(toggle.textContent).toContain('Hide posting');
  });
});

describe('coverage matrix', () => {
  it('crosses keywords (required first, heaviest first) with the best-ranked cards', async () => {
    const j = job('Redis, Kafka, Rust and teamwork.', [
      kw('Teamwork', 'preferred', 3), kw('Redis', 'required', 1), kw('Kafka', 'required', 2), kw('Rust', 'required', 1),
    ]);
    const both = await backend.createCard('Systems', 'Kafka at scale?', 'I ran Kafka and Redis clusters.', []);
    // The mock names every covering card "strong"; make Kafka's cover words-only to see both marks.
    const match = backend.matchJob.bind(backend);
    backend.matchJob = async (id: string) => {
      const r = await match(id);
      r.keywords = r.keywords.map((k) => (k.id === 'kafka' ? { ...k, strong: [] } : k));
      return r;
    };
    await show(j.id);
    expect(byId('coverage-matrix')).not.toBeNull();
    expect(allById('matrix-card').map((c) => [c.dataset.card, c.title])).toEqual([
      [both.id, 'Kafka at scale?'],
      ['c1', 'How would you design a rate limiter?'],
    ]);
    const cells = allById('matrix-cell').map((c) => `${c.dataset.keyword}/${c.dataset.card}=${c.dataset.state}`);
    expect(cells).toEqual([
      `kafka/${both.id}=weak`, 'kafka/c1=none',
      `redis/${both.id}=strong`, 'redis/c1=strong',
      `rust/${both.id}=none`, 'rust/c1=none',
      `teamwork/${both.id}=none`, 'teamwork/c1=none',
    ]);
    // Each cell says its state in words, not only by its symbol.
    const first = allById('matrix-cell')[0];
    expect(first.querySelector('.sr-only')?.textContent).toBe('words only');
    expect(first.querySelector('[aria-hidden="true"]')?.textContent).toBe('○');
    expect(allById('matrix-cell')[2].querySelector('[aria-hidden="true"]')?.textContent).toBe('●');

    // A column header opens its card; a row selects its keyword.
    allById('matrix-card')[1].click();
    expect(onopen).toHaveBeenCalledWith('c1');
    allById('matrix-cell')[3].click();
    await settle();
    expect(byId('keyword-cards')?.querySelector('h3')?.textContent).toContain('Redis');
    expect(byId('keyword-cards')?.textContent).toContain('Kafka at scale?');
  });

  it('shows at most twelve cards, with short labels', async () => {
    const j = job('Redis and Kafka.', [kw('Redis'), kw('Kafka')]);
    for (let i = 1; i <= 14; i++) await backend.createCard(null, `Question number ${i} about a Redis cluster that failed?`, 'Redis.', []);
    await show(j.id);
    expect(allById('matrix-card')).toHaveLength(12);
    expect(allById('matrix-cell')).toHaveLength(24);
    expect(allById('matrix-card')[0].textContent!.length).toBeLessThan(30);
    expect(shortLabel('Tell me about a time you disagreed with your manager?')).toBe('Tell me about a time you…');
    expect(shortLabel('Short one?')).toBe('Short one?');
  });

  it('keeps "Rehearse these first" working', async () => {
    const j = job('Redis.', [kw('Redis')]);
    await show(j.id);
    byId('rehearse-job')!.click();
    expect(onrehearse).toHaveBeenCalledWith(j.id);
  });
});

describe('writing an answer for a gap', () => {
  it('saves a card for the keyword, matches again and opens the card', async () => {
    const j = job('Redis and Kafka.', [kw('Redis'), kw('Kafka')]);
    const create = vi.spyOn(backend, 'createCard');
    await show(j.id);
    expect(allById('gap-write').map((b) => b.dataset.keyword)).toEqual(['kafka']);
    expect(byId('write-question')).toBeNull();
    byId('gap-write')!.click();
    await settle();
    const question = byId('write-question') as HTMLInputElement;
    expect(question.value).toBe('Tell me about your experience with Kafka.');
    expect(document.activeElement).toBe(byId('write-answer'));
    setValue(byId('write-answer') as HTMLTextAreaElement, 'I ran **three** clusters.\n\n- partitions\n- consumer lag');
    byId('write-save')!.click();
    await settle();
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith('My answers', 'Tell me about your experience with Kafka.', 'I ran **three** clusters.\n\n- partitions\n- consumer lag', ['gap', 'kafka']);
    const made = backend.cards.find((c) => c.question === 'Tell me about your experience with Kafka.')!;
    expect(made.deck).toBe('My answers');
    expect(made.tags).toEqual(['gap', 'kafka']);
    expect(onopen).toHaveBeenCalledWith(made.id);
    expect(onchange).toHaveBeenCalled();
    // Matched again: the gap is gone and Kafka's chip and marks say covered.
    expect(allById('gap-write')).toHaveLength(0);
    expect(byId('job-gaps')).toBeNull();
    expect($('[data-testid="keyword-chip"][data-state="gap"]')).toBeNull();
    expect(marks()).toEqual([['Redis', 'redis', 'strong'], ['Kafka', 'kafka', 'strong']]);
    expect(byId('write-question')).toBeNull();
  });

  it('refuses an empty question and keeps what was typed', async () => {
    const j = job('Kafka.', [kw('Kafka')]);
    const create = vi.spyOn(backend, 'createCard');
    await show(j.id);
    byId('gap-write')!.click();
    await settle();
    setValue(byId('write-question') as HTMLInputElement, '   ');
    setValue(byId('write-answer') as HTMLTextAreaElement, 'My Kafka story.');
    byId('write-save')!.click();
    await settle();
    expect(byId('write-error')?.textContent).toContain('question');
    expect((byId('write-answer') as HTMLTextAreaElement).value).toBe('My Kafka story.');
    expect(create).not.toHaveBeenCalled();
    expect(onopen).not.toHaveBeenCalled();
    expect(backend.cards).toHaveLength(4);
  });

  it("shows the core's refusal inline (a question the deck already has) and keeps the text", async () => {
    const j = job('Kafka.', [kw('Kafka')]);
    await backend.createCard(null, 'What did you ship last year?', 'A billing system.', []);
    await show(j.id);
    byId('gap-write')!.click();
    await settle();
    setValue(byId('write-question') as HTMLInputElement, 'What did you ship last year?');
    setValue(byId('write-answer') as HTMLTextAreaElement, 'Draft');
    byId('write-save')!.click();
    await settle();
    expect(byId('write-error')?.textContent).toContain('already has the question');
    expect((byId('write-question') as HTMLInputElement).value).toBe('What did you ship last year?');
    expect((byId('write-answer') as HTMLTextAreaElement).value).toBe('Draft');
    expect(onopen).not.toHaveBeenCalled();
    // Fixing the question lets it through.
    setValue(byId('write-question') as HTMLInputElement, 'How have you used Kafka?');
    byId('write-save')!.click();
    await settle();
    expect(byId('write-error')).toBeNull();
    expect(onopen).toHaveBeenCalledTimes(1);
  });

  it('opens the new card in the app', async () => {
    const j = job('Redis and Kafka.', [kw('Redis'), kw('Kafka')]);
    app = mount(App, { target, props: { backend } });
    await settle();
    $(`[data-testid="job-item"][data-job-id="${j.id}"]`)!.click();
    await settle();
    byId('gap-write')!.click();
    await settle();
    setValue(byId('write-answer') as HTMLTextAreaElement, 'Kafka Streams for billing.');
    byId('write-save')!.click();
    await settle();
    expect(byId('card-question')?.textContent).toBe('Tell me about your experience with Kafka.');
    expect($$('[data-testid="deck-item"]').map((d) => d.querySelector('.name')?.textContent)).toContain('My answers');
  });
});

describe('mock createCard', () => {
  it('files the card in "My answers" or the named deck, and refuses empty or repeated questions', async () => {
    const a = await backend.createCard(null, '  What is Kafka?  ', 'A log.', ['Gap', 'C++ Stuff']);
    expect([a.deck, a.question, a.tags, a.unanswered]).toEqual(['My answers', 'What is Kafka?', ['gap', 'c++-stuff'], false]);
    const b = await backend.createCard('systems', 'What is Kafka?', '', []);
    expect([b.deck, b.unanswered]).toEqual(['Systems', true]);
    expect((await backend.listDecks()).map((d) => [d.name, d.cards])).toEqual([['Systems', 3], ['Behavioural', 2], ['My answers', 1]]);
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: BackendError) => e.code);
    expect(await refusal(backend.createCard(null, '   ', 'x', []))).toBe('invalid_input');
    expect(await refusal(backend.createCard('my answers', 'what is  kafka?', 'x', []))).toBe('invalid_input');
    expect(backend.cards).toHaveLength(6);
  });
});
