// What the job view computes from a posting and its match: keyword marks in the posting
// text and the keyword × card coverage matrix. Pure functions, tested in JobPane.test.ts.
import type { Keyword, KeywordCoverage, RankedCard } from '../backend';

/** How well a keyword is covered: named by an answer, only its words, or not at all. */
export type Coverage = 'strong' | 'weak' | 'none';

/** A run of posting text, marked with the keyword it names (or null). */
export type Piece = { text: string; keyword: string | null };

const WORD = /[\p{L}\p{N}_]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a posting into paragraphs of plain text pieces, marking each whole-word,
 * case-insensitive occurrence of a keyword's surface forms (`matched`, else `name`).
 * Longer forms win over shorter ones; marks never overlap; heavier keywords win a
 * form two keywords share. The result is text only: the caller renders it escaped.
 */
export function markPosting(text: string, keywords: Keyword[]): Piece[][] {
  const owner = new Map<string, string>();
  const forms: { form: string; id: string }[] = [];
  const byWeight = [...keywords].sort((a, b) => b.weight - a.weight);
  for (const k of byWeight) {
    const surface = k.matched.map((m) => m.trim()).filter(Boolean);
    for (const form of surface.length ? surface : [k.name.trim()]) {
      const key = form.toLowerCase().replace(/\s+/g, ' ');
      if (!form || owner.has(key)) continue;
      owner.set(key, k.id);
      forms.push({ form, id: k.id });
    }
  }
  forms.sort((a, b) => b.form.length - a.form.length);
  // One capture group per form, longest first, so the group that matched names the form.
  // Spaces inside a form match any run of white space (a phrase may wrap across lines).
  // Whole words: a form's edge that is a letter or digit must not touch another one. The
  // leading edge is checked by hand below (no look-behind, for older WebKit).
  const re = forms.length
    ? new RegExp(
        forms
          .map((f) => `(${f.form.split(/\s+/).map(escape).join('\\s+')})${WORD.test(f.form[f.form.length - 1]) ? '(?![\\p{L}\\p{N}_])' : ''}`)
          .join('|'),
        'giu',
      )
    : null;

  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.replace(/^\s+|\s+$/g, ''))
    .filter(Boolean);
  return paragraphs.map((para) => {
    if (!re) return [{ text: para, keyword: null }];
    const out: Piece[] = [];
    let at = 0;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(para))) {
      const start = m.index;
      // Every form that can match here starts with this same character.
      const first = String.fromCodePoint(para.codePointAt(start)!);
      const before = [...para.slice(Math.max(0, start - 2), start)].pop();
      if (before !== undefined && WORD.test(first) && WORD.test(before)) {
        re.lastIndex = start + 1; // inside a word: try again one character on
        continue;
      }
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      if (start > at) out.push({ text: para.slice(at, start), keyword: null });
      out.push({ text: m[0], keyword: forms[group - 1].id });
      at = start + m[0].length;
      if (m[0].length === 0) re.lastIndex += 1;
    }
    if (at < para.length) out.push({ text: para.slice(at), keyword: null });
    return out;
  });
}

/** Keywords as the matrix lists them: required ones first, then heaviest first (ties keep their order). */
export function matrixRows(keywords: KeywordCoverage[]): KeywordCoverage[] {
  return keywords
    .map((k, i) => ({ k, i }))
    .sort((a, b) => Number(b.k.section === 'required') - Number(a.k.section === 'required') || b.k.weight - a.k.weight || a.i - b.i)
    .map(({ k }) => k);
}

/** The best-ranked cards, best first (ties keep their order). */
export function matrixColumns(ranking: RankedCard[], limit: number): RankedCard[] {
  return ranking
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.score - a.r.score || a.i - b.i)
    .slice(0, limit)
    .map(({ r }) => r);
}

export function cellState(k: KeywordCoverage, cardId: string): Coverage {
  if (k.strong.includes(cardId)) return 'strong';
  return k.covered_by.includes(cardId) ? 'weak' : 'none';
}

/** A question cut to a few words for a column header. */
export function shortLabel(q: string, max = 26): string {
  const t = q.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:?!-]+$/, '') + '…';
}

/** At most this many of a keyword's forms go into a search or are marked in an answer. */
export const MAX_FORMS = 6;

/**
 * The words a keyword goes by: its name, then the forms the posting wrote, trimmed,
 * without double quotes (they would end a quoted search phrase), each once whatever
 * its case or spacing, at most `MAX_FORMS`.
 */
export function surfaceForms(name: string, matched: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [name, ...matched]) {
    const form = raw.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
    const key = form.toLowerCase();
    if (!form || seen.has(key)) continue;
    seen.add(key);
    out.push(form);
    if (out.length === MAX_FORMS) break;
  }
  return out;
}

/** A search for any of the forms, each as a phrase: `"Kubernetes" OR "k8s"`. */
export function formsQuery(forms: string[]): string {
  return forms.map((f) => `"${f}"`).join(' OR ');
}
