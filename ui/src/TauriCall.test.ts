import { describe, it, expect, vi, beforeEach } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
vi.mock('@tauri-apps/api/webview', () => ({ getCurrentWebview: vi.fn() }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn() }));

const { TauriBackend, BUSY_RETRIES_MS } = await import('./lib/backend/tauri');
const { BackendError } = await import('./lib/backend');

beforeEach(() => {
  invoke.mockReset();
  vi.useFakeTimers();
});

describe('commands sent to the shell', () => {
  it('retry while the library is busy, then answer', async () => {
    invoke
      .mockRejectedValueOnce({ code: 'library_busy', message: 'busy' })
      .mockRejectedValueOnce({ code: 'library_busy', message: 'busy' })
      .mockResolvedValueOnce([{ id: 'd1', name: 'Sample', source: null, cards: 3 }]);
    const decks = new TauriBackend().listDecks();
    await vi.advanceTimersByTimeAsync(BUSY_RETRIES_MS[0] + BUSY_RETRIES_MS[1]);
    expect((await decks).map((d) => d.name)).toEqual(['Sample']);
    expect(invoke).toHaveBeenCalledTimes(3);
  });

  it('say busy once the retries are spent, and pass other errors at once with their code', async () => {
    invoke.mockRejectedValue({ code: 'library_busy', message: 'another process is importing' });
    const decks = new TauriBackend().listDecks().catch((e) => e);
    await vi.advanceTimersByTimeAsync(BUSY_RETRIES_MS.reduce((a, b) => a + b, 0));
    const err = await decks;
    expect(err).toBeInstanceOf(BackendError);
    expect(err.code).toBe('library_busy');
    expect(invoke).toHaveBeenCalledTimes(BUSY_RETRIES_MS.length + 1);

    invoke.mockReset();
    invoke.mockRejectedValue({ code: 'not_found', message: 'no card with id "x"' });
    const card = await new TauriBackend().getCard('x').catch((e) => e);
    expect(card.code).toBe('not_found');
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});
