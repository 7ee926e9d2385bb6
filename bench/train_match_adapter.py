"""Train the skill-goal projection used by matching (`retrieval/matching_adapter.py`).

Reads the topic banks `bench/data/skill_goal_topics.jsonl` and `skill_goal_topics_2.jsonl`
(720 topics with four skill and four goal phrasings each, written for training only by two
writers; the planted cohorts of `bench/match_quality.py` come from a separate bank,
`bench/match_topics.py`, by a different writer), embeds every phrase with
the app's embedder, and fits two linear maps, skill side and goal side, starting from the
identity: a multi-positive contrastive loss over all skills and goals at once (a skill's
positives are the goals of its topic; every other topic's goals are negatives), plus a penalty
on the distance from the identity.

    HF_HUB_OFFLINE=1 python -m bench.train_match_adapter --cv      # choose settings
    HF_HUB_OFFLINE=1 python -m bench.train_match_adapter           # write the adapter

`--cv` reports, for each setting, the AUC of same-topic against other-topic skill-goal pairs
on topics held out of training (5 folds over topics), and the same on the evaluation bank
(`bench/match_topics.py`) for the adapter trained on the whole training bank.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

from retrieval.matching_adapter import ADAPTER_PATH, model_base

DATA = [
    Path(__file__).resolve().parent / "data" / name
    for name in ("skill_goal_topics.jsonl", "skill_goal_topics_2.jsonl")
]
SETTINGS = {"decay": [0.02, 0.05, 0.1, 0.2], "tau": [0.05, 0.1], "epochs": [300]}
DEFAULT = {"decay": 0.05, "tau": 0.1, "epochs": 300}


def load_topics(paths: list[Path] = DATA) -> list[dict]:
    return [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]


def flatten(topics: list[dict]) -> tuple[list[str], np.ndarray, list[str], np.ndarray]:
    """(skill phrases, topic number of each, goal phrases, topic number of each)."""
    skills, s_lab, goals, g_lab = [], [], [], []
    for n, t in enumerate(topics):
        skills += t["skills"]
        s_lab += [n] * len(t["skills"])
        goals += t["goals"]
        g_lab += [n] * len(t["goals"])
    return skills, np.array(s_lab), goals, np.array(g_lab)


def unit(vecs: np.ndarray) -> np.ndarray:
    return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)


def fit(s_vecs, s_lab, g_vecs, g_lab, decay: float, tau: float, epochs: int, seed: int = 0):
    """Skill map and goal map (d x d), identity plus a learned correction."""
    import torch

    torch.manual_seed(seed)
    d = s_vecs.shape[1]
    eye = torch.eye(d)
    da = torch.zeros(d, d, requires_grad=True)
    db = torch.zeros(d, d, requires_grad=True)
    s, g = torch.tensor(s_vecs), torch.tensor(g_vecs)
    pos = torch.tensor(s_lab[:, None] == g_lab[None, :], dtype=torch.float32)
    opt = torch.optim.Adam([da, db], lr=1e-3)
    for _ in range(epochs):
        ps = torch.nn.functional.normalize(s @ (eye + da), dim=1)
        pg = torch.nn.functional.normalize(g @ (eye + db), dim=1)
        logits = ps @ pg.T / tau
        by_skill = -(torch.log_softmax(logits, 1) * pos).sum(1) / pos.sum(1)
        by_goal = -(torch.log_softmax(logits, 0) * pos).sum(0) / pos.sum(0)
        loss = by_skill.mean() + by_goal.mean() + decay * (da.pow(2).sum() + db.pow(2).sum())
        opt.zero_grad()
        loss.backward()
        opt.step()
    return (eye + da).detach().numpy(), (eye + db).detach().numpy()


def auc(sims: np.ndarray, positive: np.ndarray) -> float:
    """Probability that a same-topic pair scores above an other-topic pair."""
    pos, neg = sims[positive], sims[~positive]
    ranks = np.concatenate([pos, neg]).argsort().argsort() + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def pair_auc(s_vecs, s_lab, g_vecs, g_lab, maps=None) -> float:
    if maps is not None:
        s_vecs, g_vecs = unit(s_vecs @ maps[0]), unit(g_vecs @ maps[1])
    return auc(s_vecs @ g_vecs.T, s_lab[:, None] == g_lab[None, :])


def embed(embedder, texts: list[str]) -> np.ndarray:
    return unit(np.asarray(embedder.embed(texts), dtype=np.float32))


def cross_validate(topics, embedder, settings: dict, folds: int = 5) -> None:
    skills, s_lab, goals, g_lab = flatten(topics)
    sv, gv = embed(embedder, skills), embed(embedder, goals)
    from bench.match_topics import TOPICS

    bank = [{"skills": s, "goals": g} for s, g in TOPICS.values()]
    e_skills, e_slab, e_goals, e_glab = flatten(bank)
    ev_s, ev_g = embed(embedder, e_skills), embed(embedder, e_goals)
    order = list(range(len(topics)))
    random.Random(1).shuffle(order)
    parts = [set(order[k::folds]) for k in range(folds)]
    print(f"{len(topics)} training topics, {len(skills)} skills, {len(goals)} goals")
    print(f"evaluation bank (bench/match_topics.py), plain model: "
          f"AUC {pair_auc(ev_s, e_slab, ev_g, e_glab):.4f}")  # fmt: skip
    print("| decay | tau | epochs | held-out topics: plain | adapted | evaluation bank: adapted |")
    print("| --- | --- | --- | --- | --- | --- |")
    for decay in settings["decay"]:
        for tau in settings["tau"]:
            for epochs in settings["epochs"]:
                plain, adapted = [], []
                for held in parts:
                    s_out = np.isin(s_lab, list(held))
                    maps = fit(sv[~s_out], s_lab[~s_out], gv[~np.isin(g_lab, list(held))],
                               g_lab[~np.isin(g_lab, list(held))], decay, tau, epochs)  # fmt: skip
                    # Held-out skills against every goal; held-out goals are the positives.
                    plain.append(pair_auc(sv[s_out], s_lab[s_out], gv, g_lab))
                    adapted.append(pair_auc(sv[s_out], s_lab[s_out], gv, g_lab, maps))
                full = fit(sv, s_lab, gv, g_lab, decay, tau, epochs)
                bank_auc = pair_auc(ev_s, e_slab, ev_g, e_glab, full)
                print(f"| {decay} | {tau} | {epochs} | {np.mean(plain):.4f} | "
                      f"{np.mean(adapted):.4f} | {bank_auc:.4f} |")  # fmt: skip


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", action="store_true", help="report held-out AUC per setting")
    parser.add_argument("--data", type=Path, nargs="+", default=DATA)
    parser.add_argument("--decay", type=float, nargs="+", default=SETTINGS["decay"])
    parser.add_argument("--tau", type=float, nargs="+", default=SETTINGS["tau"])
    parser.add_argument("--out", type=Path, default=ADAPTER_PATH)
    args = parser.parse_args(argv)
    from retrieval.embedder import Embedder

    embedder = Embedder()
    topics = load_topics(args.data)
    if args.cv:
        cross_validate(topics, embedder, {"decay": args.decay, "tau": args.tau, "epochs": [300]})
        return
    skills, s_lab, goals, g_lab = flatten(topics)
    maps = fit(embed(embedder, skills), s_lab, embed(embedder, goals), g_lab, **DEFAULT)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        model=np.array(model_base(embedder)),
        skill_map=maps[0].astype(np.float16),
        goal_map=maps[1].astype(np.float16),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} kB) from {len(topics)} topics")


if __name__ == "__main__":
    main()
