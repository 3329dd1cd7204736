import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mount, unmount, flushSync, tick } from 'svelte';
import App from './App.svelte';
import { MockBackend } from './lib/backend/mock';

let target: HTMLElement;
let app: Record<string, unknown>;
let backend: MockBackend;

async function settle() {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await tick();
  }
  flushSync();
}

function $(sel: string) {
  return target.querySelector(sel) as HTMLElement | null;
}
function $$(sel: string) {
  return [...target.querySelectorAll(sel)] as HTMLElement[];
}
function key(k: string, opts: KeyboardEventInit = {}, on: EventTarget = window) {
  on.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...opts }));
}
async function type(text: string) {
  const input = $('[data-testid="search-input"]') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

beforeEach(async () => {
  target = document.createElement('div');
  document.body.appendChild(target);
  backend = new MockBackend();
  app = mount(App, { target, props: { backend } });
  await settle();
});

afterEach(() => {
  unmount(app);
  target.remove();
});

describe('library view', () => {
  it('lists decks with card counts and all cards', () => {
    const decks = $$('[data-testid="deck-item"]').map((d) => [d.querySelector('.name')?.textContent, d.querySelector('.count')?.textContent]);
    expect(decks).toEqual([['Systems', '2'], ['Behavioural', '2']]);
    expect($$('[data-testid="card-item"]')).toHaveLength(4);
    expect($('[data-testid="card-item"][data-card-id="c4"]')?.textContent).toContain('unanswered');
  });

  it('filters by deck', async () => {
    $$('[data-testid="deck-item"]')[1].click();
    await settle();
    expect($$('[data-testid="card-item"]').map((c) => c.dataset.cardId)).toEqual(['c3', 'c4']);
  });
});

describe('search', () => {
  it('shows hits with highlighted words as you type', async () => {
    await type('token buck');
    const hits = $$('[data-testid="hit-item"]');
    expect(hits).toHaveLength(1);
    const marks = $$('[data-testid="hit-item"] mark').map((m) => m.textContent);
    expect(marks).toEqual(['token', 'bucket']);
    expect($('[data-testid="result-count"]')?.textContent).toContain('1 matching card');
  });

  it('says so when nothing matches, and shows query warnings', async () => {
    await type('"zebra');
    expect($$('[data-testid="hit-item"]')).toHaveLength(0);
    expect(target.textContent).toContain('No cards match');
    expect($('[data-testid="search-warning"]')?.textContent).toContain('closing quote');
  });

  it('drops a slow answer that arrives after a newer one', async () => {
    backend.delays['log'] = 30;
    const input = $('[data-testid="search-input"]') as HTMLInputElement;
    input.value = 'log';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.value = 'rolled';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect($$('[data-testid="hit-item"]').map((h) => h.dataset.cardId)).toEqual(['c3']);
  });

  it('/ and Ctrl+K focus the search box; Esc clears it', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    key('/');
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('search-input');
    (document.activeElement as HTMLElement).blur();
    key('k', { ctrlKey: true });
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('search-input');
    await type('rate');
    key('Escape');
    await settle();
    expect(($('[data-testid="search-input"]') as HTMLInputElement).value).toBe('');
    expect($$('[data-testid="card-item"]')).toHaveLength(4);
  });
});

