// An in-memory backend for UI tests and for `npm run dev` in a plain browser. It searches
// for real (every word must appear; the last one as a prefix) so tests mean something.
import type { Backend, DropEvent, JobInput } from './index';
import { BackendError } from './index';
import type {
  CardSummary,
  CardView,
  Deck,
  ImportProgress,
  ImportReport,
  Job,
  Keyword,
  LibraryInfo,
  MatchReport,
  SearchResult,
  Segment,
} from './types';

type MockCard = CardView;

function card(id: string, deck: Deck, question: string, answer: string, html: string, section: string[] = []): MockCard {
  return {
    id,
    deck_id: deck.id,
    deck: deck.name,
    question,
    answer,
    answer_html: html,
    section,
    tags: section.map((s) => s.toLowerCase()),
    source_file: `/home/me/${deck.name.toLowerCase()}.md`,
    source_line: 3,
    source_line_end: 5,
    unanswered: answer.trim() === '',
    archived: false,
    skills: [],
  };
}

export function sampleData(): { decks: Deck[]; cards: MockCard[] } {
  const systems: Deck = { id: 'd1', name: 'Systems', source: '/home/me/systems.md', cards: 0 };
  const people: Deck = { id: 'd2', name: 'Behavioural', source: '/home/me/behavioural.md', cards: 0 };
  const cards = [
    card('c1', systems, 'How would you design a rate limiter?', 'Use a token bucket per client, kept in Redis.',
      '<p>Use a <strong>token bucket</strong> per client, kept in Redis.</p>', ['Design']),
    card('c2', systems, 'What is a write-ahead log?', 'Changes are appended to a log before the data files change.',
      '<p>Changes are appended to a log before the data files change.</p><ul><li>durability</li><li>replay</li></ul>', ['Storage']),
    card('c3', people, 'Tell me about a rollback you led.', 'I rolled back a bad migration within 14 minutes.',
      '<p>I rolled back a bad migration within 14 minutes.</p>'),
    card('c4', people, 'What is your biggest weakness?', '', '', []),
  ];
  return { decks: [systems, people], cards };
}

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Marks the words of `text` that match (whole words, or the last query word as a prefix). */
export function highlight(text: string, query: string[], prefix: string | null): Segment[] {
  const out: Segment[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  let at = 0;
  for (const m of text.matchAll(re)) {
    const w = m[0].toLowerCase();
    const hit = query.includes(w) || (prefix !== null && w.startsWith(prefix));
    if (!hit) continue;
    const start = m.index ?? 0;
    if (start > at) out.push({ text: text.slice(at, start), highlighted: false });
    out.push({ text: m[0], highlighted: true });
    at = start + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), highlighted: false });
  return out;
}

export class MockBackend implements Backend {
  decks: Deck[];
  cards: MockCard[];
  /** Milliseconds each search takes, per query, to test out-of-order answers. */
  delays: Record<string, number> = {};
  private progress: ((p: ImportProgress) => void)[] = [];
  private drops: ((e: DropEvent) => void)[] = [];
  pickResult: string[] | null = null;

  constructor(data = sampleData()) {
    this.decks = data.decks;
    this.cards = data.cards;
    this.recount();
  }

  private recount() {
    for (const d of this.decks) d.cards = this.cards.filter((c) => c.deck_id === d.id).length;
  }

  async libraryInfo(): Promise<LibraryInfo> {
    return { path: '/home/me/.local/share/cuecard', decks: this.decks.length, cards: this.cards.length };
  }

  async listDecks(): Promise<Deck[]> {
    return this.decks.map((d) => ({ ...d }));
  }

  async listCards(deck: string | null): Promise<CardSummary[]> {
    return this.cards
      .filter((c) => deck === null || c.deck_id === deck)
      .map(({ id, deck, deck_id, question, section, tags, unanswered }) => ({ id, deck, deck_id, question, section, tags, unanswered }));
  }

  async getCard(id: string): Promise<CardView> {
    const c = this.cards.find((c) => c.id === id);
    if (!c) throw new BackendError('not_found', `no card with id or name "${id}"`);
    return { ...c };
  }

