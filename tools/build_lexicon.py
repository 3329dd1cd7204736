#!/usr/bin/env python3
"""Builds assets/skills/skills.tsv, the skills lexicon Cuecard ships.

Sources (see assets/skills/ATTRIBUTION.md):
  - devicon 2.17.0 devicon.json (MIT): technology names, alternative names, categories;
  - Stack Overflow TagSynonyms (CC BY-SA 4.0): alias -> canonical tag pairs;
  - SkillSpan train.json (MIT): the knowledge spans annotated by hand in job ads, and how
    often each phrase is annotated where it occurs (a phrase annotated less than THETA of the
    times it occurs in the training ads is dropped: "design", "team" and the like);
  - assets/skills/curated.tsv: this project's own list of methods and soft skills.
The development split of SkillSpan is never read here; it is only used to evaluate.

Usage: tools/build_lexicon.py [CORPORA_DIR]   (default ../shared/corpora)
"""
import collections
import csv
import json
import os
import re
import sys

THETA = 0.1
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPORA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'corpora')
OUT = os.path.join(ROOT, 'assets', 'skills', 'skills.tsv')

# Display names where the sources only have ids.
DISPLAY = {
    'dot-net': '.NET', 'csharp': 'C#', 'cplusplus': 'C++', 'node.js': 'Node.js', 'nodejs': 'Node.js',
    'javascript': 'JavaScript', 'typescript': 'TypeScript', 'postgresql': 'PostgreSQL', 'mysql': 'MySQL',
    'mongodb': 'MongoDB', 'graphql': 'GraphQL', 'amazonwebservices': 'AWS', 'googlecloud': 'Google Cloud',
    'azure': 'Azure', 'github': 'GitHub', 'gitlab': 'GitLab', 'html5': 'HTML', 'css3': 'CSS',
    'fastapi': 'FastAPI', 'pytorch': 'PyTorch', 'tensorflow': 'TensorFlow', 'sqlite': 'SQLite',
}

# Names that are also ordinary words: they count only in a technical context.
AMBIGUOUS = set('''go r c d swift spring rust excel dart julia elm chef puppet salt express ember
backbone hive pig storm meteor mercury access word outlook teams shell make ant crystal
processing less sass stylus gulp grunt jest mocha jasmine chai karma falcon flask bottle
pyramid tornado phoenix play rails gin echo iron rocket yew redux mobx vue next nuxt gatsby
hugo jekyll apex scala groovy perl lua nim zig v pascal delphi fortran cobol ada prolog lisp
scheme clojure haskell ocaml erlang elixir kotlin matlab octave sas stata spss tableau looker
airflow luigi prefect dagster beam flink spark kafka pulsar nats zookeeper consul vault
nomad packer vagrant terraform ansible jenkins travis circle bamboo drone argo flux helm
istio envoy linkerd traefik nginx apache tomcat jetty iis caddy redis memcached mongo
cassandra couchbase neo4j elastic solr lucene sphinx bigquery redshift snowflake databricks
hadoop presto trino druid pinot clickhouse influx prometheus grafana kibana logstash
fluentd jaeger zipkin sentry datadog splunk newrelic pagerduty opsgenie jira confluence
trello asana notion figma sketch zeplin invision framer unity unreal godot blender maya
houdini nuke arnold vray octane redshift substance zbrush mudbox cinema'''.split())
# Only the names that are common English words need the context rule.
AMBIGUOUS &= set('''go r c d swift spring rust excel dart julia elm chef puppet salt express ember
backbone hive pig storm meteor mercury access word outlook teams shell make ant crystal
processing less play rails gin echo iron rocket next flux helm vault beam spark flask pyramid
tornado phoenix falcon bottle jest mocha jasmine karma sketch framer unity maya nuke arnold
octane substance cinema apex scheme prolog pascal delphi'''.split())

