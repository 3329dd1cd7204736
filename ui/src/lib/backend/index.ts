// The one interface the UI uses to reach the core. Only this folder knows about Tauri.
import type {
  CardSummary,
  CardView,
  Deck,
  ImportProgress,
  ImportReport,
  ImportPreview,
  Job,
  LibraryInfo,
  MatchReport,
  SearchResult,
  RehearsalPlan,
  Session,
  TypedFeedback,
  AttemptInput,
  AttemptResult,
  SessionSummary,
  Stats,
  Attempt,
  DueCard,
  NewHighlight,
  Version,
  Keep,
  ResumeView,
  BulletStory,
  ResumeMatch,
  LikelyQuestion,
} from './types';
import { MockBackend } from './mock';

export * from './types';

/** An error from the core: the UI branches on `code`, never on `message`. */
export class BackendError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'BackendError';
  }
}

/** A posting to add: pasted text, a file path or a web address, with optional details. */
export type JobInput = {
  text: string | null;
  path: string | null;
  url: string | null;
  title: string | null;
  company: string | null;
  date: string | null;
};

export type DropEvent = { type: 'enter' | 'over' | 'leave' | 'drop'; paths: string[] };

export interface Backend {
  libraryInfo(): Promise<LibraryInfo>;
  listDecks(): Promise<Deck[]>;
  listCards(deck: string | null): Promise<CardSummary[]>;
  getCard(id: string): Promise<CardView>;
  search(query: string, limit: number): Promise<SearchResult>;
  /** `questions` forces how questions are found (`headings:3`, `numbered`...); null: as remembered or by evidence. */
  importPaths(paths: string[], questions?: string | null): Promise<ImportReport>;
  /** What importing one file would make, and the other ways of reading it; writes nothing. */
  previewImport(path: string, questions: string | null): Promise<ImportPreview>;
  /** The native open-file dialog; null when cancelled. */
  pickFiles(): Promise<string[] | null>;
  onImportProgress(cb: (p: ImportProgress) => void): Promise<() => void>;
  onFileDrop(cb: (e: DropEvent) => void): Promise<() => void>;
  /** Tells the app the library is on screen (it times its start-up with this). */
  uiReady(): Promise<void>;
  listJobs(): Promise<Job[]>;
  addJob(input: JobInput): Promise<Job>;
  matchJob(id: string, deck: string | null): Promise<MatchReport>;
  removeJobKeyword(job: string, keyword: string): Promise<Job>;
  addJobKeyword(job: string, name: string): Promise<Job>;
  /** Picks the cards of a rehearsal and opens a session. */
  startRehearsal(plan: RehearsalPlan): Promise<Session>;
  /** Holds a typed attempt against the prepared answer (and the job's keywords); stores nothing. */
  compareTyped(cardId: string, typed: string, durationMs: number, targetSecs: number, job: string | null): Promise<TypedFeedback>;
  /** Records one rating at once (committed before this resolves) and reschedules the card. */
  recordAttempt(input: AttemptInput): Promise<AttemptResult>;
  sessionSummary(sessionId: string): Promise<SessionSummary>;
  stats(): Promise<Stats>;
  cardHistory(cardId: string): Promise<Attempt[]>;
  dueCards(): Promise<DueCard[]>;
  /** A deck's target answer length in seconds (120 unless set). */
  deckTarget(deck: string): Promise<number>;
  /** Sets it (10 to 3600 seconds); returns the value in force. */
  setDeckTarget(deck: string, secs: number): Promise<number>;
  /** Annotations: each call returns the card as it is after the change. */
  addNote(cardId: string, body: string): Promise<CardView>;
  /** An empty body deletes the note. */
  updateNote(cardId: string, noteId: number, body: string): Promise<CardView>;
  addHighlight(cardId: string, highlight: NewHighlight): Promise<CardView>;
  deleteHighlight(cardId: string, id: number): Promise<CardView>;
  setStarred(cardId: string, starred: boolean): Promise<CardView>;
  editTag(cardId: string, tag: string, add: boolean): Promise<CardView>;
  editCard(cardId: string, question: string | null, answer: string | null): Promise<CardView>;
  cardVersions(cardId: string): Promise<Version[]>;
  restoreVersion(cardId: string, versionId: number): Promise<CardView>;
  resolveConflict(cardId: string, keep: Keep): Promise<CardView>;
  /** A new card written in the app (deck "My answers" unless named). */
  createCard(deck: string | null, question: string, answer: string, tags: string[]): Promise<CardView>;
  /** The latest résumé added, or null when there is none. */
  getResume(): Promise<ResumeView | null>;
  /** Reads a résumé file (.pdf, .docx, .md, .txt) and keeps it. */
  addResume(path: string): Promise<ResumeView>;
  /** Opens the file dialog for a résumé; null when cancelled. */
  pickResume(): Promise<string | null>;
  /** For each bullet of the résumé, the answers that tell its story. */
  resumeStory(): Promise<BulletStory[]>;
  /** A job against the résumé and the answers; null when there is no résumé. */
  resumeMatch(job: string): Promise<ResumeMatch | null>;
  /** Questions an interviewer would likely ask from the résumé for this job. */
  likelyQuestions(job: string): Promise<LikelyQuestion[]>;
}

