import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import App from './App.svelte';
import { BackendError } from './lib/backend';
import { MockBackend } from './lib/backend/mock';
import { press, queries, setValue, settle } from './test-utils';

let target: HTMLElement;
let app: Record<string, unknown> | null = null;
let backend: MockBackend;
const { $, $$, byId, allById } = queries(() => target);

async function openCard(id: string) {
  ($(`[data-testid="card-item"][data-card-id="${id}"] button`) as HTMLElement).click();
  await settle();
  expect(byId('card-view')).not.toBeNull();
}

const click = async (el: Element | null) => {
  expect(el).not.toBeNull();
  (el as HTMLElement).click();
  await settle();
};

/** Selects chars [from, to) of the text node `node`…`endNode` as a person would with the mouse. */
function select(node: Node, from: number, endNode: Node, to: number) {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(endNode, to);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  byId('card-answer')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
}

/** The text nodes of the rendered answer, in order. */
function textNodes(): Text[] {
  const w = document.createTreeWalker(byId('card-answer')!, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
}

beforeEach(async () => {
  target = document.createElement('div');
  document.body.appendChild(target);
  backend = new MockBackend();
  app = mount(App, { target, props: { backend } });
  await settle();
});

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  if (app) unmount(app);
  app = null;
  target.remove();
  vi.restoreAllMocks();
});

describe('star and tags', () => {
  it('stars with the button and S, and adds and removes tags', async () => {
    await openCard('c1');
    const star = () => byId('star-toggle')!;
    expect(star().getAttribute('aria-pressed')).toBe('false');
    await click(star());
    expect(star().getAttribute('aria-pressed')).toBe('true');
    expect(backend.cards[0].starred).toBe(true);
    (document.activeElement as HTMLElement | null)?.blur();
    press('s');
    await settle();
    expect(star().getAttribute('aria-pressed')).toBe('false');
    expect(backend.cards[0].starred).toBe(false);

    const chips = () => allById('tag-chip').map((c) => c.dataset.tag);
    expect(chips()).toEqual(['design']);
    const input = byId('tag-input') as HTMLInputElement;
    input.focus();
    setValue(input, 'Star Story');
    press('s', {}, input); // typing: not the star shortcut
    press('Enter', {}, input);
    await settle();
    expect(chips()).toEqual(['design', 'star-story']);
    expect(backend.cards[0].tags).toEqual(['design', 'star-story']);
    expect((byId('tag-input') as HTMLInputElement).value).toBe('');
    expect(star().getAttribute('aria-pressed')).toBe('false');

    await click($('[data-testid="tag-chip"][data-tag="design"] [data-testid="tag-remove"]'));
    expect(chips()).toEqual(['star-story']);
    expect(backend.cards[0].tags).toEqual(['star-story']);
  });
});