CURATED_CATEGORIES = {'soft skill', 'method', 'architecture', 'field', 'platform', 'tool'}
SHORT_OK = {'js', 'ts', 'ml', 'ai', 'ui', 'ux', 'qa', 'c#', 'f#', 'r', 'c', 'go', 'db', 'os', 'ci', 'cd', 'vb', 'pl'}

STOP = set('''a an the and or of to in for with on at by is are be as we you our your it this that
from will have has can all any new work team role job years year experience strong good
great skills skill knowledge ability understanding using use including etc other'''.split())

LEAD = '([{"\'\u201c\u2018<*_'
TRAIL = ')]}"\'\u201d\u2019>,;:!?*_/'


def strip_chunk(chunk):
    c = chunk.strip(LEAD).rstrip(TRAIL)
    while c.endswith('.') and not c.endswith('..'):
        c = c[:-1]
    return c.lower()


def alias_tokens(alias):
    return [t for t in (strip_chunk(c) for c in alias.split()) if any(ch.isalnum() for ch in t)]


def norm(s):
    return ' '.join(alias_tokens(s))


def spans(row):
    out, cur = [], []
    for tok, tag in zip(row['tokens'], row['tags_knowledge']):
        if tag.startswith('B'):
            if cur:
                out.append(cur)
            cur = [tok]
        elif tag.startswith('I') and cur:
            cur.append(tok)
        else:
            if cur:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return [' '.join(s) for s in out]


def slug(s):
    return re.sub(r'[^a-z0-9+#.]+', '-', s.lower()).strip('-') or s


class Entry:
    def __init__(self, id, name, category, kind):
        self.id, self.name, self.category, self.kind = id, name, category, kind
        self.aliases = []

    def add(self, alias):
        a = norm(alias)
        if a and a not in self.aliases:
            self.aliases.append(a)


