// The shapes behind the statistics charts, as plain data: which cell or bar goes where.
// The Svelte view only draws them, so the arithmetic can be read (and tested) on its own.
import type { CardTime, DayCount, RatingDay } from './backend/types';
import { addDays, daysBetween, monthName, parseDay } from './time';

export type HeatCell = { day: string; count: number; level: number; col: number; row: number };
export type Heatmap = { cells: HeatCell[]; months: { col: number; label: string }[]; weeks: number; max: number };

/**
 * Reviews per day as a calendar: one column per week (Monday at the top), the last column
 * being the week of `today`. Levels 0 to 4 scale with the busiest day.
 */
export function heatmap(reviews: DayCount[], today: string, weeks = 26): Heatmap {
  const counts = new Map(reviews.map((r) => [r.day, r.count]));
  const mondayOffset = (parseDay(today).getDay() + 6) % 7;
  const start = addDays(today, -mondayOffset - (weeks - 1) * 7);
  const span = daysBetween(start, today) + 1;
  const days = Array.from({ length: span }, (_, i) => addDays(start, i));
  const max = Math.max(0, ...days.map((d) => counts.get(d) ?? 0));
  const cells = days.map((day, i) => {
    const count = counts.get(day) ?? 0;
    const level = count === 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((4 * count) / max)));
    return { day, count, level, col: Math.floor(i / 7), row: i % 7 };
  });
  const months: { col: number; label: string }[] = [];
  let last = -1;
  for (let col = 0; col < weeks; col++) {
    const m = parseDay(days[col * 7]).getMonth();
    if (m !== last) {
      // A label at the very first column is dropped when the next month starts right after it.
      if (!(col === 0 && parseDay(addDays(days[0], 7)).getMonth() !== m)) months.push({ col, label: monthName(m) });
      last = m;
    }
  }
  return { cells, months, weeks, max };
}

/** `n` consecutive days ending with `today` (or starting with it, when `forward`). */
export function dayRange(today: string, n: number, forward = false): string[] {
  return Array.from({ length: n }, (_, i) => addDays(today, forward ? i : i - n + 1));
}

/** Ratings per day for each of the last `n` days, days without ratings as zeros. */
export function ratingsOverDays(rows: RatingDay[], today: string, n = 30): RatingDay[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return dayRange(today, n).map((day) => byDay.get(day) ?? { day, again: 0, hard: 0, good: 0, easy: 0 });
}

/** Cards due on each of the next `n` days; anything due before today counts on today. */
export function forecastDays(rows: DayCount[], today: string, n = 30): DayCount[] {
  const days = dayRange(today, n, true).map((day) => ({ day, count: 0 }));
  for (const r of rows) {
    const i = daysBetween(today, r.day);
    if (i < 0) days[0].count += r.count;
    else if (i < n) days[i].count += r.count;
  }
  return days;
}

/** A round number at or above `n` for the top of an axis (1, 2, 5, 10, 20, 50, ...). */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

export type TimeBar = CardTime & { over: boolean; label: string };

/** The cards with the most attempts, each marked over when its mean time passes the target. */
export function timeBars(times: CardTime[], limit = 12): { bars: TimeBar[]; scale: number } {
  const bars = times.slice(0, limit).map((t) => ({
    ...t,
    over: t.mean_secs > t.target_secs,
    label: t.question.length > 42 ? `${t.question.slice(0, 40).trimEnd()}…` : t.question,
  }));
  const scale = Math.max(1, ...bars.map((b) => Math.max(b.mean_secs, b.target_secs))) * 1.1;
  return { bars, scale };
}

/** One stacked part of a bar chart; `key` names the CSS class that colours it. */
export type Series = { key: string; label: string; values: number[] };
