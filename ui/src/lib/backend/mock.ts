// An in-memory backend for UI tests and for `npm run dev` in a plain browser. It searches
// for real (every word must appear; the last one as a prefix) so tests mean something.
import type { Backend, DropEvent, JobInput } from './index';
import { BackendError } from './index';
import type {
  ResumeView,
  BulletStory,
  ResumeMatch,
  LikelyQuestion,
  Attempt,
  AttemptInput,
  AttemptResult,
  CardSchedule,
  CardSummary,
  CardTime,
  CardView,
  Conflict,
  DayCount,
  Deck,
  DueCard,
  Highlight,
  ImportProgress,
  ImportReport,
  ImportPreview,
  Job,
  Keep,
  Keyword,
  LibraryInfo,
  MatchReport,
  NewHighlight,
  Note,
  PointStatus,
  Rating,
  RatingDay,
  RehearsalPlan,
  SearchResult,
  Segment,
  Session,
  SessionSummary,
  Stats,
  TalkingPoint,
  TypedFeedback,
  Version,
} from './types';
import { DAY, MINUTE, addDays, localDay } from '../time';
import { CONTEXT, locate, normalize, tagSlug } from '../anchor';
import { htmlToText, renderMarkdown } from './mock-markdown';

type MockCard = CardView;

function card(
  id: string,
  deck: Deck,
  question: string,
  answer: string,
  html: string,
  section: string[] = [],
  context = '',
): MockCard {
  return {
    id,
    deck_id: deck.id,
    deck: deck.name,
    question,
    context,
    context_html: context ? renderMarkdown(context) : '',
    answer,
    answer_html: html,
    answer_text: htmlToText(html),
    annotations: { notes: [], highlights: [], orphans: [], conflict: null },
    resume: [],
    claims: [],
    section,
    tags: section.map((s) => tagSlug(s)),
    source_file: `/home/me/${deck.name.toLowerCase()}.md`,
    source_line: 3,
    source_line_end: 5,
    unanswered: answer.trim() === '',
    archived: false,
    skills: [],
    starred: false,
    edited: false,
    conflict: false,
  };
}

