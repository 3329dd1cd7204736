import type { Rating } from './backend/types';

/** The four ratings in key order: key 1 is `again`, 4 is `easy`. */
export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

export const RATING_LABEL: Record<Rating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };
