// The Tauri implementation of the backend: one `invoke` per core call.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { BackendError, type Backend, type DropEvent, type JobInput } from './index';
import type {
  CardSummary,
  CardView,
  Deck,
  ErrorCode,
  ErrorPayload,
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

/** How long to wait before each retry of a command that found the library busy (another
 *  Cuecard process writing past the core's own wait). */
export const BUSY_RETRIES_MS = [300, 1000, 3000];

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await invoke<T>(cmd, args);
    } catch (e) {
      const p = e as Partial<ErrorPayload>;
      if (p && typeof p === 'object' && typeof p.code === 'string') {
        const code: ErrorCode = p.code;
        // Busy is a moment, not a failure: wait and try again, then say so.
        if (code === 'library_busy' && attempt < BUSY_RETRIES_MS.length) {
          await new Promise((r) => setTimeout(r, BUSY_RETRIES_MS[attempt]));
          continue;
        }
        throw new BackendError(code, p.message ?? code);
      }
      throw new BackendError('internal', String(e));
    }
  }
}

export class TauriBackend implements Backend {
  libraryInfo() { return call<LibraryInfo>('library_info'); }
  listDecks() { return call<Deck[]>('list_decks'); }
  listCards(deck: string | null) { return call<CardSummary[]>('list_cards', { deck }); }
  getCard(id: string) { return call<CardView>('get_card', { id }); }
  search(query: string, limit: number) { return call<SearchResult>('search', { query, limit }); }
  importPaths(paths: string[], questions: string | null = null) { return call<ImportReport>('import_paths', { paths, questions }); }
  previewImport(path: string, questions: string | null) { return call<ImportPreview>('preview_import', { path, questions }); }
  uiReady() { return call<void>('ui_ready'); }
  listJobs() { return call<Job[]>('list_jobs'); }
  addJob(input: JobInput) { return call<Job>('add_job', { input }); }
  matchJob(id: string, deck: string | null) { return call<MatchReport>('match_job', { id, deck }); }
  removeJobKeyword(job: string, keyword: string) { return call<Job>('remove_job_keyword', { job, keyword }); }
  addJobKeyword(job: string, name: string) { return call<Job>('add_job_keyword', { job, name }); }
  startRehearsal(plan: RehearsalPlan) { return call<Session>('start_rehearsal', { plan }); }
  compareTyped(cardId: string, typed: string, durationMs: number, targetSecs: number, job: string | null) {
    return call<TypedFeedback>('compare_typed', { cardId, typed, durationMs, targetSecs, job });
  }
  recordAttempt(input: AttemptInput) { return call<AttemptResult>('record_attempt', { input }); }
  sessionSummary(sessionId: string) { return call<SessionSummary>('session_summary', { sessionId }); }
  stats() { return call<Stats>('stats'); }
  cardHistory(cardId: string) { return call<Attempt[]>('card_history', { cardId }); }
  dueCards() { return call<DueCard[]>('due_cards'); }
  deckTarget(deck: string) { return call<number>('deck_target', { deck }); }
  setDeckTarget(deck: string, secs: number) { return call<number>('set_deck_target', { deck, secs }); }
  addNote(cardId: string, body: string) { return call<CardView>('add_note', { cardId, body }); }
  updateNote(cardId: string, noteId: number, body: string) { return call<CardView>('update_note', { cardId, noteId, body }); }
  addHighlight(cardId: string, highlight: NewHighlight) { return call<CardView>('add_highlight', { cardId, highlight }); }
  deleteHighlight(cardId: string, id: number) { return call<CardView>('delete_highlight', { cardId, id }); }
  setStarred(cardId: string, starred: boolean) { return call<CardView>('set_starred', { cardId, starred }); }
  editTag(cardId: string, tag: string, add: boolean) { return call<CardView>('edit_tag', { cardId, tag, add }); }
  editCard(cardId: string, question: string | null, answer: string | null) {
    return call<CardView>('edit_card', { cardId, question, answer });
  }
  cardVersions(cardId: string) { return call<Version[]>('card_versions', { cardId }); }
  restoreVersion(cardId: string, versionId: number) { return call<CardView>('restore_version', { cardId, versionId }); }
  resolveConflict(cardId: string, keep: Keep) { return call<CardView>('resolve_conflict', { cardId, keep }); }
  createCard(deck: string | null, question: string, answer: string, tags: string[]) {
    return call<CardView>('create_card', { deck, question, answer, tags });
  }
  getResume() { return call<ResumeView | null>('get_resume'); }
  addResume(path: string) { return call<ResumeView>('add_resume', { path }); }
  resumeStory() { return call<BulletStory[]>('resume_story'); }
  resumeMatch(job: string) { return call<ResumeMatch | null>('resume_match', { job }); }
  likelyQuestions(job: string) { return call<LikelyQuestion[]>('likely_questions', { job }); }
  // The shell opens the file dialogs and records what is picked: the page cannot name
  // files for it to read, beyond documents typed or dropped.
  pickResume() { return call<string | null>('pick_resume'); }
  async pickFiles(): Promise<string[] | null> {
    const picked = await call<string[]>('pick_documents');
    return picked.length ? picked : null;
  }

  async onImportProgress(cb: (p: ImportProgress) => void) {
    return listen<ImportProgress>('import-progress', (e) => cb(e.payload));
  }

  async onFileDrop(cb: (e: DropEvent) => void) {
    return getCurrentWebview().onDragDropEvent((e) => {
      const p = e.payload;
      cb({ type: p.type, paths: 'paths' in p ? p.paths : [] });
    });
  }
}
