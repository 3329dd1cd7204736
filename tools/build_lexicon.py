#!/usr/bin/env python3
"""Build the shipped skills lexicon (assets/skills/skills.tsv) and the background word list
(assets/skills/background.tsv) from:

  * assets/skills/curated.tsv                      (this project, MIT)
  * devicon 2.17.0 devicon.json                    (MIT, (c) 2015 konpa)
  * Stack Overflow TagSynonyms export              (CC BY-SA 4.0, Stack Overflow)
  * SkillSpan train.json, tags_knowledge spans     (MIT, Zhang et al. 2022) -- TRAIN split only
  * /usr/share/dict/words if present (Debian wamerican, used only as a filter: which single
    words are ordinary English; nothing from it is shipped)

Usage: python3 tools/build_lexicon.py [CORPORA_DIR]   (default ../shared/corpora)

The shipped files were built with Debian's `wamerican` installed (/usr/share/dict/words); without
it, many more single words pass as skills and the output differs.

Never reads the SkillSpan dev split: that one is only for evaluation.
"""
import collections
import csv
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpora")
OUT_DIR = os.path.join(ROOT, "assets", "skills")

# Same token rule as src/jobs/lexicon.rs::tokenize: a token starts at a letter/digit (or a '.'
# followed by one, for ".NET"), keeps inner '.', '&', '\'' between letters/digits, and a
# trailing run of '+'/'#'. Everything else ('-', '/', '_', spaces, ...) separates tokens.
TOKEN_RE = re.compile(r"\.?[^\W_]+(?:[.&'\u2019][^\W_]+)*[+#]*")


def tokens(s):
    return [t.lower().replace("\u2019", "'") for t in TOKEN_RE.findall(s)]


def key(s):
    return " ".join(tokens(s))


def slug(s):
    k = s.strip().lower().replace("~", "")
    k = re.sub(r"\s+", "-", k)
    return k


STOP = set("""a an and or of the to in on for with at by from as is are be we you our your it this that
these those will can may must should would have has had not no but if than then so such via per e.g i.e etc
using use used based new other all any more most very well also into over under within across about up out
experience knowledge understanding working work years year skills skill ability strong good great excellent
""".split())

# Single words that look like technology names but are ordinary English: they need a
# technical context to count (the Rust side looks for other skills nearby).
ENGLISH = set()
dict_path = "/usr/share/dict/words"
if os.path.exists(dict_path):
    for w in open(dict_path, encoding="utf-8", errors="ignore"):
        w = w.strip()
        if w and w.islower() and "'" not in w:
            ENGLISH.add(w)
ENGLISH |= set("""go spring swift rust excel make ant chef puppet salt express flask ember meteor backbone
react node jest mocha jasmine karma grunt gulp swing struts spark hive pig storm play rails camel elastic
consul vault nomad packer helm envoy travis bamboo singer airflow luigi snowflake aurora dynamo pandas torch
electron atom sublime brackets eclipse unity cordova sketch office word access teams slack notion shell dash
ionic polymer realm less stylus apex crystal elm scheme io dart julia""".split())


class Entry:
    def __init__(self, id_, name, category, kind, source):
        self.id = id_
        self.name = name
        self.category = category
        self.kind = kind
        self.aliases = []  # surface strings, "~" prefix = needs technical context
        self.sources = {source}
        self.curated = source == "curated"

    def add(self, alias):
        if alias and alias not in self.aliases:
            self.aliases.append(alias)


entries = []
by_key = {}  # alias key -> Entry


def claim(entry, alias):
    k = key(alias)
    if not k:
        return
    other = by_key.get(k)
    if other is None:
        by_key[k] = entry
        entry.add(alias)
    elif other is entry:
        entry.add(alias)


# ---------------------------------------------------------------- curated
def load_curated():
    path = os.path.join(OUT_DIR, "curated.tsv")
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 5:
            raise SystemExit(f"curated.tsv: need 5 columns: {line!r}")
        id_, name, cat, kind, aliases = f[:5]
        groups = [aliases.split("|")] if id_ != "*" else [g.split("|") for g in aliases.split(";")]
        for g in groups:
            g = [a.strip() for a in g if a.strip()]
            if id_ == "*":
                nm = g[0].lstrip("~")
                if nm.islower() and all(w in ENGLISH for w in nm.split()):
                    nm = nm[:1].upper() + nm[1:]  # "banking" names the entry "Banking"
                # A name curated twice ("Amazon EC2" in two lists) is one skill: the later
                # line adds its spellings to the first, never a second entry of that name.
                known = by_key.get(key(nm))
                if known is not None and known.curated and known.name.lower() == nm.lower():
                    e = known
                else:
                    e = Entry(slug(nm), nm, cat, kind, "curated")
                    entries.append(e)
            else:
                known = next((x for x in entries if x.curated and x.id == id_), None)
                e = known or Entry(id_, name, cat, kind, "curated")
                if known is None:
                    entries.append(e)
            for a in g:
                if key(a) in by_key and by_key[key(a)] is not e:
                    print(f"curated: alias {a!r} of {e.id} already belongs to {by_key[key(a)].id}", file=sys.stderr)
                    continue
                claim(e, a)
            if id_ == "*":
                # the name itself is an alias
                claim(e, g[0])


