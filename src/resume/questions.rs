//! Likely interview questions from a résumé and a posting.