describe('notes', () => {
  it('renders markdown and leaves markup in a note inert', async () => {
    await openCard('c2');
    expect(allById('note-item')).toHaveLength(0);
    const body = '**Mention** fsync.\n\n<script>alert(1)</script> <img src=x onerror="window.pwned=1">';
    const input = byId('note-input') as HTMLTextAreaElement;
    input.focus();
    setValue(input, body);
    press('Enter', { ctrlKey: true }, input);
    await settle();

    const items = allById('note-item');
    expect(items).toHaveLength(1);
    const rendered = items[0].querySelector('[data-testid="note-body"]')!;
    expect(rendered.querySelector('strong')?.textContent).toBe('Mention');
    expect(rendered.textContent).toContain('<script>alert(1)</script>');
    const view = byId('card-view')!;
    expect(view.querySelectorAll('script')).toHaveLength(0);
    expect(view.querySelectorAll('img')).toHaveLength(0);
    expect(view.querySelectorAll('[onerror]')).toHaveLength(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    expect((byId('note-input') as HTMLTextAreaElement).value).toBe('');
    expect(backend.cards[1].annotations.notes.map((n) => n.body)).toEqual([body]);
  });

  it('edits a note, and deletes it when saved empty after confirming', async () => {
    await backend.addNote('c2', 'first draft');
    await openCard('c2');
    await click(byId('note-edit'));
    const edit = byId('note-edit-input') as HTMLTextAreaElement;
    expect(edit.value).toBe('first draft');
    setValue(edit, 'second *draft*');
    await click(byId('note-edit-save'));
    expect(byId('note-body')?.querySelector('em')?.textContent).toBe('draft');

    await click(byId('note-edit'));
    setValue(byId('note-edit-input') as HTMLTextAreaElement, '   ');
    await click(byId('note-edit-save'));
    expect(allById('note-item')).toHaveLength(1);
    expect(backend.cards[1].annotations.notes).toHaveLength(1);
    await click(byId('note-delete-cancel'));
    expect(byId('note-delete-confirm')).toBeNull();
    expect((byId('note-edit-input') as HTMLTextAreaElement).value).toBe('   '); // still editing: nothing lost

    await click(byId('note-edit-save'));
    await click(byId('note-delete-confirm'));
    expect(allById('note-item')).toHaveLength(0);
    expect(backend.cards[1].annotations.notes).toHaveLength(0);
  });

  it('N focuses the new-note box', async () => {
    await openCard('c1');
    (document.activeElement as HTMLElement | null)?.blur();
    press('n');
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('note-input');
  });
});

describe('highlights', () => {
  it('highlights selected words with a comment, marks them and removes them', async () => {
    await openCard('c1'); // <p>Use a <strong>token bucket</strong> per client, kept in Redis.</p>
    const add = vi.spyOn(backend, 'addHighlight');
    const [, bold, after] = textNodes();
    expect(bold.data).toBe('token bucket');
    select(bold, 6, after, ' per client'.length);
    await settle();
    await click(byId('highlight-button'));
    setValue(byId('highlight-comment') as HTMLInputElement, 'say why per client');
    await click(byId('highlight-save'));

    expect(add).toHaveBeenCalledTimes(1);
    expect(add.mock.calls[0]).toEqual([
      'c1',
      { exact: 'bucket per client', prefix: 'Use a token ', suffix: ', kept in Redis.', start: 12, comment: 'say why per client' },
    ]);
    const marks = allById('highlight-mark');
    expect(marks.map((m) => m.textContent).join('')).toBe('bucket per client');
    expect(marks[0].parentElement?.tagName).toBe('STRONG');
    expect(byId('card-answer')?.textContent).toBe('Use a token bucket per client, kept in Redis.');
    expect(byId('highlight-button')).toBeNull();

    await click(marks[1]);
    expect(byId('highlight-popover')?.textContent).toContain('say why per client');
    await click(byId('highlight-remove'));
    expect(allById('highlight-mark')).toHaveLength(0);
    expect(backend.cards[0].annotations.highlights).toHaveLength(0);
  });

  it('H highlights the selection, and the mark lands on the occurrence selected', async () => {
    await backend.editCard('c3', null, 'A log here and a log there.');
    await openCard('c3');
    const [text] = textNodes();
    const second = text.data.lastIndexOf('log');
    select(text, second, text, second + 3);
    press('h', {}, document.body);
    await settle();
    const comment = byId('highlight-comment') as HTMLInputElement;
    expect(document.activeElement).toBe(comment);
    comment.form!.requestSubmit(); // Enter in the comment box

    await settle();
    expect(backend.cards[2].annotations.highlights.map((h) => [h.exact, h.start])).toEqual([['log', second]]);
    const marks = allById('highlight-mark');
    expect(marks).toHaveLength(1);
    const before = document.createRange();
    before.setStart(byId('card-answer')!, 0);
    before.setEndBefore(marks[0]);
    expect(before.toString()).toBe('A log here and a ');
  });

  it('lists highlights whose words left the answer, with their comments', async () => {
    await backend.addHighlight('c1', { exact: 'token bucket', prefix: 'Use a ', suffix: ' per', start: 6, comment: 'the algorithm' });
    await openCard('c1');
    expect(allById('highlight-mark').map((m) => m.textContent)).toEqual(['token bucket']);
    expect(allById('orphan-item')).toHaveLength(0);

    await click(byId('edit-button'));
    setValue(byId('edit-answer') as HTMLTextAreaElement, 'Use a sliding window per client.');
    await click(byId('edit-save'));

    expect(allById('highlight-mark')).toHaveLength(0);
    const orphans = allById('orphan-item');
    expect(orphans).toHaveLength(1);
    expect(orphans[0].textContent).toContain('token bucket');
    expect(orphans[0].textContent).toContain('the algorithm');
    expect(byId('orphans')?.textContent).toContain('No longer in the answer');
  });
});

describe('editing and versions', () => {
  it('edits with E, saves, lists the versions and restores one', async () => {
    await openCard('c3');
    (document.activeElement as HTMLElement | null)?.blur();
    press('e');
    await settle();
    const q = byId('edit-question') as HTMLTextAreaElement;
    const a = byId('edit-answer') as HTMLTextAreaElement;
    expect(q.value).toBe('Tell me about a rollback you led.');
    expect(a.value).toBe('I rolled back a bad migration within 14 minutes.');
    setValue(a, 'I rolled back a bad migration in **9** minutes.');
    await click(byId('edit-save'));

    expect(byId('edit-answer')).toBeNull();
    expect(byId('card-answer')?.querySelector('strong')?.textContent).toBe('9');
    expect(byId('card-edited')).not.toBeNull();

    await click(byId('history-button'));
    let versions = allById('version-item');
    expect(versions.map((v) => [v.dataset.origin, v.dataset.current])).toEqual([['edit', 'true'], ['import', 'false']]);
    expect(versions[0].querySelector('[data-testid="version-restore"]')).toBeNull();
    await click(versions[1].querySelector('[data-testid="version-restore"]'));

    expect(byId('card-answer')?.textContent).toBe('I rolled back a bad migration within 14 minutes.');
    versions = allById('version-item');
    expect(versions.map((v) => [v.dataset.origin, v.dataset.current])).toEqual([
      ['restore', 'true'],
      ['edit', 'false'],
      ['import', 'false'],
    ]);
  });

  it('Esc cancels an edit without leaving the card', async () => {
    await openCard('c3');
    await click(byId('edit-button'));
    const q = byId('edit-question') as HTMLTextAreaElement;
    setValue(q, 'Something else?');
    press('Escape', {}, q);
    await settle();
    expect(byId('edit-question')).toBeNull();
    expect(byId('card-view')).not.toBeNull();
    expect(byId('card-question')?.textContent).toBe('Tell me about a rollback you led.');
    expect(backend.cards[2].question).toBe('Tell me about a rollback you led.');
  });
});

describe('conflicts', () => {
  async function conflicted() {
    await backend.editCard('c3', null, 'My version of the rollback.');
    backend.simulateConflict('c3', { question: 'Tell me about a rollback you led.', answer: 'The document’s rollback story.' });
    await openCard('c3');
    const banner = byId('conflict-banner');
    expect(banner?.textContent).toContain('The document changed this card after you edited it');
    expect(banner?.textContent).toContain('My version of the rollback.');
    expect(banner?.textContent).toContain('The document’s rollback story.');
  }

  it('keeps the document’s version', async () => {
    await conflicted();
    await click(byId('conflict-keep-file'));
    expect(byId('conflict-banner')).toBeNull();
    expect(byId('card-answer')?.textContent).toBe('The document’s rollback story.');
    expect(backend.cards[2].conflict).toBe(false);
  });

  it('keeps the app’s version', async () => {
    await conflicted();
    await click(byId('conflict-keep-app'));
    expect(byId('conflict-banner')).toBeNull();
    expect(byId('card-answer')?.textContent).toBe('My version of the rollback.');
    expect(backend.cards[2].annotations.conflict).toBeNull();
  });
});

describe('errors', () => {
  it('shows an error from the core and keeps the typed note', async () => {
    await openCard('c1');
    const add = vi.spyOn(backend, 'addNote').mockRejectedValueOnce(new BackendError('io', 'the library is read-only'));
    setValue(byId('note-input') as HTMLTextAreaElement, 'Remember the **burst** size.');
    await settle();
    await click(byId('note-save'));
    expect(byId('card-error')?.textContent).toContain('the library is read-only');
    expect(byId('card-error')?.dataset.code).toBe('io');
    expect((byId('note-input') as HTMLTextAreaElement).value).toBe('Remember the **burst** size.');
    expect(allById('note-item')).toHaveLength(0);

    await click(byId('note-save'));
    expect(add).toHaveBeenCalledTimes(2);
    expect(byId('card-error')).toBeNull();
    expect(allById('note-item')).toHaveLength(1);
    expect((byId('note-input') as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps the edited text when the core refuses it', async () => {
    await openCard('c1');
    await click(byId('edit-button'));
    setValue(byId('edit-question') as HTMLTextAreaElement, '   ');
    setValue(byId('edit-answer') as HTMLTextAreaElement, 'A new answer.');
    await click(byId('edit-save'));
    expect(byId('card-error')?.textContent).toContain('a card needs a question');
    expect((byId('edit-answer') as HTMLTextAreaElement).value).toBe('A new answer.');
    expect(backend.cards[0].answer).toBe('Use a token bucket per client, kept in Redis.');
  });
});
