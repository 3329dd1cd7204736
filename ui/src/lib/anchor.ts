// Text-quote anchoring in the window: where a highlight's words are in the rendered answer,
// what the selected words are, and wrapping a range of text in <mark> elements.
//
// The core anchors highlights in the answer's plain text (`answer_text`): whitespace runs
// collapsed to one space, blocks separated by a space. The rendered answer's textContent
// has the same words but other whitespace (newlines between blocks, sometimes none), so
// everything here compares whitespace-collapsed text and maps back to raw offsets.

/** Context kept on each side of a quote (as the core does). */
export const CONTEXT = 32;

type Normal = { text: string; /** each normalised char's [start, end) in the original */ spans: [number, number][] };

/** Collapses whitespace runs to one space (or drops whitespace with `strip`), remembering spans. */
export function normalize(s: string, strip = false): Normal {
  let text = '';
  const spans: [number, number][] = [];
  for (let i = 0; i < s.length; i++) {
    const ws = /\s/.test(s[i]);
    if (ws && strip) continue;
    if (ws && text.endsWith(' ')) {
      spans[spans.length - 1][1] = i + 1;
      continue;
    }
    text += ws ? ' ' : s[i];
    spans.push([i, i + 1]);
  }
  return { text, spans };
}

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0 && out.length < 10_000; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Chars of `a` and `b` that agree, counted from their ends (`fromEnd`) or their starts. */
function agree(a: string, b: string, fromEnd: boolean): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
  return n;
}

export type QuoteLike = { exact: string; prefix?: string; suffix?: string; start?: number | null };

/**
 * Where `q.exact` is in `text`, as raw [start, end) offsets; null when it is not there.
 * Of several occurrences the one whose surrounding text agrees most with `prefix`/`suffix`
 * wins; `start` (an offset in the whitespace-collapsed text) only breaks ties.
 */
export function locate(text: string, q: QuoteLike): { start: number; end: number } | null {
  for (const strip of [false, true]) {
    const t = normalize(text, strip);
    const needle = normalize(q.exact.trim(), strip).text.trim();
    if (!needle) return null;
    const cands = occurrences(t.text, needle);
    if (!cands.length) continue;
    const lead = t.text.length - t.text.trimStart().length;
    const pre = normalize(q.prefix ?? '', strip).text.slice(-CONTEXT);
    const suf = normalize(q.suffix ?? '', strip).text.slice(0, CONTEXT);
    let best = cands[0];
    let bestScore = -1;
    let bestDist = Infinity;
    for (const s of cands) {
      const e = s + needle.length;
      const score =
        agree(t.text.slice(Math.max(0, s - pre.length), s).trimEnd(), pre.trimEnd(), true) +
        agree(t.text.slice(e, e + suf.length).trimStart(), suf.trimStart(), false);
      const dist = q.start == null ? s : Math.abs(s - lead - q.start);
      if (score > bestScore || (score === bestScore && dist < bestDist)) {
        best = s;
        bestScore = score;
        bestDist = dist;
      }
    }
    return { start: t.spans[best][0], end: t.spans[best + needle.length - 1][1] };
  }
  return null;
}

/** Unicode scalar values in a string (the core counts offsets in these, not UTF-16 units). */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export type Selected = { exact: string; prefix: string; suffix: string; start: number };

/** How much of the text of `root` lies before a boundary point. */
function offsetOf(root: Node, node: Node, offset: number): number {
  const r = root.ownerDocument!.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/**
 * The words of `range` that lie in `root`, with the text around them, as the core wants
 * them: `start` counts chars of the whitespace-collapsed text before the words. Null when
 * the range holds no words of `root`.
 */
export function quoteOfRange(root: Node, range: Range): Selected | null {
  if (range.collapsed || !range.intersectsNode(root)) return null;
  const text = root.textContent ?? '';
  const inside = (n: Node) => n === root || root.contains(n);
  let s = inside(range.startContainer) ? offsetOf(root, range.startContainer, range.startOffset) : 0;
  let e = inside(range.endContainer) ? offsetOf(root, range.endContainer, range.endOffset) : text.length;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s >= e) return null;
  const before = normalize(text.slice(0, s)).text.trimStart();
  return {
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - 4 * CONTEXT), s),
    suffix: text.slice(e, e + 4 * CONTEXT),
    start: charCount(before),
  };
}