load_curated()
curated_ids = {e.id for e in entries}

# ---------------------------------------------------------------- devicon
DEVICON_CATS = [
    ("language", "programming language"), ("database", "database"), ("framework", "framework"),
    ("library", "library"), ("cloud", "cloud"), ("testing", "testing tool"), ("editor", "tool"),
    ("ide", "tool"), ("os", "operating system"), ("server", "server"), ("tool", "tool"),
    ("platform", "platform"), ("package", "tool"), ("design", "design tool"),
]
SKIP_DEVICON_TAGS = {"social", "website", "browser"}


def devicon_names(name, alt):
    out = [name]
    if name.endswith("js") and len(name) > 4:
        base = name[:-2]
        out += [base + ".js", base + " js"]
    out += alt
    return out


def load_devicon():
    d = json.load(open(os.path.join(CORPORA, "lexicon", "devicon_2.17.0_devicon.json"), encoding="utf-8"))
    for x in d:
        tags = [t.lower() for t in x.get("tags", [])]
        if set(tags) & SKIP_DEVICON_TAGS and not set(tags) & {"language", "framework", "database", "library"}:
            continue
        names = devicon_names(x["name"], x.get("altnames", []))
        hit = next((by_key[key(n)] for n in names if key(n) in by_key), None)
        if hit is None:
            cat = next((c for t, c in DEVICON_CATS if t in tags), "technology")
            hit = Entry(x["name"], x["name"], cat, "hard", "devicon")
            entries.append(hit)
        hit.sources.add("devicon")
        for n in names:
            a = n
            kw = key(a).split()
            # altnames made of ordinary words ("A Programming Language") or 1-2 letters are noise
            if n != x["name"] and (all(w in ENGLISH or w in STOP for w in kw) or len(key(a)) <= 2):
                continue
            if key(a) in ENGLISH and " " not in key(a):
                a = "~" + a
            claim(hit, a)


load_devicon()

# ---------------------------------------------------------------- SkillSpan train: annotation rates
def spans(tokens_, tags):
    out, cur = [], None
    for i, (t, g) in enumerate(zip(tokens_, tags)):
        if g == "B":
            if cur:
                out.append(cur)
            cur = [i, i + 1]
        elif g == "I" and cur is not None:
            cur[1] = i + 1
        else:
            if cur:
                out.append(cur)
            cur = None
    if cur:
        out.append(cur)
    return out


train_rows = [json.loads(l) for l in open(os.path.join(CORPORA, "skillspan", "train.json"), encoding="utf-8")]
gold_count = collections.Counter()   # phrase key -> times annotated
gold_surface = collections.defaultdict(collections.Counter)
industry_keys = set()
prev_line = ""
for r in train_rows:
    toks = r["tokens"]
    for s, e in spans(toks, r["tags_knowledge"]):
        surf = " ".join(toks[s:e]).strip(" ()!;:,.")
        k = key(surf)
        if not k or len(k.split()) > 4:
            continue
        gold_count[k] += 1
        gold_surface[k][surf] += 1
        if prev_line.lower().startswith("industry"):
            industry_keys.add(k)
    prev_line = " ".join(toks)

# how often each gold phrase occurs in train text at all (annotated or not)
occ = collections.Counter()
gold_keys = set(gold_count)
maxlen = max(len(k.split()) for k in gold_keys)
for r in train_rows:
    tk = tokens(" ".join(r["tokens"]))
    for n in range(1, maxlen + 1):
        for i in range(len(tk) - n + 1):
            k = " ".join(tk[i:i + n])
            if k in gold_keys:
                occ[k] += 1

# ---------------------------------------------------------------- Stack Overflow tag synonyms
so_groups = collections.defaultdict(list)
for row in csv.DictReader(open(os.path.join(CORPORA, "lexicon", "stackoverflow_TagSynonyms.csv"), encoding="utf-8")):
    so_groups[row["TargetTagName"]].append(row["SourceTagName"])

