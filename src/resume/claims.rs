//! Claims in answers checked against the résumé.
