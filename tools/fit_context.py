#!/usr/bin/env python3
"""Fits the posting extractor's context model (assets/skills/context-model.json).

Rows come from `cargo run --release --example context_data -- .../skillspan/train.json`:
every lexicon match in SkillSpan's TRAIN split, labelled by whether the annotators marked a
knowledge span there. Dev is only for measuring (examples/eval_skillspan.rs), test never.

Model: logistic regression over the raw context features (context::raw_features) plus a
per-skill prior, the smoothed log-odds that a match of that skill is marked. The priors used
to fit the weights come from the other half of the postings (cross-fitting), so the weights do
not trust a prior more than it deserves; the shipped priors use all of train. The threshold is
the one that gives the best cross-fitted F1 on train.

Rows from the tuning half of the project's own postings (docs `own:…`, present when
context_data ran with CUECARD_POSTINGS) count OWN_WEIGHT times: their labels say what a
recruiter lists as a posting's technical skills (practices such as monitoring or data
modelling included), which SkillSpan's knowledge spans often leave out. The check half is
never read.

  python3 tools/fit_context.py rows.jsonl > assets/skills/context-model.json
"""
import json
import math
import random
import sys
from collections import Counter

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from fit_questions import fit  # noqa: E402

FEATURES = ["prior", "ambiguous_ok", "ambiguous_bad", "capital", "allcaps", "symbol", "common",
            "multi", "neighbours", "dense", "cue_strong", "cue_weak", "line_start", "vetted", "tags_only",
            "non_technical"]
SMOOTH = 2.0
OWN_WEIGHT = 6.0


def weight(r):
    return OWN_WEIGHT if r["doc"].startswith("own:") else 1.0


def priors(rows):
    pos, n = Counter(), Counter()
    base = sum(weight(r) * r["label"] for r in rows) / max(1.0, sum(weight(r) for r in rows))
    for r in rows:
        n[r["skill"]] += weight(r)
        pos[r["skill"]] += weight(r) * r["label"]
    out = {}
    for k in n:
        p = (pos[k] + SMOOTH * base) / (n[k] + SMOOTH)
        p = min(max(p, 0.02), 0.98)
        out[k] = math.log(p / (1 - p))
    default = math.log(base / (1 - base))
    return out, default


def featurize(r, table, default):
    f = dict(r["f"])
    f["prior"] = table.get(r["skill"], default)
    return [f.get(k, 0.0) for k in FEATURES]


def main():
    rows = [json.loads(l) for l in open(sys.argv[1])]
    docs = sorted({r["doc"] for r in rows})
    random.Random(5).shuffle(docs)
    half = set(docs[: len(docs) // 2])
    A = [r for r in rows if r["doc"] in half]
    B = [r for r in rows if r["doc"] not in half]
    ta, da = priors(A)
    tb, db = priors(B)
    X = [featurize(r, tb, db) for r in A] + [featurize(r, ta, da) for r in B]
    y = [r["label"] for r in A] + [r["label"] for r in B]
    ws = [weight(r) for r in A] + [weight(r) for r in B]
    b, w = fit(X, y, ws, l2=1.0)
    probs = [1 / (1 + math.exp(-(b + sum(p * q for p, q in zip(w, x))))) for x in X]
    best = (0.0, 0.5)
    for t in [i / 100 for i in range(20, 80)]:
        tp = sum(c for p, t_, c in zip(probs, y, ws) if p >= t and t_)
        fp = sum(c for p, t_, c in zip(probs, y, ws) if p >= t and not t_)
        fn = sum(c for p, t_, c in zip(probs, y, ws) if p < t and t_)
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        if f1 > best[0]:
            best = (f1, t)
    full, default = priors(rows)
    print(f"rows {len(rows)}, cross-fitted match-level F1 {best[0]:.3f} at threshold {best[1]}", file=sys.stderr)
    model = {
        "bias": round(b, 4),
        "weights": {k: round(v, 4) for k, v in zip(FEATURES, w)},
        "priors": {k: round(v, 3) for k, v in sorted(full.items())},
        "default_prior": round(default, 3),
        "threshold": best[1],
    }
    json.dump(model, sys.stdout, indent=0, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