VERSION_RE = re.compile(r"^(.*?)[-]?(\d+(\.\d+)*(\.x)?|v\d+)$")


def so_is_tech(tag):
    """Keep a Stack Overflow tag only if it names a technology rather than a programming concept."""
    k = key(tag)
    if not k:
        return False
    words = k.split()
    if k in by_key:
        return True
    # An ordinary English word ("build", "sheets") is a skill only when the annotators mark it
    # most of the times it occurs in the training ads.
    if len(words) == 1 and words[0] in ENGLISH:
        n = gold_count.get(k, 0)
        return n >= 2 and n / max(occ[k], n) >= 0.5
    if k in gold_count:
        return True
    if re.search(r"[0-9.+#]", tag):
        return True
    # compound tags whose first word is a known technology: amazon-ses, django-rest-framework
    if len(words) > 1 and (words[0] in by_key or words[0] in {"amazon", "aws", "azure", "google", "apache", "microsoft", "ms", "oracle", "ibm", "sap", "adobe", "jetbrains", "hashicorp", "spring", "android", "ios", "visual"}):
        return True
    if all(w in ENGLISH or w in STOP for w in words):
        return False
    return True


def load_so():
    for target, sources in sorted(so_groups.items()):
        tags = [target] + sources
        if not so_is_tech(target):
            continue
        # version tags (python-3.x, java-8) join their base technology when it is known
        m = VERSION_RE.match(target)
        hit = next((by_key[key(t)] for t in tags if key(t) in by_key), None)
        if hit is None and m and key(m.group(1)) in by_key:
            hit = by_key[key(m.group(1))]
        if hit is None:
            words = key(target).split()
            cat = "technology"
            hit = Entry(target, target, cat, "hard", "stackoverflow")
            entries.append(hit)
        hit.sources.add("stackoverflow")
        for t in tags:
            a = t
            # two-letter synonyms (gs -> google-sheets) are mostly other abbreviations
            if t != target and len(key(t)) <= 2 and key(t) not in by_key:
                continue
            # an English-word synonym (sheets -> google-sheets) would fire on ordinary prose
            if t != target and key(t) in ENGLISH and " " not in key(t) and key(t) not in by_key:
                continue
            if key(a) in ENGLISH and " " not in key(a):
                a = "~" + a
            claim(hit, a)


load_so()

# ---------------------------------------------------------------- SkillSpan harvest
DEGREE_WORDS = {"degree", "bachelor", "master", "phd", "diploma", "bsc", "msc", "ba", "ma"}
harvested = 0
for k, n in sorted(gold_count.items()):
    o = max(occ[k], n)
    rate = n / o
    words = k.split()
    if k in by_key:
        continue
    if any(w in STOP for w in (words[0], words[-1])):
        continue
    if re.fullmatch(r"[\d.]+", k):
        continue
    # a degree asked for is a requirement (read apart), not a skill
    if any(re.sub(r"[’'s]+$", "", w.strip("\u200b")) in DEGREE_WORDS for w in words):
        continue
    # ... and so is one written short ("B.Sc", "M.S", "Cand.merc")
    if re.fullmatch(r"(b|m)\.?(s|sc|a|e|eng|tech)\.?|ph\.?d\.?|mba|cand\.\w+.*", k):
        continue
    # single ordinary words must be annotated most of the times they occur; phrases less so
    single_english = len(words) == 1 and words[0] in ENGLISH
    # a run of known technologies ("AWS Azure", "Ansible Docker") is a list, not a new entry
    if len(words) > 1 and all(w in by_key for w in words):
        continue
    # annotated once only: keep short technical-looking names (YANG, AMQP), not prose
    if n < 2 and not (len(words) <= 2 and rate >= 0.5 and any(w not in ENGLISH and w not in STOP for w in words)):
        continue
    if rate < (0.5 if single_english else 0.2):
        continue
    surf = gold_surface[k].most_common(1)[0][0]
    cat = "industry" if k in industry_keys else "technology"
    e = Entry(slug(k), surf, cat, "hard", "skillspan")
    entries.append(e)
    claim(e, ("~" + surf) if single_english else surf)
    harvested += 1

# names: devicon/SO ids are lowercase slugs; prefer the most common cased surface from SkillSpan
for e in entries:
    if e.curated:
        continue
    best = None
    for a in e.aliases:
        k = key(a)
        for surf, c in gold_surface.get(k, {}).items():
            if any(ch.isupper() for ch in surf) and (best is None or c > best[1]):
                best = (surf, c)
    if best:
        e.name = best[0]