describe('keyboard and card view', () => {
  it('arrows move the selection, Enter opens, Esc goes back', async () => {
    key('ArrowDown');
    key('ArrowDown');
    await settle();
    const selected = $$('[data-testid="card-item"]').findIndex((c) => c.getAttribute('aria-selected') === 'true');
    expect(selected).toBe(1);
    key('Enter');
    await settle();
    expect($('[data-testid="card-question"]')?.textContent).toBe('What is a write-ahead log?');
    expect($$('[data-testid="card-answer"] li').map((l) => l.textContent)).toEqual(['durability', 'replay']);
    expect($('[data-testid="card-source"]')?.textContent).toContain('systems.md, lines 3–5');
    key('Escape');
    await settle();
    expect($('[data-testid="card-view"]')).toBeNull();
    expect($$('[data-testid="card-item"]')).toHaveLength(4);
  });

  it('shows a question with markup as text, never as HTML', async () => {
    backend.cards[0].question = 'What does <img src=x onerror="window.pwned=1"> do?';
    backend.cards[0].answer_html = '<p>safe</p>';
    await type('token');
    expect($$('[data-testid="hit-item"] img')).toHaveLength(0);
    key('Enter');
    await settle();
    expect($('[data-testid="card-question"]')?.textContent).toContain('<img src=x');
    expect($$('[data-testid="card-view"] img')).toHaveLength(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('long lists', () => {
  it('puts 200 cards in the page at a time and tells the app it is ready', async () => {
    unmount(app);
    target.innerHTML = '';
    const deck = { id: 'big', name: 'Big', source: null, cards: 0 };
    const many = Array.from({ length: 450 }, (_, i) => ({
      id: `k${i}`, deck_id: 'big', deck: 'Big', question: `Question ${i}?`, answer: 'A.', answer_html: '<p>A.</p>',
      answer_text: 'A.', context: '', context_html: '', annotations: { notes: [], highlights: [], orphans: [], conflict: null },
      section: [], tags: [], source_file: null, source_line: i, source_line_end: i, unanswered: false, archived: false, skills: [],
      starred: false, edited: false, conflict: false,
    }));
    backend = new MockBackend({ decks: [deck], cards: many });
    app = mount(App, { target, props: { backend } });
    await settle();
    await new Promise((r) => setTimeout(r, 30));
    expect($$('[data-testid="card-item"]')).toHaveLength(200);
    expect(backend.readyCalls).toBe(1);
    (target.querySelector('button.more') as HTMLElement).click();
    await settle();
    expect($$('[data-testid="card-item"]')).toHaveLength(400);
    expect($('[data-testid="result-count"]')?.textContent).toContain('450 cards');
  });
});

describe('jobs', () => {
  it('adds a pasted posting and shows coverage, gaps and what to rehearse', async () => {
    ($('[data-testid="add-job"]') as HTMLElement).click();
    await settle();
    const text = $('[data-testid="job-text"]') as HTMLTextAreaElement;
    text.value = 'We need Redis, Kafka and Rust. Teamwork matters.';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    const title = $('[data-testid="job-title-input"]') as HTMLInputElement;
    title.value = 'Platform engineer';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    ($('[data-testid="job-submit"]') as HTMLElement).click();
    await settle();
    await settle();
    expect($('[data-testid="job-title"]')?.textContent).toBe('Platform engineer');
    const chips = $$('[data-testid="keyword-chip"]').map((c) => [c.querySelector('.chip-name')?.textContent, c.dataset.state]);
    // Chips are grouped: languages, frameworks and libraries, data stores, ..., soft skills.
    expect(chips).toEqual([['Rust', 'gap'], ['Kafka', 'gap'], ['Redis', 'strong'], ['Teamwork', 'gap']]);
    expect($$('[data-testid="keyword-group"]').map((g) => g.textContent)).toEqual([
      'languages', 'frameworks and libraries', 'data stores', 'soft skills',
    ]);
    expect($('[data-testid="job-score"]')?.textContent).toContain('25');
    expect($('[data-testid="job-gaps"]')?.textContent).toContain('Kafka');
    expect($('[data-testid="job-ranking"]')?.textContent).toContain('rate limiter');
    expect($$('[data-testid="job-item"]')).toHaveLength(1);
    // Clicking a chip lists the answers that cover it; removing a keyword is remembered.
    $$('[data-testid="keyword-chip"] .chip-name').find((c) => c.textContent === 'Redis')!.click();
    await settle();
    expect($('[data-testid="keyword-cards"]')?.textContent).toContain('How would you design a rate limiter?');
    (target.querySelectorAll('[data-testid="keyword-chip"] .chip-x')[1] as HTMLElement).click();
    await settle();
    await settle();
    expect($$('[data-testid="keyword-chip"]')).toHaveLength(3);
    expect(backend.jobs[0].keywords.map((k) => k.name)).toEqual(['Redis', 'Rust', 'Teamwork']);
  });

  it('shows what a posting asks for: seniority, degree, and years beside a skill', async () => {
    ($('[data-testid="add-job"]') as HTMLElement).click();
    await settle();
    const text = $('[data-testid="job-text"]') as HTMLTextAreaElement;
    text.value = 'Senior engineer. 5+ years of Rust and Redis. A BS in computer science.';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    ($('[data-testid="job-submit"]') as HTMLElement).click();
    await settle();
    await settle();
    expect($('[data-testid="job-asks"]')?.textContent).toBe("Asks for: senior · bachelor's degree in computer science");
    const rust = $$('[data-testid="keyword-chip"]').find((c) => c.querySelector('.chip-name')?.textContent === 'Rust');
    expect(rust?.querySelector('.years')?.textContent).toBe('5+ y');
    const redis = $$('[data-testid="keyword-chip"]').find((c) => c.querySelector('.chip-name')?.textContent === 'Redis');
    expect(redis?.querySelector('.years')).toBeNull();
  });

  it('shows why a posting could not be added', async () => {
    ($('[data-testid="add-job"]') as HTMLElement).click();
    await settle();
    ($('[data-testid="job-submit"]') as HTMLElement).click();
    await settle();
    expect($('[data-testid="job-error"]')?.textContent).toContain('the posting is empty');
  });
});

describe('import', () => {
  it('previews one file, then shows the report with how questions were found and warnings with line numbers', async () => {
    backend.pickResult = ['/home/me/zoox.md'];
    $('[data-testid="import-button"]')?.click();
    await settle();
    const preview = $('[data-testid="import-preview"]');
    expect(preview?.textContent).toContain('Import zoox.md');
    expect($('[data-testid="preview-summary"]')?.textContent).toContain('3 cards');
    expect($$('[data-testid="preview-cards"] li')).toHaveLength(3);
    expect($$('[data-testid="deck-item"]')).toHaveLength(2);
    ($('[data-testid="preview-import"]') as HTMLElement).click();
    await settle();
    expect($('[data-testid="import-preview"]')).toBeNull();
    const report = $('[data-testid="import-report"]');
    expect(report?.textContent).toContain('zoox');
    expect(report?.textContent).toContain('1 added');
    expect(report?.textContent).toContain('line 7');
    expect(report?.textContent).toContain('Question: / Answer: labels');
    expect($$('[data-testid="deck-item"]')).toHaveLength(3);
    key('Escape');
    await settle();
    expect($('[data-testid="import-report"]')).toBeNull();
  });

  it('lets the reading be switched in the preview and imports with the one chosen', async () => {
    backend.pickResult = ['/home/me/numbered.md'];
    $('[data-testid="import-button"]')?.click();
    await settle();
    const select = $('[data-testid="preview-carrier"]') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'numbered lines as questions — 3 cards',
      'level-2 headings as questions — 1 card',
    ]);
    select.value = 'headings:2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect($('[data-testid="preview-summary"]')?.textContent).toContain('1 card');
    expect($('[data-testid="preview-cards"]')?.textContent).toContain('Behavioural');
    ($('[data-testid="preview-import"]') as HTMLElement).click();
    await settle();
    expect(backend.lastQuestions).toBe('headings:2');
  });

  it('cancelling a preview changes nothing', async () => {
    backend.pickResult = ['/home/me/zoox.md'];
    $('[data-testid="import-button"]')?.click();
    await settle();
    key('Escape');
    await settle();
    expect($('[data-testid="import-preview"]')).toBeNull();
    expect($('[data-testid="import-report"]')).toBeNull();
    expect($$('[data-testid="deck-item"]')).toHaveLength(2);
  });

  it('imports several files at once without a preview', async () => {
    backend.pickResult = ['/home/me/a.md', '/home/me/b.org'];
    $('[data-testid="import-button"]')?.click();
    await settle();
    expect($('[data-testid="import-preview"]')).toBeNull();
    expect($$('[data-testid="deck-item"]')).toHaveLength(4);
  });

  it('names the file that failed and leaves the library as it was', async () => {
    backend.drop({ type: 'drop', paths: ['/tmp/bad.md'] });
    await settle();
    const err = $('[data-testid="import-error"]');
    expect(err?.textContent).toContain('bad.md');
    expect(err?.textContent).toContain('no such file');
    expect($$('[data-testid="deck-item"]')).toHaveLength(2);
  });

  it('imports a path typed after Ctrl+Shift+O', async () => {
    key('O', { ctrlKey: true, shiftKey: true });
    await settle();
    const input = $('[data-testid="import-path-input"]') as HTMLInputElement;
    expect(input).not.toBeNull();
    input.value = '/home/me/notes.md';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    key('Enter', {}, input);
    await settle();
    ($('[data-testid="preview-import"]') as HTMLElement).click();
    await settle();
    expect($('[data-testid="import-report"]')?.textContent).toContain('notes');
  });
});
