// Time as the rehearsal screens see it: a clock that tests can replace, local dates and the
// short forms of durations and due dates the screens show.

/** A monotonic clock in milliseconds; the rehearsal measures answers with it. */
export interface Clock {
  now(): number;
}

/** The real clock. `performance.now` is faked by `vi.useFakeTimers`, so tests need not inject one. */
export const systemClock: Clock = { now: () => performance.now() };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

/** Milliseconds as `mm:ss` (whole seconds, rounded down; hours fold into minutes). */
export function formatClock(ms: number): string {
  const secs = Math.max(0, Math.floor(ms / 1000));
  return `${pad(Math.floor(secs / 60))}:${pad(secs % 60)}`;
}

/** Seconds as a target label: `2:00`, `1:30`. */
export function formatTarget(secs: number): string {
  return `${Math.floor(secs / 60)}:${pad(secs % 60)}`;
}

/** The local date of a moment, `YYYY-MM-DD`. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A `YYYY-MM-DD` local date as a Date at local midnight. */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, (m ?? 1) - 1, d ?? 1);
}

/** The local date `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setDate(d.getDate() + n);
  return localDay(d.getTime());
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / DAY);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthName(month: number): string {
  return MONTHS[month] ?? '';
}

/** `Tue 4 Nov` (with the year when `withYear`). */
export function formatDay(day: string, withYear = false): string {
  const d = parseDay(day);
  const base = `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}`;
  return withYear ? `${base} ${d.getFullYear()}` : base;
}

/** A date relative to `today`: `Today`, `Tomorrow` or the date itself. */
export function dayFromToday(day: string, today: string): string {
  const n = daysBetween(today, day);
  if (n === 0) return 'Today';
  if (n === 1) return 'Tomorrow';
  return formatDay(day, parseDay(day).getFullYear() !== parseDay(today).getFullYear());
}

/** When a card comes back, relative to `now`: `in 10 min`, `in 5 h`, `in 3 days`, `now`. */
export function relativeDue(due: string | null, now: number): string {
  if (!due) return '—';
  const diff = Date.parse(due) - now;
  if (Number.isNaN(diff)) return due;
  if (diff <= 30_000) return 'now';
  if (diff < HOUR) return `in ${Math.max(1, Math.round(diff / MINUTE))} min`;
  if (diff < DAY) return `in ${Math.round(diff / HOUR)} h`;
  const days = Math.round(diff / DAY);
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

/** A moment as a short local date and time: `Tue 4 Nov 2025, 09:30`. */
export function formatMoment(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms);
  return `${formatDay(localDay(ms), true)}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
