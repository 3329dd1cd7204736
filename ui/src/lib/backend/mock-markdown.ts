// The mock backend's stand-in for the core's markdown rendering: a small subset of
// markdown (paragraphs, `-` bullets, **strong**, *em*, `code`). Like the core's sanitiser it
// never lets markup through: every character of the source is escaped before the few tags
// it makes are added, so `<script>` or `onerror=` in a note shows as text.

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function inline(escaped: string): string {
  return escaped
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

/** Markdown to safe HTML. */
export function renderMarkdown(md: string): string {
  const out: string[] = [];
  for (const block of md.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    if (lines.every((l) => /^[-*+]\s+/.test(l))) {
      out.push('<ul>\n' + lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^[-*+]\s+/, '')))}</li>`).join('\n') + '\n</ul>');
    } else {
      out.push(`<p>${inline(escapeHtml(lines.join('\n')))}</p>`);
    }
  }
  return out.join('\n');
}

/** Rendered HTML to the plain text the core calls `answer_text`: blocks apart, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|li|h[1-6]|pre|blockquote|td|th|tr)>|<(li|br)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}
