"""Synthetic cohorts for the matching benchmarks: planted complementary pairs plus distractors.

A planted pair (A, B): A's skill meets B's goal and B's skill meets A's goal, each written
with a different phrasing (see match_topics.py). Everyone also carries one unrelated skill
and one unrelated goal, and distractors carry only unrelated phrases. Levels, slots and
interests are drawn independently of the pairing, so only the text reveals the plan.

    python -m bench.match_cohort --n 100 --seed 1 > cohort.jsonl   # write a cohort as JSONL
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from bench.match_topics import FIRST, INTERESTS, LAST, LEVELS, SLOTS, TOPICS

# Extra wording that makes phrases distinct at scale, as real people's phrasing is.
QUALIFIERS = [
    "",
    " for our team",
    " at work",
    " in practice",
    " on real projects",
    " day to day",
    " in a large company",
    " for beginners",
    " step by step",
    " with confidence",
]


# With `distinct` phrasing every phrase also gets a lead-in and a context: with the topic
# bank's 3 wordings and the qualifiers that is 60 x 3 x 12 x 10 x 14 ways per side, so a
# cohort of 10,000 repeats few phrases (as real free text would not repeat either).
LEAD_INS = [
    "",
    "hands-on ",
    "practical ",
    "advanced ",
    "basic ",
    "modern ",
    "applied ",
    "everyday ",
    "introductory ",
    "in-depth ",
    "real-world ",
    "better ",
]
CONTEXTS = [
    "",
    " in retail",
    " in banking",
    " in healthcare",
    " in the public sector",
    " at a start-up",
    " in manufacturing",
    " in logistics",
    " for remote teams",
    " in an agency",
    " in education",
    " for non-profits",
    " in telecoms",
    " in energy",
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _person(pid, rng, skills, goals, soft: bool = True) -> dict:
    person = {"id": pid, "name": _name(rng), "skills": skills, "goals": goals}
    if soft:
        person.update(
            career_level=rng.choice(LEVELS),
            languages=["en"] + (["bg"] if rng.random() < 0.4 else []),
            availability=rng.sample(SLOTS, rng.randint(2, 5)),
            interests=rng.sample(INTERESTS, 2),
        )
    return person


def planted_cohort(
    n: int = 100, planted_share: float = 0.8, seed: int = 0, soft: bool = False, noise: bool = False
):
    """Return (profiles, planted pairs of ids) for a cohort of n people.

    A planted pair shares two topics each way (A teaches what B wants and vice versa).
    With `noise`, everyone also carries one unrelated skill and one unrelated goal; with
    `soft`, random levels, slots, languages and interests: signals the score must see through.
    """
    rng = random.Random(seed)
    topics = list(TOPICS)
    n_pairs = int(n * planted_share) // 2
    people, planted = [], []

    def skill(t):
        return rng.choice(TOPICS[t][0])

    def goal(t):
        return rng.choice(TOPICS[t][1])

    for k in range(n_pairs):
        x1, x2, y1, y2, nx_, ny_, gx, gy = rng.sample(topics, 8)
        a_skills, a_goals = [skill(x1), skill(x2)], [goal(y1), goal(y2)]
        b_skills, b_goals = [skill(y1), skill(y2)], [goal(x1), goal(x2)]
        if noise:
            a_skills.append(skill(nx_))
            a_goals.append(goal(gx))
            b_skills.append(skill(ny_))
            b_goals.append(goal(gy))
        a, b = f"p{2 * k}", f"p{2 * k + 1}"
        people.append(_person(a, rng, a_skills, a_goals, soft))
        people.append(_person(b, rng, b_skills, b_goals, soft))
        planted.append((a, b))
    for k in range(n - 2 * n_pairs):
        t = rng.sample(topics, 6 if noise else 4)
        half = len(t) // 2
        skills, goals = [skill(x) for x in t[:half]], [goal(x) for x in t[half:]]
        people.append(_person(f"d{k}", rng, skills, goals, soft))
    rng.shuffle(people)
    return people, planted


def random_cohort(n: int, seed: int = 0, distinct: bool = False) -> list[dict]:
    """n participants with 2-3 skills and 2-3 goals each, phrased with varied qualifiers.

    With `distinct`, a lead-in and a context are added too, so phrases rarely repeat.
    """
    rng = random.Random(seed)
    topics = list(TOPICS)
    people = []

    def phrase(base: str) -> str:
        text = base + rng.choice(QUALIFIERS)
        if distinct:
            text = rng.choice(LEAD_INS) + text + rng.choice(CONTEXTS)
        return text

    for k in range(n):
        t = rng.sample(topics, 6)
        ns, ng = rng.randint(2, 3), rng.randint(2, 3)
        skills = [phrase(rng.choice(TOPICS[x][0])) for x in t[:ns]]
        goals = [phrase(rng.choice(TOPICS[x][1])) for x in t[3 : 3 + ng]]
        people.append(_person(f"r{k}", rng, skills, goals))
    return people


def main(argv=None) -> None:
    """Print a planted cohort as JSONL (profiles only; the plan goes to stderr)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pairs-file", help="also write {'a','b'} pair lines here (planted pairs)")
    args = ap.parse_args(argv)
    people, planted = planted_cohort(args.n, seed=args.seed)
    for p in people:
        print(json.dumps(p, ensure_ascii=False))
    if args.pairs_file:
        by_id = {p["id"]: p for p in people}
        with open(args.pairs_file, "w", encoding="utf-8") as f:
            for a, b in planted:
                f.write(json.dumps({"a": by_id[a], "b": by_id[b]}, ensure_ascii=False) + "\n")
    print(json.dumps({"planted": planted}), file=sys.stderr)


if __name__ == "__main__":
    main()
