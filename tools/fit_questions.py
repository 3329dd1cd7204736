#!/usr/bin/env python3
"""Fits the importer's question model (assets/import/question-model.json).

Rows come from `cargo run --release --example question_data -- DIR` (candidate lines of the
tuning half of the corpus, labelled by its hand counts), plus, as extra positives, the question
texts of any JSON question lists given with --questions (a list of objects with a "question"
field), and, as extra negatives, sentences of SkillSpan's train split (--skillspan). The check
half is never read.

Model: logistic regression over the features `questions::raw_features` computes, plus three
fitted from the words: the log-odds of the first word and of the first two words opening a
question, and the strongest "prompt word" anywhere in a short line. The word tables are fitted
on one half of the documents while the weights are fitted on the other (and the other way
round), so the weights do not trust the tables more than they deserve.

  python3 tools/fit_questions.py rows.jsonl [--questions q.json] [--skillspan train.json] \
      > assets/import/question-model.json
"""
import argparse
import json
import math
import random
import re
from collections import Counter

FEATURES = ["ends_qmark", "has_qmark", "ends_period", "ends_colon", "answer_part",
            "log_words", "long", "tiny", "starts_lower", "opener", "opener2",
            "prompt_word"]


def words(text):
    return [w.strip("'").lower() for w in re.split(r"[^\w']+", text) if w.strip("'")]


def raw(text):
    """The raw features for extra rows (mirrors questions::raw_features for plain sentences)."""
    t = text.strip()
    f = {}
    end = t.rstrip(')"\'”’]').rstrip(':').rstrip()
    w = words(t)
    if end.endswith("?"):
        f["ends_qmark"] = 1.0
    elif "?" in t:
        f["has_qmark"] = 1.0
    if end.endswith("."):
        f["ends_period"] = 1.0
    if t.endswith(":"):
        f["ends_colon"] = 1.0
    f["log_words"] = math.log(1 + len(w))
    if len(w) > 30:
        f["long"] = 1.0
    if len(w) <= 2:
        f["tiny"] = 1.0
    if t[:1].islower():
        f["starts_lower"] = 1.0
    if "`" in t:
        f["has_code"] = 1.0
    return f


def tables(rows):
    pos, neg = Counter(), Counter()
    docs = {}
    npos = sum(1 for r in rows if r["label"])
    nneg = len(rows) - npos
    for r in rows:
        w = r["words"]
        keys = set()
        if w:
            keys.add(w[0])
        if len(w) > 1:
            keys.add(w[0] + " " + w[1])
        if len(w) <= 12:
            keys.update("~" + x for x in w)
        for k in keys:
            (pos if r["label"] else neg)[k] += 1
            if r["label"]:
                docs.setdefault(k, set()).add(r["doc"])
    out = {}
    for k in set(pos) | set(neg):
        p, n = pos[k], neg[k]
        if p + n < 3:
            continue
        lo = math.log((p + 0.5) / (npos + 1)) - math.log((n + 0.5) / (nneg + 1))
        lo = max(-3.0, min(3.0, lo))
        # A word counts only when questions of several documents use it: a topic word of one
        # document ("docker") says nothing about questions elsewhere.
        spread = len(docs.get(k, ()))
        if k.startswith("~") and (lo < 1.0 or spread < 4):
            continue
        if not k.startswith("~") and lo > 0 and spread < 3:
            continue
        if abs(lo) >= 0.5:
            out[k] = round(lo, 3)
    return out


def featurize(r, table):
    f = dict(r["f"])
    w = r["words"]
    if w:
        f["opener"] = table.get(w[0], 0.0)
        f["opener2"] = table.get(w[0] + " " + w[1], 0.0) if len(w) > 1 else 0.0
    if len(w) <= 12:
        best = max([table.get("~" + x, 0.0) for x in w] + [0.0])
        if best > 0:
            f["prompt_word"] = best
    return [f.get(k, 0.0) for k in FEATURES]


def solve(A, b):
    """Solves A x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    M = [row[:] + [v] for row, v in zip(A, b)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        if abs(M[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                for k in range(c, n + 1):
                    M[r][k] -= f * M[c][k]
    return [M[i][n] / M[i][i] if abs(M[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(X, y, weights, l2=1.0, iterations=25):
    """L2-regularised logistic regression by Newton's method; returns bias, weights."""
    d = len(X[0]) + 1
    beta = [0.0] * d
    for _ in range(iterations):
        H = [[0.0] * d for _ in range(d)]
        g = [0.0] * d
        for x, t, c in zip(X, y, weights):
            xx = [1.0] + x
            z = sum(a * b for a, b in zip(beta, xx))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            w = c * p * (1 - p)
            for i in range(d):
                g[i] += c * (p - t) * xx[i]
                if xx[i]:
                    for j in range(d):
                        H[i][j] += w * xx[i] * xx[j]
        for i in range(1, d):
            g[i] += l2 * beta[i]
            H[i][i] += l2
        step = solve(H, g)
        beta = [b - s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return beta[0], beta[1:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows")
    ap.add_argument("--questions", action="append", default=[])
    ap.add_argument("--lines", action="append", default=[],
                    help="a text file of real questions, one per line (extra positives)")
    ap.add_argument("--skillspan")
    ap.add_argument("--negatives", type=int, default=1500)
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.rows)]
    for path in a.questions:
        for q in json.load(open(path)):
            text = re.sub(r"`{3}.*?`{3}", "", q["question"], flags=re.S).strip().splitlines()[0]
            rows.append({"doc": "extra-q", "label": 1, "text": text, "f": raw(text), "words": words(text)})
    for path in a.lines:
        name = path.rsplit("/", 1)[-1]
        for text in open(path, encoding="utf-8"):
            text = text.strip()
            if text:
                rows.append({"doc": name, "label": 1, "text": text, "f": raw(text), "words": words(text)})
    if a.skillspan:
        rnd = random.Random(7)
        sents = []
        for line in open(a.skillspan):
            toks = json.loads(line)["tokens"]
            if 3 <= len(toks) <= 40:
                sents.append(" ".join(toks))
        rnd.shuffle(sents)
        for text in sents[: a.negatives]:
            rows.append({"doc": "extra-n", "label": 0, "text": text, "f": raw(text), "words": words(text)})
    docs = sorted({r["doc"] for r in rows})
    rnd = random.Random(11)
    rnd.shuffle(docs)
    half = set(docs[: len(docs) // 2])
    A = [r for r in rows if r["doc"] in half]
    B = [r for r in rows if r["doc"] not in half]
    ta, tb = tables(A), tables(B)
    X = [featurize(r, tb) for r in A] + [featurize(r, ta) for r in B]
    y = [r["label"] for r in A] + [r["label"] for r in B]
    # Balance the classes so the threshold of 0.5 means "as likely a question as not".
    npos = sum(y)
    nneg = len(y) - npos
    cw = [nneg / max(1, npos) if t else 1.0 for t in y]
    b, w = fit(X, y, cw)
    full = tables(rows)
    acc = sum((1 / (1 + math.exp(-(b + sum(p * q for p, q in zip(w, x))))) >= 0.5) == bool(t) for x, t in zip(X, y)) / len(y)
    import sys
    print(f"rows {len(rows)} positives {npos} cross-fitted accuracy {acc:.3f}", file=sys.stderr)
    model = {"bias": round(b, 4), "weights": {k: round(v, 4) for k, v in zip(FEATURES, w)},
             "openers": dict(sorted(full.items()))}
    json.dump(model, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