export function sampleData(): { decks: Deck[]; cards: MockCard[] } {
  const systems: Deck = { id: 'd1', name: 'Systems', source: '/home/me/systems.md', cards: 0 };
  const people: Deck = { id: 'd2', name: 'Behavioural', source: '/home/me/behavioural.md', cards: 0 };
  const cards = [
    card('c1', systems, 'How would you design a rate limiter?', 'Use a token bucket per client, kept in Redis.',
      '<p>Use a <strong>token bucket</strong> per client, kept in Redis.</p>', ['Design']),
    card('c2', systems, 'What is a write-ahead log?', 'Changes are appended to a log before the data files change.\n\n- durability\n- replay',
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


const STOP = new Set(
  'the and for are but not you your with this that from into onto than then was were will would could should have has had its per our out who what when where which while about after before over under very just also'.split(' '),
);

/** The words of a talking point that carry its meaning. */
function contentWords(s: string): string[] {
  return words(s).filter((w) => w.length >= 3 && !STOP.has(w));
}

/** Markdown marks taken off a talking point: emphasis, code ticks, link targets. */
function plain(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The talking points of an answer: each bullet, and each sentence of the other text. */
export function talkingPoints(answer: string): string[] {
  const out: string[] = [];
  let para: string[] = [];
  const flush = () => {
    const text = para.join(' ').trim();
    para = [];
    if (text) out.push(...text.split(/(?<=[.!?])\s+(?=["“(\p{Lu}\p{N}])/u));
  };
  let fenced = false;
  for (const raw of answer.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const bullet = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (bullet) {
      flush();
      out.push(bullet[1]);
    } else if (!line || line.startsWith('#')) {
      flush();
    } else {
      para.push(line);
    }
  }
  flush();
  return out.map(plain).filter((p) => words(p).length > 0);
}

/** Whether the typed words hold `w`: the same word, or the same first five letters (a crude stem). */
function mentions(typed: Set<string>, stems: Set<string>, w: string): boolean {
  return typed.has(w) || (w.length >= 5 && stems.has(w.slice(0, 5)));
}

/** Holds a typed text against one talking point by the share of its words it mentions. */
export function pointStatus(point: string, typed: string): PointStatus {
  const want = contentWords(point);
  const all = want.length ? want : words(point);
  const have = new Set(words(typed));
  const stems = new Set([...have].filter((w) => w.length >= 5).map((w) => w.slice(0, 5)));
  const share = all.filter((w) => mentions(have, stems, w)).length / Math.max(1, all.length);
  if (share >= 0.6) return 'covered';
  if (share >= 0.25) return 'partial';
  return 'missed';
}

/** A rating from how much was covered and whether the answer ran past its target. */
export function suggestRating(coverage: number, points: number, durationMs: number, targetSecs: number): Rating {
  const over = durationMs > targetSecs * 1000;
  if (points === 0) return over ? 'hard' : 'good';
  if (coverage >= 0.85) return over ? 'good' : 'easy';
  if (coverage >= 0.6) return over ? 'hard' : 'good';
  if (coverage >= 0.3) return 'hard';
  return 'again';
}

/** Where a card stands in the mock's simple schedule. */
type MockSchedule = { due: number; intervalDays: number; reps: number; lapses: number; last: number };

/** The mock schedule: again in 10 minutes, hard in a day, good in 3 days growing, easy in 7 days growing. */
export function nextSchedule(prev: MockSchedule | undefined, rating: Rating, now: number): MockSchedule {
  const reps = (prev?.reps ?? 0) + 1;
  const lapses = (prev?.lapses ?? 0) + (rating === 'again' && prev ? 1 : 0);
  const last = prev?.intervalDays ?? 0;
  let days: number;
  switch (rating) {
    case 'again':
      return { due: now + 10 * MINUTE, intervalDays: 0, reps, lapses, last: now };
    case 'hard':
      days = 1;
      break;
    case 'good':
      days = Math.max(3, Math.round(last * 2.5));
      break;
    case 'easy':
      days = Math.max(7, Math.round(last * 4));
      break;
  }
  return { due: now + days * DAY, intervalDays: days, reps, lapses, last: now };
}

const iso = (ms: number) => new Date(ms).toISOString();

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
    return structuredClone(c);
  }

  async search(query: string, limit: number): Promise<SearchResult> {
    const delay = this.delays[query];
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const warnings: string[] = [];
    if ((query.match(/"/g) ?? []).length % 2 === 1) warnings.push('missing closing quote; searched for the words as a phrase');
    const typed = words(query);
    // `a OR b`: a card matches when all the words of one alternative are in it. The last
    // word is a prefix while it is being typed (not after a space or a closing quote).
    const alternatives = query
      .split(/\s+OR\s+/)
      .map((alt, i, all) => {
        const ws = words(alt);
        const open = i === all.length - 1 && !/[\s"]$/.test(query) && ws.length > 0;
        return { exact: open ? ws.slice(0, -1) : ws, prefix: open ? ws[ws.length - 1] : null };
      })
      .filter((a) => a.exact.length || a.prefix !== null);
    const matches = (all: string[], a: { exact: string[]; prefix: string | null }) =>
      a.exact.every((w) => all.includes(w)) && (a.prefix === null || all.some((w) => w.startsWith(a.prefix!)));
    const hits = this.cards
      .map((c) => {
        const all = words(c.question + ' ' + c.answer);
        return { c, found: alternatives.filter((a) => matches(all, a)) };
      })
      .filter(({ found }) => found.length)
      .map(({ c, found }) => {
        const exact = found.flatMap((a) => a.exact);
        const prefix = found.find((a) => a.prefix !== null)?.prefix ?? null;
        return {
          card_id: c.id,
          deck: c.deck,
          question: c.question,
          score: 1,
          snippet: highlight(c.answer, exact, prefix),
          question_segments: highlight(c.question, exact, prefix),
        };
      });
    return { total: typed.length ? hits.length : 0, warnings, hits: typed.length ? hits.slice(0, limit) : [], took_ms: 0.1 };
  }

  /** The mock reads a file named `*numbered*` as numbered lines (3 cards) or, forced, as headings (1). */
  async previewImport(path: string, questions: string | null): Promise<ImportPreview> {
    if (path.includes('bad') || path.includes('missing')) {
      throw new BackendError('file_not_found', `${path}: no such file`);
    }
    const headings = questions === 'headings:2';
    const n = headings ? 1 : 3;
    const main = headings
      ? { name: 'headings:2', description: 'level-2 headings as questions', cards: 1 }
      : { name: 'numbered', description: 'numbered lines as questions', cards: 3 };
    const other = headings
      ? { name: 'numbered', description: 'numbered lines as questions', cards: 3 }
      : { name: 'headings:2', description: 'level-2 headings as questions', cards: 1 };
    return {
      source: path,
      format: 'markdown',
      deck: (path.split('/').pop() ?? 'Imported').replace(/\.\w+$/, ''),
      cards: n,
      to_ask: 0,
      unanswered: 0,
      carriers: [main],
      alternatives: [other],
      chosen: questions,
      first: Array.from({ length: n }, (_, i) => ({
        question: headings ? 'Behavioural' : `Question ${i + 1}?`,
        answer: 'An answer.',
        line: 3 + i * 4,
        unanswered: false,
        to_ask: false,
      })),
      warnings: [],
    };
  }

  lastQuestions: string | null = null;

  async importPaths(paths: string[], questions: string | null = null): Promise<ImportReport> {
    this.lastQuestions = questions;
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
        id: deck.id, name, source: path, cards: 1, added: 1, updated: 0, removed: 0, unchanged: 0, conflicts: 0, duplicates: 0,
        shapes: ['**Question:** / **Answer:** pairs (1)'],
        carriers: [{ name: 'labels', description: 'Question: / Answer: labels', cards: 1 }],
        alternatives: [],
        to_ask: 0,
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
        group: ({ Redis: 'data stores', Kafka: 'frameworks and libraries', Rust: 'languages', Teamwork: 'soft skills' } as Record<string, string>)[k],
        years: k === 'Rust' && /\d\+? years of rust/i.test(text) ? Number(/(\d+)\+? years of rust/i.exec(text)![1]) : null,
      }));
    const job: Job = {
      id: `j${this.jobs.length + 1}`, title: input.title ?? 'Untitled', company: input.company, url: input.url,
      source: 'pasted', interview_date: input.date, keywords, text,
      requirements: {
        title: input.title, seniority: /senior/i.test(text) ? 'senior' : null, years: null,
        degree: /bachelor|\bBS\b/i.test(text) ? "bachelor's" : null, degree_field: /(?:\bBS\b|bachelor'?s?)(?: degree)? in ([^.,;]+)/i.exec(text)?.[1]?.trim() ?? null, degree_or_experience: false, skill_years: [],
      },
    };
    this.jobs.push(job);
    return { ...job };
  }

  async matchJob(id: string): Promise<MatchReport> {
    const job = this.jobs.find((j) => j.id === id);
    if (!job) throw new BackendError('not_found', `no job with id or name "${id}"`);
    const keywords = job.keywords.map((k) => {
      const covering = this.cards.filter((c) => (c.question + ' ' + c.answer).toLowerCase().includes(k.name.toLowerCase()));
      return { id: k.id, name: k.name, kind: k.kind, section: k.section, weight: k.weight, covered_by: covering.map((c) => c.id), count: covering.length, strong: covering.map((c) => c.id) };
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
    j.keywords.push({ id: name.toLowerCase(), name, kind: 'phrase', section: 'required', weight: 1, count: 0, category: null, matched: [name], group: 'domain knowledge', years: null });
    return { ...j };
  }

  /** A card written in the app, like the core's: deck "My answers" unless named (made if missing). */
  async createCard(deck: string | null, question: string, answer: string, tags: string[]): Promise<CardView> {
    const q = question.trim();
    if (!q) throw new BackendError('invalid_input', 'a card needs a question');
    const name = deck?.trim() || 'My answers';
    let d = this.decks.find((x) => x.name.toLowerCase() === name.toLowerCase());
    const key = (s: string) => words(s).join(' ');
    const taken = d && this.cards.find((c) => c.deck_id === d!.id && !c.archived && key(c.question) === key(q));
    if (taken) throw new BackendError('invalid_input', `the deck "${name}" already has the question "${q}" (card ${taken.id})`);
    if (!d) {
      d = { id: `d${this.decks.length + 1}`, name, source: null, cards: 0 };
      while (this.decks.some((x) => x.id === d!.id)) d.id += '_';
      this.decks.push(d);
    }
    let id = `c${this.cards.length + 1}`;
    while (this.cards.some((c) => c.id === id)) id += '_';
    const body = answer.trimEnd();
    const made: MockCard = {
      ...card(id, d, q, body, renderMarkdown(body)),
      tags: [...new Set(tags.map(tagSlug).filter(Boolean))],
      source_file: null,
      source_line: 0,
      source_line_end: 0,
    };
    this.cards.push(made);
    this.recount();
    return structuredClone(made);
  }

  // Rehearsal. Attempts are kept in memory; "now" is Date.now(), which fake timers control.

  attempts: Attempt[] = [];
  schedules = new Map<string, MockSchedule>();
  sessions = new Map<string, Session>();
  private sessionSeq = 0;

  private live(): MockCard[] {
    return this.cards.filter((c) => !c.archived);
  }

  private scheduleOf(id: string, now: number): CardSchedule {
    const s = this.schedules.get(id);
    if (!s) {
      return { card_id: id, state: 'new', due: null, stability: null, difficulty: null, reps: 0, lapses: 0, last_review: null, pulled_by: null };
    }
    return {
      card_id: id,
      state: s.due <= now ? 'due' : 'scheduled',
      due: iso(s.due),
      stability: s.intervalDays,
      difficulty: 5,
      reps: s.reps,
      lapses: s.lapses,
      last_review: iso(s.last),
      pulled_by: null,
    };
  }

  /** Scheduled cards past their due time (earliest first), then cards never practised. */
  private dueNow(now: number): MockCard[] {
    const live = this.live();
    const overdue = live
      .filter((c) => (this.schedules.get(c.id)?.due ?? Infinity) <= now)
      .sort((a, b) => this.schedules.get(a.id)!.due - this.schedules.get(b.id)!.due);
    return [...overdue, ...live.filter((c) => !this.schedules.has(c.id))];
  }

  private card(id: string): MockCard {
    const c = this.cards.find((c) => c.id === id);
    if (!c) throw new BackendError('not_found', `no card with id or name "${id}"`);
    return c;
  }

  async startRehearsal(plan: RehearsalPlan): Promise<Session> {
    const now = Date.now();
    const src = plan.source;
    let picked: MockCard[];
    let source: string;
    switch (src.kind) {
      case 'due':
        picked = this.dueNow(now);
        source = 'due now';
        break;
      case 'deck': {
        const deck = this.decks.find((d) => d.id === src.deck || d.name.toLowerCase() === src.deck.toLowerCase());
        if (!deck) throw new BackendError('not_found', `no deck with id or name "${src.deck}"`);
        const first = this.dueNow(now).filter((c) => c.deck_id === deck.id);
        const rest = this.live()
          .filter((c) => c.deck_id === deck.id && !first.includes(c))
          .sort((a, b) => (this.schedules.get(a.id)?.due ?? 0) - (this.schedules.get(b.id)?.due ?? 0));
        picked = [...first, ...rest];
        source = `deck ${deck.name}`;
        break;
      }
      case 'query': {
        const hits = (await this.search(src.query, 1000)).hits;
        picked = hits.map((h) => this.card(h.card_id));
        source = `search “${src.query}”`;
        break;
      }
      case 'job': {
        const job = this.jobs.find((j) => j.id === src.job);
        if (!job) throw new BackendError('not_found', `no job with id or name "${src.job}"`);
        const ranking = [...(await this.matchJob(job.id)).ranking].sort((a, b) => b.score - a.score);
        picked = ranking.map((r) => this.card(r.card_id));
        source = `job ${job.title ?? job.id}`;
        break;
      }
    }
    const limit = plan.limit ?? (src.kind === 'job' ? 10 : 20);
    // The session's target, else each card's deck target, else 2:00 (as the core does).
    const targetOf = (c: MockCard) => plan.target_secs ?? this.deckTargets[c.deck_id] ?? 120;
    const chosen = picked.slice(0, limit);
    const session: Session = {
      id: `s${++this.sessionSeq}`,
      started_at: iso(now),
      source,
      target_secs: chosen.length ? targetOf(chosen[0]) : (plan.target_secs ?? 120),
      cards: chosen.map((c) => ({
        card_id: c.id,
        deck: c.deck,
        question: c.question,
        target_secs: targetOf(c),
        state: this.scheduleOf(c.id, now).state,
      })),
    };
    this.sessions.set(session.id, session);
    return structuredClone(session);
  }

  async compareTyped(cardId: string, typed: string, durationMs: number, targetSecs: number, job: string | null): Promise<TypedFeedback> {
    const c = this.card(cardId);
    const points: TalkingPoint[] = talkingPoints(c.answer).map((text) => ({ text, status: pointStatus(text, typed) }));
    const score = points.reduce((n, p) => n + (p.status === 'covered' ? 1 : p.status === 'partial' ? 0.5 : 0), 0);
    const coverage = points.length ? score / points.length : 0;
    const typedLower = typed.toLowerCase();
    const keywords = (this.jobs.find((j) => j.id === job)?.keywords ?? [])
      .filter((k) => typedLower.includes(k.name.toLowerCase()))
      .map((k) => k.name);
    return { points, coverage, keywords, suggested: suggestRating(coverage, points.length, durationMs, targetSecs) };
  }

  async recordAttempt(input: AttemptInput): Promise<AttemptResult> {
    this.card(input.card_id);
    const now = Date.now();
    const attempt: Attempt = {
      id: this.attempts.length + 1,
      card_id: input.card_id,
      session_id: input.session_id,
      started_at: input.started_at ?? iso(now - input.duration_ms),
      duration_ms: Math.round(input.duration_ms),
      target_secs: input.target_secs ?? 120,
      rating: input.rating,
      typed: input.typed,
    };
    this.attempts.push(attempt);
    this.schedules.set(input.card_id, nextSchedule(this.schedules.get(input.card_id), input.rating, now));
    return { attempt: { ...attempt }, schedule: this.scheduleOf(input.card_id, now) };
  }

  async sessionSummary(sessionId: string): Promise<SessionSummary> {
    if (!this.sessions.has(sessionId)) throw new BackendError('not_found', `no session "${sessionId}"`);
    const now = Date.now();
    const mine = this.attempts.filter((a) => a.session_id === sessionId);
    const rows = mine.map((a) => ({
      card_id: a.card_id,
      question: this.cards.find((c) => c.id === a.card_id)?.question ?? a.card_id,
      duration_ms: a.duration_ms,
      target_secs: a.target_secs,
      rating: a.rating,
      next_due: this.scheduleOf(a.card_id, now).due,
    }));
    const count = (r: Rating) => mine.filter((a) => a.rating === r).length;
    const back = new Map<string, number>();
    for (const id of new Set(mine.map((a) => a.card_id))) {
      const due = this.schedules.get(id)?.due;
      if (due !== undefined) back.set(localDay(due), (back.get(localDay(due)) ?? 0) + 1);
    }
    return {
      session_id: sessionId,
      rows,
      total_ms: mine.reduce((n, a) => n + a.duration_ms, 0),
      over_target: mine.filter((a) => a.duration_ms > a.target_secs * 1000).length,
      again: count('again'),
      hard: count('hard'),
      good: count('good'),
      easy: count('easy'),
      coming_back: [...back].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count })),
    };
  }

  async stats(): Promise<Stats> {
    const now = Date.now();
    const today = localDay(now);
    const yearAgo = addDays(today, -365);
    const recent = this.attempts.filter((a) => localDay(Date.parse(a.started_at)) > yearAgo);
    const perDay = new Map<string, RatingDay>();
    for (const a of recent) {
      const day = localDay(Date.parse(a.started_at));
      const r = perDay.get(day) ?? { day, again: 0, hard: 0, good: 0, easy: 0 };
      r[a.rating] += 1;
      perDay.set(day, r);
    }
    const ratings = [...perDay.values()].sort((a, b) => a.day.localeCompare(b.day));
    const reviews: DayCount[] = ratings.map((r) => ({ day: r.day, count: r.again + r.hard + r.good + r.easy }));
    const byCard = new Map<string, Attempt[]>();
    for (const a of this.attempts) byCard.set(a.card_id, [...(byCard.get(a.card_id) ?? []), a]);
    const times: CardTime[] = [...byCard].map(([id, list]) => ({
      card_id: id,
      question: this.cards.find((c) => c.id === id)?.question ?? id,
      attempts: list.length,
      mean_secs: list.reduce((n, a) => n + a.duration_ms, 0) / list.length / 1000,
      last_secs: list[list.length - 1].duration_ms / 1000,
      target_secs: list[list.length - 1].target_secs,
    }));
    times.sort((a, b) => b.attempts - a.attempts);
    const forecast: DayCount[] = Array.from({ length: 30 }, (_, i) => ({ day: addDays(today, i), count: 0 }));
    for (const s of this.schedules.values()) {
      const day = localDay(s.due);
      const slot = day <= today ? forecast[0] : forecast.find((f) => f.day === day);
      if (slot) slot.count += 1;
    }
    const days = new Set(reviews.map((r) => r.day));
    let streak = 0;
    let day = days.has(today) ? today : addDays(today, -1);
    while (days.has(day)) {
      streak += 1;
      day = addDays(day, -1);
    }
    return {
      reviews_per_day: reviews,
      ratings_per_day: ratings,
      time_vs_target: times,
      due_forecast: forecast,
      total_reviews: this.attempts.length,
      cards_practised: byCard.size,
      cards_new: this.live().filter((c) => !byCard.has(c.id)).length,
      streak_days: streak,
      today,
    };
  }

  async cardHistory(cardId: string): Promise<Attempt[]> {
    this.card(cardId);
    return this.attempts.filter((a) => a.card_id === cardId).map((a) => ({ ...a }));
  }

  /** Deck id to its target answer length (seconds), when set. */
  deckTargets: Record<string, number> = {};

  async deckTarget(deck: string): Promise<number> {
    const d = this.decks.find((x) => x.id === deck || x.name.toLowerCase() === deck.toLowerCase());
    if (!d) throw new BackendError('not_found', `no deck "${deck}"`);
    return this.deckTargets[d.id] ?? 120;
  }

  async setDeckTarget(deck: string, secs: number): Promise<number> {
    const d = this.decks.find((x) => x.id === deck || x.name.toLowerCase() === deck.toLowerCase());
    if (!d) throw new BackendError('not_found', `no deck "${deck}"`);
    if (!(secs >= 10 && secs <= 3600)) {
      throw new BackendError('invalid_input', `a target of ${secs} seconds is out of range; give 10 to 3600`);
    }
    this.deckTargets[d.id] = secs;
    return secs;
  }

  async dueCards(): Promise<DueCard[]> {
    const now = Date.now();
    return this.dueNow(now).map((c) => {
      const s = this.scheduleOf(c.id, now);
      return {
        card_id: c.id,
        question: c.question,
        deck: c.deck,
        due: s.due,
        stability: s.stability,
        difficulty: s.difficulty,
        new: s.state === 'new',
        pulled_by: null,
      };
    });
  }

  // Annotations. Notes and highlights live on each card's `annotations`; highlights are
  // re-anchored in `answer_text` whenever the answer changes (orphans when the words go).

  private annotationSeq = 0;
  /** Each card's versions, oldest first; made on the first edit (the imported text first). */
  versions = new Map<string, Version[]>();

  private view(c: MockCard): CardView {
    return structuredClone(c);
  }

  private reanchor(c: MockCard) {
    const all = [...c.annotations.highlights, ...c.annotations.orphans];
    for (const h of all) {
      const at = locate(c.answer_text, h);
      if (at) Object.assign(h, { start: at.start, end: at.end, exact: c.answer_text.slice(at.start, at.end), orphan: false });
      else h.orphan = true;
    }
    c.annotations.highlights = all.filter((h) => !h.orphan).sort((a, b) => a.start - b.start || a.id - b.id);
    c.annotations.orphans = all.filter((h) => h.orphan).sort((a, b) => a.id - b.id);
  }

  private setText(c: MockCard, question: string, answer: string) {
    c.question = question;
    c.answer = answer;
    c.answer_html = renderMarkdown(answer);
    c.answer_text = htmlToText(c.answer_html);
    c.unanswered = answer.trim() === '';
    this.reanchor(c);
  }

  private versionsOf(c: MockCard): Version[] {
    let list = this.versions.get(c.id);
    if (!list) {
      list = [{ id: ++this.annotationSeq, card_id: c.id, question: c.question, answer: c.answer, origin: 'import', created_at: iso(Date.now() - DAY), current: false }];
      this.versions.set(c.id, list);
    }
    return list;
  }

  private record(c: MockCard, origin: string) {
    this.versionsOf(c).push({ id: ++this.annotationSeq, card_id: c.id, question: c.question, answer: c.answer, origin, created_at: iso(Date.now()), current: false });
  }

  async addNote(cardId: string, body: string): Promise<CardView> {
    const c = this.card(cardId);
    if (!body.trim()) throw new BackendError('invalid_input', 'the note is empty');
    const now = iso(Date.now());
    const note: Note = { id: ++this.annotationSeq, card_id: c.id, body, body_html: renderMarkdown(body), created_at: now, updated_at: now };
    c.annotations.notes.push(note);
    return this.view(c);
  }

  async updateNote(cardId: string, noteId: number, body: string): Promise<CardView> {
    const c = this.card(cardId);
    const note = c.annotations.notes.find((n) => n.id === noteId);
    if (!note) throw new BackendError('not_found', `no note with id "${noteId}"`);
    if (!body.trim()) {
      c.annotations.notes = c.annotations.notes.filter((n) => n !== note);
    } else {
      Object.assign(note, { body, body_html: renderMarkdown(body), updated_at: iso(Date.now()) });
    }
    return this.view(c);
  }

  async addHighlight(cardId: string, h: NewHighlight): Promise<CardView> {
    const c = this.card(cardId);
    const exact = h.exact.trim();
    if (!exact) throw new BackendError('invalid_input', 'select some words to highlight');
    const lead = h.exact.slice(0, h.exact.length - h.exact.trimStart().length);
    const trail = h.exact.slice(h.exact.trimEnd().length);
    const prefix = normalize(h.prefix + lead).text.slice(-CONTEXT);
    const suffix = normalize(trail + h.suffix).text.slice(0, CONTEXT);
    const at = locate(c.answer_text, { exact, prefix, suffix, start: h.start });
    const start = at?.start ?? h.start ?? 0;
    const hl: Highlight = {
      id: ++this.annotationSeq,
      card_id: c.id,
      exact,
      prefix,
      suffix,
      start,
      end: at?.end ?? start + exact.length,
      comment: h.comment?.trim() ? h.comment.trim() : null,
      orphan: !at,
      created_at: iso(Date.now()),
    };
    (at ? c.annotations.highlights : c.annotations.orphans).push(hl);
    this.reanchor(c);
    return this.view(c);
  }

  async deleteHighlight(cardId: string, id: number): Promise<CardView> {
    const c = this.card(cardId);
    const { highlights, orphans } = c.annotations;
    if (!highlights.some((h) => h.id === id) && !orphans.some((h) => h.id === id)) {
      throw new BackendError('not_found', `no highlight with id "${id}"`);
    }
    c.annotations.highlights = highlights.filter((h) => h.id !== id);
    c.annotations.orphans = orphans.filter((h) => h.id !== id);
    return this.view(c);
  }

  async setStarred(cardId: string, starred: boolean): Promise<CardView> {
    const c = this.card(cardId);
    c.starred = starred;
    return this.view(c);
  }

  async editTag(cardId: string, tag: string, add: boolean): Promise<CardView> {
    const c = this.card(cardId);
    const slug = tagSlug(tag);
    if (!slug) throw new BackendError('invalid_input', 'a tag needs letters or digits (like star-story)');
    if (add && !c.tags.includes(slug)) c.tags.push(slug);
    if (!add) c.tags = c.tags.filter((t) => t !== slug);
    return this.view(c);
  }

  async editCard(cardId: string, question: string | null, answer: string | null): Promise<CardView> {
    const c = this.card(cardId);
    const q = question ?? c.question;
    const a = answer ?? c.answer;
    if (!q.trim()) throw new BackendError('invalid_input', 'a card needs a question');
    if (q === c.question && a === c.answer) return this.view(c);
    this.versionsOf(c);
    this.setText(c, q, a);
    this.record(c, 'edit');
    c.edited = true;
    return this.view(c);
  }

  /** Newest first; the newest one that says what the card says now is `current`. */
  async cardVersions(cardId: string): Promise<Version[]> {
    const c = this.card(cardId);
    const list = [...(this.versions.get(c.id) ?? [])].reverse().map((v) => ({ ...v, current: false }));
    const now = list.find((v) => v.question === c.question && v.answer === c.answer);
    if (now) now.current = true;
    return list;
  }

  async restoreVersion(cardId: string, versionId: number): Promise<CardView> {
    const c = this.card(cardId);
    const v = (this.versions.get(c.id) ?? []).find((x) => x.id === versionId);
    if (!v) throw new BackendError('not_found', `no version with id "${versionId}" of card ${c.id}`);
    this.setText(c, v.question, v.answer);
    this.record(c, 'restore');
    c.edited = true;
    return this.view(c);
  }

  async resolveConflict(cardId: string, keep: Keep): Promise<CardView> {
    const c = this.card(cardId);
    const conflict = c.annotations.conflict;
    if (!conflict) throw new BackendError('invalid_input', `card ${c.id} has no conflict to resolve`);
    if (keep === 'file') {
      this.versionsOf(c);
      this.setText(c, conflict.question, conflict.answer);
      this.record(c, 'file');
      c.edited = false;
    }
    c.annotations.conflict = null;
    c.conflict = false;
    return this.view(c);
  }

  /** Test helper: behave as if a re-import found the document changed this (edited) card. */
  simulateConflict(cardId: string, document: Conflict) {
    const c = this.card(cardId);
    c.annotations.conflict = { ...document };
    c.conflict = true;
  }

  readyCalls = 0;
  async uiReady() {
    this.readyCalls += 1;
  }

  // Résumé. The mock does not read files: `addResume` keeps `resumeToAdd` (a test sets it).

  resumeView: ResumeView | null = null;
  resumeToAdd: ResumeView | null = null;
  pickResumeResult: string | null = null;

  async getResume() {
    return this.resumeView ? structuredClone(this.resumeView) : null;
  }

  async addResume(path: string): Promise<ResumeView> {
    if (!this.resumeToAdd) throw new BackendError('invalid_input', `${path}: the PDF has no text layer; no résumé was added`);
    this.resumeView = { ...structuredClone(this.resumeToAdd), resume: { ...this.resumeToAdd.resume, source: path } };
    return structuredClone(this.resumeView);
  }

  async pickResume() {
    return this.pickResumeResult;
  }

  /** A bullet's story: answers that name the role's company and share two long words. */
  async resumeStory(): Promise<BulletStory[]> {
    const r = this.resumeView?.resume;
    if (!r) return [];
    const out: BulletStory[] = [];
    r.roles.forEach((role, ri) =>
      role.bullets.forEach((b, bi) => {
        const long = words(b).filter((w) => w.length > 4);
        const cards = this.cards
          .filter((c) => !c.archived && c.answer.trim() !== '')
          .filter((c) => {
            const t = words(c.question + ' ' + c.answer);
            return t.includes(role.company.toLowerCase()) && long.filter((w) => t.includes(w)).length >= 2;
          })
          .slice(0, 5)
          .map((c) => [c.id, c.question] as [string, string]);
        out.push({ role: ri, bullet: bi, cards });
      }),
    );
    return out;
  }

  async resumeMatch(jobId: string): Promise<ResumeMatch | null> {
    const r = this.resumeView?.resume;
    if (!r) return null;
    const job = this.jobs.find((j) => j.id === jobId);
    if (!job) throw new BackendError('not_found', `no job with id or name "${jobId}"`);
    const report = await this.matchJob(jobId);
    const keywords = job.keywords.map((k) => {
      const name = k.name.toLowerCase();
      const roles = r.roles.flatMap((role, i) => {
        const bullet = role.bullets.find((b) => b.toLowerCase().includes(name)) ?? null;
        return bullet ? [{ role: i, company: role.company, title: role.title, bullet }] : [];
      });
      const listed = r.skills.some((s) => s.name.toLowerCase() === name);
      const on_resume = roles.length > 0 || listed;
      const answers = report.keywords.find((c) => c.id === k.id)?.covered_by ?? [];
      const status = on_resume ? (answers.length ? 'both' : 'resume') : answers.length ? 'answers' : 'neither';
      return { id: k.id, name: k.name, weight: k.weight, required: k.section === 'required', roles, on_resume, skills_only: on_resume && !roles.length, answers, status };
    });
    return { job_id: jobId, resume_id: r.id, resume_score: 0, combined_score: 0, keywords, gaps: keywords.filter((k) => k.status === 'neither').map((k) => k.id), checks: [] };
  }

  async likelyQuestions(jobId: string): Promise<LikelyQuestion[]> {
    const r = this.resumeView?.resume;
    if (!r) return [];
    const m = await this.resumeMatch(jobId);
    const out: LikelyQuestion[] = r.roles.slice(0, 3).flatMap((role) =>
      role.bullets.slice(0, 1).map((b) => ({
        question: `At ${role.company}, your résumé says: “${b}”. Walk me through how you did it.`,
        kind: 'achievement',
        role: `${role.title} at ${role.company}`,
        bullet: b,
        keywords: [],
        card_id: null,
      })),
    );
    for (const k of m?.keywords.filter((k) => k.status === 'neither') ?? []) {
      out.push({ question: `The role asks for ${k.name}, which your résumé does not mention. How would you get up to speed?`, kind: 'gap', role: null, bullet: null, keywords: [k.name], card_id: null });
    }
    return out;
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