def main():
    entries = {}
    owner = {}  # alias -> entry id

    def claim(entry, alias):
        a = norm(alias)
        if not a or a in owner:
            return
        owner[a] = entry.id
        entry.add(a)

    # 1. Curated methods and soft skills come first: their ids and names win.
    for line in open(os.path.join(ROOT, 'assets', 'skills', 'curated.tsv'), encoding='utf-8'):
        if not line.strip() or line.startswith('#'):
            continue
        id, name, category, kind, aliases = line.rstrip('\n').split('\t')
        e = entries.setdefault(id, Entry(id, name, category, kind))
        for a in aliases.split('|'):
            claim(e, a)

    # 2. devicon: technologies with their alternative names.
    for d in json.load(open(os.path.join(CORPORA, 'lexicon', 'devicon_2.17.0_devicon.json'), encoding='utf-8')):
        id = slug(d['name'])
        tags = [t for t in d.get('tags', []) if t.lower() not in ('original', 'plain', 'line', 'wordmark')]
        e = entries.get(owner.get(norm(d['name']), id)) or entries.setdefault(id, Entry(id, d['name'], tags[0] if tags else 'technology', 'hard'))
        claim(e, d['name'])
        claim(e, d['name'].replace('-', ' '))
        for a in d.get('altnames', []):
            claim(e, a)

    # 3. Stack Overflow tag synonyms: alias -> canonical tag.
    with open(os.path.join(CORPORA, 'lexicon', 'stackoverflow_TagSynonyms.csv'), encoding='utf-8') as f:
        for row in csv.DictReader(f):
            target, source = row['TargetTagName'], row['SourceTagName']
            eid = (owner.get(norm(target)) or owner.get(norm(target.replace('-', ' ')))
                   or owner.get(norm(source)) or owner.get(norm(source.replace('-', ' '))))
            e = entries.get(eid) if eid else None
            if e is None:
                e = entries.setdefault(slug(target), Entry(slug(target), target, 'technology', 'hard'))
            for a in (target, target.replace('-', ' '), source, source.replace('-', ' ')):
                claim(e, a)

    # 4. SkillSpan train: hand-annotated knowledge spans, and how often each phrase is annotated.
    train = [json.loads(l) for l in open(os.path.join(CORPORA, 'skillspan', 'train.json'), encoding='utf-8')]
    surface = collections.Counter()
    for r in train:
        for s in spans(r):
            a = norm(s)
            if not a:
                continue
            surface[(a, s)] += 1
            if a not in owner:
                e = entries.setdefault(slug(a), Entry(slug(a), s, 'knowledge', 'hard'))
                claim(e, a)
    surface_total = collections.Counter()
    for (a, s), n in surface.items():
        surface_total[a] += n
    best_surface = {}
    for (a, s), n in surface.most_common():
        best_surface.setdefault(a, s)

    # How often each alias is annotated where it occurs in the training ads.
    maxlen = max(len(a.split()) for a in owner)
    occurs, annotated = collections.Counter(), collections.Counter()
    for r in train:
        toks = [strip_chunk(t) for t in r['tokens']]
        starts = {}
        i = 0
        for tok, tag in zip(r['tokens'], r['tags_knowledge']):
            i += 1
        pos = 0
        cur = None
        for j, tag in enumerate(r['tags_knowledge']):
            if tag.startswith('B'):
                cur = j
                starts[j] = 1
            elif tag.startswith('I') and cur is not None:
                starts[cur] += 1
            else:
                cur = None
        for j in range(len(toks)):
            for n in range(1, min(maxlen, len(toks) - j) + 1):
                a = ' '.join(toks[j:j + n])
                if a in owner:
                    occurs[a] += 1
                    if starts.get(j) == n:
                        annotated[a] += 1

    rows = []
    for e in entries.values():
        keep = []
        for a in e.aliases:
            if a in STOP or len(a) < 1:
                continue
            # Two-letter aliases ("gs", "ts") mostly name something else: keep only the
            # entry's own id, curated ones, and ones the annotators marked.
            if len(a) <= 2 and a != e.id and e.category not in CURATED_CATEGORIES and a not in SHORT_OK:
                if not (occurs[a] and annotated[a] / occurs[a] >= THETA):
                    continue
            if occurs[a] and annotated[a] / occurs[a] < THETA and e.kind != 'soft':
                continue
            keep.append(a)
        if not keep:
            continue
        name = e.name
        if e.kind != 'soft' and e.category not in ('method', 'architecture', 'field', 'platform', 'tool', 'soft skill'):
            seen = [(surface_total[a], best_surface[a]) for a in keep if a in best_surface]
            if seen:
                name = max(seen)[1]
        name = DISPLAY.get(e.id, name)
        ambiguous = [a for a in keep if a in AMBIGUOUS]
        rows.append((e.id, name, e.category, e.kind, '|'.join(keep), ('ambiguous=' + ','.join(ambiguous)) if ambiguous else ''))
    rows.sort()
    # Background: the words of ordinary job-ad text (outside annotated spans), by frequency,
    # against which multi-word phrases no lexicon holds are judged.
    background = collections.Counter()
    for r in train:
        for tok, tag in zip(r['tokens'], r['tags_knowledge']):
            t = strip_chunk(tok)
            if tag == 'O' and t.isalpha():
                background[t] += 1
    with open(os.path.join(ROOT, 'assets', 'skills', 'background.txt'), 'w', encoding='utf-8') as f:
        f.write('# Generated by tools/build_lexicon.py from SkillSpan train (MIT): common job-ad words, most frequent first.\n')
        for w, n in background.most_common(3000):
            if n >= 3:
                f.write(f'{w}\n')
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('# Generated by tools/build_lexicon.py; see ATTRIBUTION.md. Do not edit by hand.\n')
        f.write('# id\tname\tcategory\tkind\taliases\tflags\n')
        for r in rows:
            f.write('\t'.join(x.replace('\t', ' ') for x in r) + '\n')
    print(f'{len(rows)} skills, {sum(len(r[4].split("|")) for r in rows)} aliases -> {OUT}')


if __name__ == '__main__':
    main()