  async search(query: string, limit: number): Promise<SearchResult> {
    const delay = this.delays[query];
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const warnings: string[] = [];
    if ((query.match(/"/g) ?? []).length % 2 === 1) warnings.push('missing closing quote; searched for the words as a phrase');
    const typed = words(query);
    const open = !/\s$/.test(query) && typed.length > 0;
    const exact = open ? typed.slice(0, -1) : typed;
    const prefix = open ? typed[typed.length - 1] : null;
    const hits = this.cards
      .filter((c) => {
        const all = words(c.question + ' ' + c.answer);
        return exact.every((w) => all.includes(w)) && (prefix === null || all.some((w) => w.startsWith(prefix)));
      })
      .map((c) => ({
        card_id: c.id,
        deck: c.deck,
        question: c.question,
        score: 1,
        snippet: highlight(c.answer, exact, prefix),
        question_segments: highlight(c.question, exact, prefix),
      }));
    return { total: typed.length ? hits.length : 0, warnings, hits: typed.length ? hits.slice(0, limit) : [], took_ms: 0.1 };
  }

  async importPaths(paths: string[]): Promise<ImportReport> {
    const report: ImportReport = { decks: [], errors: [] };
    paths.forEach((path, i) => {
      this.progress.forEach((cb) => cb({ done: i, total: paths.length, path }));
      if (path.includes('bad')) {
        report.errors.push({ path, code: 'not_text', message: `${path}: not a text file; Cuecard imports markdown (.md) and plain text (.txt)` });
        return;
      }
      const name = (path.split('/').pop() ?? 'Imported').replace(/\.\w+$/, '');
      const deck: Deck = { id: `d${this.decks.length + 1}`, name, source: path, cards: 0 };
      this.decks.push(deck);
      this.cards.push(card(`c${this.cards.length + 1}`, deck, `What is in ${name}?`, 'Things.', '<p>Things.</p>'));
      this.recount();
      report.decks.push({
        id: deck.id, name, source: path, cards: 1, added: 1, updated: 0, removed: 0, unchanged: 0, duplicates: 0,
        shapes: ['**Question:** / **Answer:** pairs (1)'],
        warnings: [{ line: 7, message: '"What is X?" has no answer; imported as unanswered' }],
      });
    });
    this.progress.forEach((cb) => cb({ done: paths.length, total: paths.length, path: '' }));
    return report;
  }

  jobs: Job[] = [];

  async listJobs() {
    return this.jobs.map((j) => ({ ...j, keywords: [...j.keywords] }));
  }

  /** Keywords are the words of the posting that name a skill in this tiny list. */
  async addJob(input: JobInput): Promise<Job> {
    const text = input.text ?? '';
    if (!text.trim()) throw new BackendError('invalid_input', 'the posting is empty; paste its text, or give a file or a web address');
    const known = ['Redis', 'Kafka', 'Rust', 'Teamwork'];
    const keywords: Keyword[] = known
      .filter((k) => text.toLowerCase().includes(k.toLowerCase()))
      .map((k) => ({
        id: k.toLowerCase(), name: k, kind: k === 'Teamwork' ? 'soft_skill' : 'hard_skill', section: 'required',
        weight: 1, count: 1, category: null, matched: [k],
      }));
    const job: Job = {
      id: `j${this.jobs.length + 1}`, title: input.title ?? 'Untitled', company: input.company, url: input.url,
      source: 'pasted', interview_date: input.date, keywords, text,
    };
    this.jobs.push(job);
    return { ...job };
  }

  async matchJob(id: string): Promise<MatchReport> {
    const job = this.jobs.find((j) => j.id === id);
    if (!job) throw new BackendError('not_found', `no job with id or name "${id}"`);
    const keywords = job.keywords.map((k) => {
      const covering = this.cards.filter((c) => (c.question + ' ' + c.answer).toLowerCase().includes(k.name.toLowerCase()));
      return { id: k.id, name: k.name, kind: k.kind, section: k.section, weight: k.weight, covered_by: covering.map((c) => c.id), strong: covering.map((c) => c.id) };
    });
    const covered = keywords.filter((k) => k.covered_by.length).length;
    const score = keywords.length ? Math.round((100 * covered) / keywords.length) : 0;
    const ranking = this.cards
      .map((c) => ({ card_id: c.id, question: c.question, matched: keywords.filter((k) => k.covered_by.includes(c.id)).map((k) => k.id), score: 0 }))
      .filter((r) => r.matched.length)
      .map((r) => ({ ...r, score: r.matched.length }));
    return { score, required_coverage: score, preferred_coverage: 0, keywords, gaps: keywords.filter((k) => !k.covered_by.length).map((k) => k.id), ranking };
  }

  async removeJobKeyword(job: string, keyword: string) {
    const j = this.jobs.find((x) => x.id === job)!;
    j.keywords = j.keywords.filter((k) => k.id !== keyword);
    return { ...j };
  }

  async addJobKeyword(job: string, name: string) {
    const j = this.jobs.find((x) => x.id === job)!;
    j.keywords.push({ id: name.toLowerCase(), name, kind: 'phrase', section: 'required', weight: 1, count: 0, category: null, matched: [name] });
    return { ...j };
  }

  readyCalls = 0;
  async uiReady() {
    this.readyCalls += 1;
  }

  async pickFiles() {
    return this.pickResult;
  }

  async onImportProgress(cb: (p: ImportProgress) => void) {
    this.progress.push(cb);
    return () => {
      this.progress = this.progress.filter((x) => x !== cb);
    };
  }

  async onFileDrop(cb: (e: DropEvent) => void) {
    this.drops.push(cb);
    return () => {
      this.drops = this.drops.filter((x) => x !== cb);
    };
  }

  /** Test helper: behave as if files were dropped on the window. */
  drop(e: DropEvent) {
    this.drops.forEach((cb) => cb(e));
  }
}
