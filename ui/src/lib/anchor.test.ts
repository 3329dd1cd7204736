import { describe, it, expect } from 'vitest';
import { locate, quoteOfRange, tagSlug, wrapRange } from './anchor';

describe('locate', () => {
  it('finds words across block whitespace the core collapses', () => {
    const text = '\nChanges reach the log first.\n\ndurability\nreplay\n';
    const at = locate(text, { exact: 'first. durability' });
    expect(at && text.slice(at.start, at.end)).toBe('first.\n\ndurability');
  });

  it('finds words when the rendered blocks have no whitespace between them', () => {
    const text = 'Intro.durabilityreplay';
    const at = locate(text, { exact: 'durability replay' });
    expect(at && text.slice(at.start, at.end)).toBe('durabilityreplay');
  });

  it('picks the occurrence whose context agrees, then the one nearest the hint', () => {
    const text = 'a log here and a log there and a log again';
    expect(locate(text, { exact: 'log', prefix: 'and a ', suffix: ' there' })?.start).toBe(17);
    expect(locate(text, { exact: 'log', start: 30 })?.start).toBe(33);
    expect(locate(text, { exact: 'log' })?.start).toBe(2);
    expect(locate(text, { exact: 'gone' })).toBeNull();
  });
});

describe('quoteOfRange and wrapRange', () => {
  it('describes a selection and marks it without touching the text', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Use a <strong>token bucket</strong> per client.</p>\n<p>Then more.</p>';
    const strong = root.querySelector('strong')!.firstChild!;
    const range = document.createRange();
    range.setStart(strong, 6);
    range.setEnd(root.querySelectorAll('p')[1].firstChild!, 4);
    const q = quoteOfRange(root, range);
    expect(q).toEqual({ exact: 'bucket per client.\nThen', prefix: 'Use a token ', suffix: ' more.', start: 12 });
    const at = locate(root.textContent!, q!)!;
    const marks = wrapRange(root, at.start, at.end, () => document.createElement('mark'));
    expect(marks.map((m) => m.textContent)).toEqual(['bucket', ' per client.', 'Then']);
    expect(root.textContent).toBe('Use a token bucket per client.\nThen more.');
  });
});

describe('tagSlug', () => {
  it('makes slugs like the core', () => {
    expect(tagSlug('  Star Story! ')).toBe('star-story');
    expect(tagSlug('C++ / C#')).toBe('c++-c#');
    expect(tagSlug('--')).toBe('');
  });
});
