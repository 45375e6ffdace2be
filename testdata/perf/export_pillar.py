#!/usr/bin/env python3
"""Score answers files at pillar level and write the same CSV as
`cbrn export DIR --level pillar -o csv` (DESIGN §5): the script an analyst would
write with PyYAML, using libyaml (CSafeLoader) when PyYAML has it.

    export_pillar.py QUESTIONNAIRE.yaml DIR > pillars.csv

It trusts its input (no validation): it is the yardstick cbrn export is timed
against (see compare.sh), not a second implementation to rely on."""

import csv
import datetime
import math
import os
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PILLARS = [("prevention", "Prevention"), ("detection", "Detection"),
           ("preparedness", "Preparedness"), ("response", "Response")]
SCORED = {"scale", "yesno", "choice", "multi"}


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=Loader)


def canonical(v):
    """The string form conditions compare (questionnaire.Canonical)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v == int(v) and abs(v) < 1e6:
            return str(int(v))
        return repr(v)
    return str(v)


class Question:
    def __init__(self, qd, pillar, q):
        self.id = qd["id"]
        self.type = qd["type"]
        self.pillar = pillar
        self.weight = float(qd.get("weight", 1))
        self.when = qd.get("when")
        self.levels = {}
        self.choices = {}
        self.target = 100.0
        if self.type == "scale":
            scale = q["scales"][qd["scale"]]["levels"]
            first, last = scale[0]["level"], scale[-1]["level"]
            for lv in scale:
                if "score" in lv:
                    s = float(lv["score"])
                elif last == first:
                    s = 1.0
                else:
                    s = (lv["level"] - first) / (last - first)
                self.levels[lv["level"]] = s * 100
            t = last
            if q.get("target") in self.levels:
                t = q["target"]
            t = qd.get("target", t)
            self.target = self.levels[t]
        elif self.type in ("choice", "multi"):
            self.choices = {c["id"]: float(c.get("score", 0)) for c in qd["choices"]}

    def value_score(self, v):
        if self.type == "scale":
            return self.levels[int(v)]
        if self.type == "yesno":
            return 100.0 if v else 0.0
        if self.type == "choice":
            return self.choices[str(v)] * 100
        s = round(sum(self.choices[c] for c in v) * 1e12) / 1e12
        return min(1.0, s) * 100


def evaluate(cond, value):
    """Three-valued: True, False or None (undefined)."""
    if "all" in cond:
        out = True
        for c in cond["all"]:
            r = evaluate(c, value)
            if r is False:
                return False
            if r is None:
                out = None
        return out
    if "any" in cond:
        out = False
        for c in cond["any"]:
            r = evaluate(c, value)
            if r is True:
                return True
            if r is None:
                out = None
        return out
    if "not" in cond:
        r = evaluate(cond["not"], value)
        return None if r is None else not r
    v = value(cond["question"])
    if v is None:
        return None
    if "equals" in cond or "in" in cond:
        want = [canonical(x) for x in (cond["in"] if "in" in cond else [cond["equals"]])]
        if isinstance(v, list):
            return any(x in want for x in v)
        return canonical(v) in want
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    if "min" in cond:
        return v >= cond["min"]
    return v <= cond["max"]


def normalise(question, v):
    if question.type == "scale":
        return int(v)
    if question.type == "number":
        return float(v)
    return v


def stamp(v):
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return v.strftime("%Y-%m-%dT%H:%M:%SZ")
    return v or ""


def number(x):
    if x is None:
        return ""
    if x == math.trunc(x) and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def score_file(path, questions, writer):
    a = load(path)
    answers = a.get("answers") or {}
    resp = a.get("respondent") or {}
    ref = a["questionnaire"]
    values, shown = {}, {}

    def visible(qid):
        return values.get(qid) if shown.get(qid) else None

    groups = {p: {"w": 0.0, "ws": 0.0, "wt": 0.0, "wg": 0.0, "cw": 0.0, "cws": 0.0,
                  "answered": 0, "na": 0, "unknown": 0, "unanswered": 0, "skipped": 0}
              for p, _ in PILLARS}
    for question in questions:
        ans = answers.get(question.id)
        if ans and "value" in ans and ans["value"] is not None:
            values[question.id] = normalise(question, ans["value"])
        show = question.when is None or evaluate(question.when, visible) is True
        shown[question.id] = show
        if question.type not in SCORED:
            continue
        g = groups[question.pillar]
        if not show:
            g["skipped"] += 1
        elif ans is None:
            g["unanswered"] += 1
        elif ans.get("na"):
            g["na"] += 1
        elif ans.get("unknown"):
            g["unknown"] += 1
            g["cw"] += question.weight
        else:
            w, s, t = question.weight, question.value_score(values[question.id]), question.target
            g["answered"] += 1
            g["w"] += w
            g["ws"] += w * s
            g["wt"] += w * t
            g["wg"] += w * max(0.0, t - s)
            g["cw"] += w
            g["cws"] += w * s
    head = [path, ref.get("id", ""), ref.get("version", ""), resp.get("country", ""),
            resp.get("organisation", ""), resp.get("name", ""), resp.get("role", ""),
            stamp(a.get("created")), stamp(a.get("updated"))]
    for p, title in PILLARS:
        g = groups[p]
        w, cw = g["w"], g["cw"]
        d = g["answered"] + g["unknown"] + g["unanswered"]
        writer.writerow(head + [p, title,
                                number(g["ws"] / w if w else None),
                                number(g["cws"] / cw if cw else None),
                                number(g["wt"] / w if w else None),
                                number(g["wg"] / w if w else None),
                                number(g["answered"] / d if d else None),
                                g["answered"], g["na"], g["unknown"], g["unanswered"], g["skipped"]])


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    q = load(sys.argv[1])
    questions = [Question(qd, s["pillar"], q) for s in q["sections"] for qd in s["questions"]]
    paths = []
    for root, dirs, files in os.walk(sys.argv[2]):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        paths += [os.path.join(root, f) for f in files if f.endswith(".answers.yaml")]
    writer = csv.writer(sys.stdout)  # CRLF, as RFC 4180 and cbrn
    writer.writerow(["file", "questionnaire", "questionnaire_version", "country", "organisation",
                     "respondent", "role", "created", "updated", "pillar", "pillar_title",
                     "score", "conservative", "target", "gap", "completeness",
                     "answered", "na", "unknown", "unanswered", "skipped"])
    for path in sorted(paths):
        score_file(path, questions, writer)


if __name__ == "__main__":
    main()
