// The types shared with Rust are generated into ../bindings by ts-rs (`make bindings`).
export type { Deck } from '../bindings/Deck';
export type { CardSummary } from '../bindings/CardSummary';
export type { CardView } from '../bindings/CardView';
export type { Segment } from '../bindings/Segment';
export type { SearchHit } from '../bindings/SearchHit';
export type { SearchResult } from '../bindings/SearchResult';
export type { ImportReport } from '../bindings/ImportReport';
export type { DeckReport } from '../bindings/DeckReport';
export type { FileError } from '../bindings/FileError';
export type { ImportWarning } from '../bindings/ImportWarning';
export type { ImportProgress } from '../bindings/ImportProgress';
export type { LibraryInfo } from '../bindings/LibraryInfo';
export type { ErrorPayload } from '../bindings/ErrorPayload';
