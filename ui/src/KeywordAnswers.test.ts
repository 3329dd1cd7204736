// The job view's "Answers that cover X": passages of the covering answers with the
// keyword's words marked, and the card opened from there with those words marked in it.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import App from './App.svelte';
import { MockBackend } from './lib/backend/mock';
import { BackendError, type Job, type Keyword } from './lib/backend';
import { markTerms, termRanges } from './lib/anchor';
import { formsQuery, surfaceForms } from './lib/components/job-coverage';
import { queries, setValue, settle } from './test-utils';

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let backend: MockBackend;
const { $, $$, byId, allById } = queries(() => target);

function kw(name: string, matched: string[] = [name]): Keyword {
  return { id: name.toLowerCase(), name, kind: 'hard_skill', section: 'required', weight: 1, count: 1, category: null, matched };
}

function job(text: string, keywords: Keyword[]): Job {
  const j: Job = {
    id: `j${backend.jobs.length + 1}`, title: 'Platform engineer', company: 'Acme', url: null, source: 'pasted',
    interview_date: null, keywords, text,
  };
  backend.jobs.push(j);
  return j;
}

/** The App on the mock, showing the job. */
async function showJob(j: Job) {
  app = mount(App, { target, props: { backend } });
  await settle();
  $(`[data-testid="job-item"][data-job-id="${j.id}"]`)!.click();
  await settle();
}

async function chip(name: string) {
  allById('keyword-chip').find((c) => c.querySelector('.chip-name')?.textContent === name)!.querySelector<HTMLElement>('.chip-name')!.click();
  await settle();
}

const covering = () => allById('keyword-card');
const texts = (els: Element[]) => els.map((e) => e.textContent?.trim());
const answerMarks = () => texts(allById('keyword-mark'));

/** A card deployed on Kubernetes (written as both names), and one that only says k8s. */
let k8s: string;
let k8sOnly: string;
beforeEach(async () => {
  target = document.createElement('div');
  document.body.appendChild(target);
  backend = new MockBackend();
  k8s = (await backend.createCard(null, 'How do you deploy services?', 'Everything runs on k8s: Kubernetes operators restart what dies, and Redis keeps the sessions.', [])).id;
  k8sOnly = (await backend.createCard(null, 'What do you run in production?', 'Our k8s clusters and some old VMs.', [])).id;
});

afterEach(() => {
  if (app) unmount(app);
  app = null;
  target.remove();
  vi.restoreAllMocks();
});

describe('keyword forms', () => {
  it('builds a search for the name and the posting forms, each once, quoted, at most six', () => {
    expect(surfaceForms('Kubernetes', ['k8s', 'kubernetes', ' K8s ', 'say "hi"', ''])).toEqual(['Kubernetes', 'k8s', 'say hi']);
    expect(formsQuery(surfaceForms('Kubernetes', ['k8s']))).toBe('"Kubernetes" OR "k8s"');
    expect(surfaceForms('a', ['b', 'c', 'd', 'e', 'f', 'g', 'h'])).toHaveLength(6);
  });

  it('finds whole words only, case-insensitively, longest first, across block edges', () => {
    const text = 'Go and golang; Machine\nlearning, machine-learning, C++ and C.';
    expect(termRanges(text, ['go', 'machine learning', 'C', 'C++']).map((r) => text.slice(r.start, r.end))).toEqual(['Go', 'Machine\nlearning', 'C++', 'C']);
    const root = document.createElement('div');
    root.innerHTML = '<ul><li>Kubernetes</li><li>Terraform</li></ul><p>KubernetesX is not it, <em>kuber</em>netes is.</p>';
    const before = root.textContent;
    const marks = markTerms(root, ['kubernetes', 'terraform'], () => document.createElement('mark'));
    expect(marks.map((m) => m.textContent)).toEqual(['Kubernetes', 'Terraform', 'kuber', 'netes']);
    expect(root.textContent).toBe(before);
  });
});