# Display names of the rest: a devicon or Stack Overflow id ("google-sheets", "haskell") is
# not a name. Each word takes the casing the sources spell it with ("JavaScript", ".NET"),
# else a short non-word is an acronym ("SQL") and anything else is capitalised.
casing = collections.defaultdict(collections.Counter)
for e in entries:
    if e.curated or any(ch.isupper() for ch in e.name):
        for w in re.split(r"[\s/-]+", e.name):
            if any(ch.isupper() for ch in w):
                casing[w.lower()][w] += 5
for k, surfs in gold_surface.items():
    for surf, c in surfs.items():
        for w in surf.split():
            if any(ch.isupper() for ch in w) and not w.isupper() or len(w) <= 4:
                casing[w.lower()][w] += c


def display_word(w):
    if w in casing and any(ch.isupper() for ch in casing[w].most_common(1)[0][0]):
        return casing[w].most_common(1)[0][0]
    if re.fullmatch(r"[a-z]{2,3}", w) and w not in ENGLISH:
        return w.upper()
    return w[:1].upper() + w[1:]


def display_name(raw):
    words = [w for w in re.split(r"[\s_-]+", raw) if w]
    return " ".join(display_word(w) for w in words) or raw


for e in entries:
    if not e.curated and not any(ch.isupper() for ch in e.name):
        e.name = display_name(e.name)

# ---------------------------------------------------------------- bare company names
# A company on its own ("Google", "Microsoft", "IBM") is an employer, a customer or a channel
# in a posting, never a skill: such aliases are dropped (their products keep their names:
# "Google Cloud", "Microsoft Teams").
COMPANIES = set("""google microsoft apple facebook meta amazon ibm intel netflix twitter linkedin
youtube instagram tiktok uber airbnb""".split())
for e in entries:
    e.aliases = [a for a in e.aliases if key(a) not in COMPANIES]

# ---------------------------------------------------------------- write skills.tsv
seen_ids = set()
rows = []
n_alias = 0
for e in entries:
    if not e.aliases:
        continue
    id_ = e.id
    while id_ in seen_ids:
        id_ += "_"
    seen_ids.add(id_)
    amb = any(a.startswith("~") for a in e.aliases)
    # drop aliases that are identical to others after the context mark
    al = []
    for a in e.aliases:
        if a not in al:
            al.append(a)
    n_alias += len(al)
    src = ",".join(sorted(e.sources))
    rows.append((id_, e.name, e.category, e.kind, "|".join(al), "ambiguous" if amb else "", src))

rows.sort(key=lambda r: r[0])
with open(os.path.join(OUT_DIR, "skills.tsv"), "w", encoding="utf-8") as f:
    f.write("# Generated by tools/build_lexicon.py from curated.tsv, devicon (MIT), Stack Overflow tag synonyms\n")
    f.write("# (CC BY-SA 4.0) and SkillSpan train (MIT). See ATTRIBUTION.md. Do not edit by hand.\n")
    f.write("# id\tname\tcategory\tkind\taliases (~ = needs technical context)\tflags\tsources\n")
    for r in rows:
        f.write("\t".join(r) + "\n")

# ---------------------------------------------------------------- background.tsv
# Document frequency of ordinary words across the SkillSpan TRAIN postings (tech and house),
# leaving out the words inside knowledge spans: this is "ordinary job-ad English".
docs = collections.defaultdict(set)
for r in train_rows:
    toks = r["tokens"]
    inside = set()
    for s, e in spans(toks, r["tags_knowledge"]):
        inside.update(range(s, e))
    for i, t in enumerate(toks):
        if i in inside or t.startswith("<"):
            continue
        for w in tokens(t):
            if re.fullmatch(r"[a-z][a-z'\-]*", w):
                docs[w].add((r["source"], r["idx"]))
ndocs = len({(r["source"], r["idx"]) for r in train_rows})
bg = sorted(((w, len(d)) for w, d in docs.items() if len(d) >= 2), key=lambda x: (-x[1], x[0]))
with open(os.path.join(OUT_DIR, "background.tsv"), "w", encoding="utf-8") as f:
    f.write(f"# Document frequency of ordinary words in {ndocs} SkillSpan train postings (MIT), knowledge spans left out.\n")
    f.write(f"#docs\t{ndocs}\n")
    for w, c in bg:
        f.write(f"{w}\t{c}\n")

print(f"entries {len(rows)}  aliases {n_alias}  harvested from SkillSpan {harvested}  background words {len(bg)}")
by_src = collections.Counter()
for r in rows:
    for s in r[6].split(","):
        by_src[s] += 1
print("entries by source:", dict(by_src))