declare global {
  interface Window {
    __TAURI_INTERNALS__?: unknown;
  }
}

let chosen: Backend | undefined;

/** The Tauri backend inside the app, the mock one in a plain browser (`npm run dev`). */
export function getBackend(): Backend {
  if (!chosen) {
    if (typeof window !== 'undefined' && window.__TAURI_INTERNALS__) {
      // Loaded lazily so that the mock build never touches Tauri.
      chosen = new LazyTauri();
    } else {
      chosen = new MockBackend();
    }
  }
  return chosen;
}

class LazyTauri implements Backend {
  private inner = import('./tauri').then((m) => new m.TauriBackend());
  libraryInfo() { return this.inner.then((b) => b.libraryInfo()); }
  listDecks() { return this.inner.then((b) => b.listDecks()); }
  listCards(deck: string | null) { return this.inner.then((b) => b.listCards(deck)); }
  getCard(id: string) { return this.inner.then((b) => b.getCard(id)); }
  search(q: string, limit: number) { return this.inner.then((b) => b.search(q, limit)); }
  importPaths(paths: string[], questions: string | null = null) { return this.inner.then((b) => b.importPaths(paths, questions)); }
  previewImport(path: string, questions: string | null) { return this.inner.then((b) => b.previewImport(path, questions)); }
  pickFiles() { return this.inner.then((b) => b.pickFiles()); }
  onImportProgress(cb: (p: ImportProgress) => void) { return this.inner.then((b) => b.onImportProgress(cb)); }
  onFileDrop(cb: (e: DropEvent) => void) { return this.inner.then((b) => b.onFileDrop(cb)); }
  uiReady() { return this.inner.then((b) => b.uiReady()); }
  listJobs() { return this.inner.then((b) => b.listJobs()); }
  addJob(input: JobInput) { return this.inner.then((b) => b.addJob(input)); }
  matchJob(id: string, deck: string | null) { return this.inner.then((b) => b.matchJob(id, deck)); }
  removeJobKeyword(job: string, keyword: string) { return this.inner.then((b) => b.removeJobKeyword(job, keyword)); }
  addJobKeyword(job: string, name: string) { return this.inner.then((b) => b.addJobKeyword(job, name)); }
  startRehearsal(plan: RehearsalPlan) { return this.inner.then((b) => b.startRehearsal(plan)); }
  compareTyped(cardId: string, typed: string, durationMs: number, targetSecs: number, job: string | null) {
    return this.inner.then((b) => b.compareTyped(cardId, typed, durationMs, targetSecs, job));
  }
  recordAttempt(input: AttemptInput) { return this.inner.then((b) => b.recordAttempt(input)); }
  sessionSummary(sessionId: string) { return this.inner.then((b) => b.sessionSummary(sessionId)); }
  stats() { return this.inner.then((b) => b.stats()); }
  cardHistory(cardId: string) { return this.inner.then((b) => b.cardHistory(cardId)); }
  dueCards() { return this.inner.then((b) => b.dueCards()); }
  deckTarget(deck: string) { return this.inner.then((b) => b.deckTarget(deck)); }
  setDeckTarget(deck: string, secs: number) { return this.inner.then((b) => b.setDeckTarget(deck, secs)); }
  addNote(cardId: string, body: string) { return this.inner.then((b) => b.addNote(cardId, body)); }
  updateNote(cardId: string, noteId: number, body: string) { return this.inner.then((b) => b.updateNote(cardId, noteId, body)); }
  addHighlight(cardId: string, h: NewHighlight) { return this.inner.then((b) => b.addHighlight(cardId, h)); }
  deleteHighlight(cardId: string, id: number) { return this.inner.then((b) => b.deleteHighlight(cardId, id)); }
  setStarred(cardId: string, starred: boolean) { return this.inner.then((b) => b.setStarred(cardId, starred)); }
  editTag(cardId: string, tag: string, add: boolean) { return this.inner.then((b) => b.editTag(cardId, tag, add)); }
  editCard(cardId: string, q: string | null, a: string | null) { return this.inner.then((b) => b.editCard(cardId, q, a)); }
  cardVersions(cardId: string) { return this.inner.then((b) => b.cardVersions(cardId)); }
  restoreVersion(cardId: string, v: number) { return this.inner.then((b) => b.restoreVersion(cardId, v)); }
  resolveConflict(cardId: string, keep: Keep) { return this.inner.then((b) => b.resolveConflict(cardId, keep)); }
  createCard(deck: string | null, q: string, a: string, tags: string[]) { return this.inner.then((b) => b.createCard(deck, q, a, tags)); }
  getResume() { return this.inner.then((b) => b.getResume()); }
  addResume(path: string) { return this.inner.then((b) => b.addResume(path)); }
  pickResume() { return this.inner.then((b) => b.pickResume()); }
  resumeStory() { return this.inner.then((b) => b.resumeStory()); }
  resumeMatch(job: string) { return this.inner.then((b) => b.resumeMatch(job)); }
  likelyQuestions(job: string) { return this.inner.then((b) => b.likelyQuestions(job)); }
}