/**
 * Wraps the chars [start, end) of the text of `root` in <mark> elements (one per text node
 * the range crosses; whitespace-only pieces are left alone). Text is moved, never parsed.
 */
export function wrapRange(root: HTMLElement, start: number, end: number, make: () => HTMLElement): HTMLElement[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const pieces: { node: Text; from: number; to: number }[] = [];
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    const from = Math.max(start, at);
    const to = Math.min(end, at + len);
    if (from < to) pieces.push({ node: n, from: from - at, to: to - at });
    at += len;
    if (at >= end) break;
  }
  const marks: HTMLElement[] = [];
  for (const { node, from, to } of pieces) {
    if (!node.data.slice(from, to).trim()) continue;
    let middle = node;
    if (from > 0) middle = middle.splitText(from);
    if (to - from < middle.data.length) middle.splitText(to - from);
    const mark = make();
    middle.parentNode!.insertBefore(mark, middle);
    mark.appendChild(middle);
    marks.push(mark);
  }
  return marks;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the terms occur in `text` as whole words, case-insensitively, as [start, end)
 * offsets in order: longer terms win over shorter ones and ranges never overlap. Spaces in
 * a term match any run of white space. An edge of a term that is a letter or digit must
 * not touch another letter or digit.
 */
export function termRanges(text: string, terms: string[]): { start: number; end: number }[] {
  const forms = [...new Set(terms.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!forms.length) return [];
  const re = new RegExp(
    forms
      .map((f) => `(?:${f.split(' ').map(escapeRe).join('\\s+')})${WORD_CHAR.test(f[f.length - 1]) ? '(?![\\p{L}\\p{N}_])' : ''}`)
      .join('|'),
    'giu',
  );
  const out: { start: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    if (!m[0].length) {
      re.lastIndex += 1;
      continue;
    }
    // The leading edge by hand (no look-behind, for older WebKit).
    const first = String.fromCodePoint(text.codePointAt(start)!);
    const before = [...text.slice(Math.max(0, start - 2), start)].pop();
    if (before !== undefined && WORD_CHAR.test(first) && WORD_CHAR.test(before)) {
      re.lastIndex = start + 1;
      continue;
    }
    out.push({ start, end: start + m[0].length });
  }
  return out;
}

const BLOCK = 'p,li,ul,ol,div,pre,blockquote,h1,h2,h3,h4,h5,h6,td,th,tr,dt,dd,table,section,article,br,hr';

/**
 * Wraps each whole-word, case-insensitive occurrence of the terms in the text of `root` in
 * <mark> elements made by `make` (see `termRanges`). Words of separate blocks (list items,
 * paragraphs) count as separate even when the text has no space between them. Text is
 * moved, never parsed.
 */
export function markTerms(root: HTMLElement, terms: string[], make: () => HTMLElement): HTMLElement[] {
  // The text of `root` with a line break where a block starts, and where each break is.
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  const breaks: number[] = [];
  let block: Element | null | undefined;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const b = n.parentElement?.closest(BLOCK) ?? null;
    const after = n.previousSibling && (n.previousSibling as Element).matches?.(BLOCK);
    if (block !== undefined && (b !== block || after)) {
      breaks.push(text.length);
      text += '\n';
    }
    block = b;
    text += (n as Text).data;
  }
  const raw = (i: number) => i - breaks.filter((b) => b < i).length;
  const marks: HTMLElement[] = [];
  for (const r of termRanges(text, terms)) marks.push(...wrapRange(root, raw(r.start), raw(r.end), make));
  return marks;
}

/** A tag as the core stores it (`tag_slug`): lower-case words joined by hyphens. */
export function tagSlug(text: string): string {
  return text
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
    .join('-');
}