describe('answers that cover a keyword', () => {
  it('shows a passage of each covering answer with the keyword marked, in covered_by order', async () => {
    const search = vi.spyOn(backend, 'search');
    const j = job('We run Kubernetes (k8s) and Redis.', [kw('Kubernetes', ['Kubernetes', 'k8s']), kw('Redis')]);
    await showJob(j);
    await chip('Kubernetes');
    expect(search).toHaveBeenLastCalledWith('"Kubernetes" OR "k8s"', 200);
    // The mock covers by the name only: the k8s-only answer is found by the search but is
    // not one of the keyword's covering cards, so it is not listed.
    expect(covering().map((c) => c.dataset.cardId)).toEqual([k8s]);
    const passages = allById('keyword-passage');
    expect(passages).toHaveLength(1);
    expect(texts([...passages[0].querySelectorAll('mark')])).toEqual(['k8s', 'Kubernetes']);
    expect(byId('keyword-cards')!.textContent).not.toContain('What do you run in production?');

    await chip('Redis');
    expect(byId('keyword-cards')!.querySelector('h3')!.textContent).toContain('Redis');
    expect(covering().map((c) => c.dataset.cardId)).toEqual(['c1', k8s]);
    expect(allById('keyword-passage').map((p) => texts([...p.querySelectorAll('mark')]))).toEqual([['Redis'], ['Redis']]);
    expect(allById('keyword-passage')[0].textContent).toContain('token bucket');
  });

  it('marks the answers that only use the words as weak, and follows covered_by', async () => {
    const match = backend.matchJob.bind(backend);
    vi.spyOn(backend, 'matchJob').mockImplementation(async (id) => {
      const r = await match(id);
      for (const k of r.keywords) if (k.id === 'redis') {
        k.covered_by = [k8s, 'c1'];
        k.strong = ['c1'];
      }
      return r;
    });
    const j = job('Redis.', [kw('Redis')]);
    await showJob(j);
    await chip('Redis');
    expect(covering().map((c) => [c.dataset.cardId, c.dataset.strength, c.textContent?.includes('words only')])).toEqual([
      [k8s, 'weak', true],
      ['c1', 'strong', false],
    ]);
    expect(allById('keyword-passage')).toHaveLength(2);
  });

  it('still lists the questions when the search fails', async () => {
    vi.spyOn(backend, 'search').mockRejectedValue(new BackendError('internal', 'index is gone'));
    const j = job('Kubernetes and Redis.', [kw('Kubernetes', ['Kubernetes', 'k8s']), kw('Redis')]);
    await showJob(j);
    await chip('Redis');
    expect(byId('keyword-cards')).not.toBeNull();
    expect(texts(covering().map((c) => c.querySelector('button')!))).toEqual(['How would you design a rate limiter?', 'How do you deploy services?']);
    expect(allById('keyword-passage')).toHaveLength(0);
    expect(byId('keyword-passages-failed')).not.toBeNull();
    expect($('[role="alert"]')).toBeNull();
    // Opening one still works, with the words marked.
    covering()[0].querySelector('button')!.click();
    await settle();
    expect(byId('card-question')?.textContent).toBe('How would you design a rate limiter?');
    expect(answerMarks()).toEqual(['Redis']);
  });
});

describe('a card opened from the covering list', () => {
  it('marks the keyword in the answer; opened otherwise, it does not', async () => {
    const plain = (await backend.getCard(k8s)).answer_text;
    await backend.addHighlight(k8s, { exact: 'Kubernetes operators', prefix: 'Everything runs on k8s: ', suffix: ' restart', start: null, comment: null });
    const j = job('We run Kubernetes (k8s).', [kw('Kubernetes', ['Kubernetes', 'k8s'])]);
    await showJob(j);
    await chip('Kubernetes');
    covering()[0].querySelector('button')!.click();
    await settle();
    expect(byId('card-question')?.textContent).toBe('How do you deploy services?');
    expect(answerMarks()).toEqual(['k8s', 'Kubernetes']);
    expect(allById('keyword-mark').every((m) => m.tagName === 'MARK' && m.classList.contains('keyword'))).toBe(true);
    // The highlight is still there, whole, with the keyword's mark inside it; the text is unchanged.
    const hl = allById('highlight-mark');
    expect(texts(hl)).toEqual(['Kubernetes operators']);
    expect(hl[0].querySelector('[data-testid="keyword-mark"]')?.textContent).toBe('Kubernetes');
    expect(byId('card-answer')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(plain);
    // A click on the keyword inside the highlight still opens the highlight.
    (hl[0].querySelector('[data-testid="keyword-mark"]') as HTMLElement).click();
    await settle();
    expect(byId('highlight-popover')).not.toBeNull();

    // Opened from a search: no keyword marks.
    setValue(byId('search-input') as HTMLInputElement, 'deploy');
    await settle();
    $(`[data-testid="hit-item"][data-card-id="${k8s}"] button`)!.click();
    await settle();
    expect(byId('card-question')?.textContent).toBe('How do you deploy services?');
    expect(allById('keyword-mark')).toHaveLength(0);
    expect(texts(allById('highlight-mark'))).toEqual(['Kubernetes operators']);
  });

  it('leaves no keyword marks on a card opened from the card list', async () => {
    const j = job('Redis.', [kw('Redis')]);
    await showJob(j);
    await chip('Redis');
    covering()[0].querySelector('button')!.click();
    await settle();
    expect(answerMarks()).toEqual(['Redis']);
    byId('deck-item')!.click();
    await settle();
    $('[data-testid="card-item"][data-card-id="c1"] button')!.click();
    await settle();
    expect(byId('card-question')?.textContent).toBe('How would you design a rate limiter?');
    expect(allById('keyword-mark')).toHaveLength(0);
  });
});
