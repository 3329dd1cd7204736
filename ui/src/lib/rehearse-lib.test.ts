import { describe, it, expect } from 'vitest';
import { formatClock, formatTarget, relativeDue, dayFromToday, addDays, DAY, MINUTE } from './time';
import { heatmap, forecastDays, niceMax, ratingsOverDays, timeBars } from './charts';
import { talkingPoints, pointStatus, suggestRating, nextSchedule } from './backend/mock';

describe('time', () => {
  it('formats clocks, targets and due dates', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(125_900)).toBe('02:05');
    expect(formatTarget(90)).toBe('1:30');
    const now = Date.UTC(2025, 10, 12, 10);
    expect(relativeDue(new Date(now + 10 * MINUTE).toISOString(), now)).toBe('in 10 min');
    expect(relativeDue(new Date(now + 5 * 60 * MINUTE).toISOString(), now)).toBe('in 5 h');
    expect(relativeDue(new Date(now + DAY).toISOString(), now)).toBe('in 1 day');
    expect(relativeDue(new Date(now + 3 * DAY).toISOString(), now)).toBe('in 3 days');
    expect(relativeDue(new Date(now - DAY).toISOString(), now)).toBe('now');
    expect(relativeDue(null, now)).toBe('—');
    expect(dayFromToday('2025-11-13', '2025-11-12')).toBe('Tomorrow');
    expect(dayFromToday('2025-11-17', '2025-11-12')).toBe('Mon 17 Nov');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});

describe('charts', () => {
  it('puts today in the last column on its weekday row', () => {
    const h = heatmap([{ day: '2025-11-12', count: 3 }, { day: '2025-06-01', count: 9 }], '2025-11-12', 26);
    const today = h.cells[h.cells.length - 1];
    expect(today).toMatchObject({ day: '2025-11-12', col: 25, row: 2, count: 3, level: 2 });
    expect(h.cells.find((c) => c.day === '2025-06-01')).toMatchObject({ row: 6, level: 4 });
    expect(h.max).toBe(9);
    expect(h.cells[0]).toMatchObject({ day: '2025-05-19', col: 0, row: 0 }); // a Monday
    expect(h.months.map((m) => m.label)).toEqual(['May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov']);
  });

  it('folds overdue cards into today and fills missing days with zeros', () => {
    const f = forecastDays([{ day: '2025-11-01', count: 2 }, { day: '2025-11-12', count: 1 }, { day: '2025-11-20', count: 4 }], '2025-11-12');
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ day: '2025-11-12', count: 3 });
    expect(f[8]).toEqual({ day: '2025-11-20', count: 4 });
    const r = ratingsOverDays([{ day: '2025-11-10', again: 1, hard: 0, good: 2, easy: 0 }], '2025-11-12', 5);
    expect(r.map((d) => d.good)).toEqual([0, 0, 2, 0, 0]);
  });

  it('rounds axis tops and marks cards over their target', () => {
    expect([0, 1, 3, 7, 12, 45, 101].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 200]);
    const { bars, scale } = timeBars([
      { card_id: 'a', question: 'A question far longer than forty-two characters, to be cut', attempts: 2, mean_secs: 150, last_secs: 140, target_secs: 120 },
      { card_id: 'b', question: 'Short', attempts: 1, mean_secs: 60, last_secs: 60, target_secs: 120 },
    ]);
    expect(bars.map((b) => b.over)).toEqual([true, false]);
    expect(bars[0].label.endsWith('…')).toBe(true);
    expect(scale).toBeCloseTo(165);
  });
});

describe('mock rehearsal logic', () => {
  it('splits an answer into sentences and bullets, skipping code', () => {
    const answer = 'First we measure. Then we cut.\n\n- **latency** budgets\n- error rates\n\n```\nlet x = 1;\n```\n1. Roll back';
    expect(talkingPoints(answer)).toEqual(['First we measure.', 'Then we cut.', 'latency budgets', 'error rates', 'Roll back']);
  });

  it('marks points by word overlap and suggests a rating', () => {
    expect(pointStatus('Use a token bucket per client, kept in Redis.', 'a token bucket for each client in redis')).toBe('covered');
    expect(pointStatus('Use a token bucket per client, kept in Redis.', 'token buckets')).toBe('partial');
    expect(pointStatus('Use a token bucket per client, kept in Redis.', 'a queue')).toBe('missed');
    expect(suggestRating(1, 3, 60_000, 120)).toBe('easy');
    expect(suggestRating(1, 3, 130_000, 120)).toBe('good');
    expect(suggestRating(0.5, 3, 60_000, 120)).toBe('hard');
    expect(suggestRating(0.1, 3, 60_000, 120)).toBe('again');
  });

  it('schedules again in 10 minutes, hard in a day, good and easy growing', () => {
    const t = 0;
    expect(nextSchedule(undefined, 'again', t).due).toBe(10 * MINUTE);
    expect(nextSchedule(undefined, 'hard', t).intervalDays).toBe(1);
    const good = nextSchedule(undefined, 'good', t);
    expect(good.intervalDays).toBe(3);
    expect(nextSchedule(good, 'good', t).intervalDays).toBe(8);
    expect(nextSchedule(undefined, 'easy', t).intervalDays).toBe(7);
    expect(nextSchedule(good, 'again', t).lapses).toBe(1);
  });
});
