"""Matching inside the app: first run (embeds every phrase) vs re-run (reads stored vectors).

    HF_HUB_OFFLINE=1 python -m bench.match_app --sizes 1000 10000

Builds a throw-away SQLite database (or `--database-url`) with a peer programme of n
participants from `bench.match_cohort.random_cohort(n, distinct=True)`, loads the real
embedder, then times `companion.services.matching.run_matching` twice, each followed by the
commit that stores the suggestions: the coordinator's first "Run matching" and a re-run
(after accepting, rejecting or editing a profile the phrases are already stored).
"""

from __future__ import annotations

import argparse
import tempfile
import time

from bench.match_cohort import random_cohort


def _populate(db, n: int):
    from companion.tables.accounts import Profile, User
    from companion.tables.programmes import Programme, ProgrammeMember

    users = []
    for row in random_cohort(n, seed=0, distinct=True):
        user = User(email=f"{row['id']}@example.com", name=row["name"], password_hash="-")
        user.profile = Profile(
            skills=row["skills"],
            goals=row["goals"],
            interests=row.get("interests", []),
            languages=row.get("languages", []),
            availability=row.get("availability", []),
            career_level=row.get("career_level") or "mid",
        )
        users.append(user)
    db.session.add_all(users)
    db.session.flush()
    programme = Programme(name=f"Bench {n}", format="peer", settings={})
    programme.members = [ProgrammeMember(user_id=u.id) for u in users]
    db.session.add(programme)
    db.session.commit()
    return programme


def main(argv=None) -> None:
    """Print first-run and re-run times per cohort size."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000])
    ap.add_argument("--database-url", help="default: a new SQLite file per size")
    args = ap.parse_args(argv)
    from companion import create_app
    from companion.db import db
    from companion.services.matching import run_matching
    from retrieval.embedder import Embedder

    embedder = Embedder()
    embedder.embed(["warm up"])
    print(f"embedding backend: {embedder.backend}")
    print("| n | run | seconds | phrases embedded | phrases read from the store | suggested |")
    print("| --- | --- | --- | --- | --- | --- |")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            config = {"DATA_DIR": tmp, "SECRET_KEY": "bench", "JOB_WORKER": False,
                      "LLM_ENABLED": False}  # fmt: skip
            if args.database_url:
                config["DATABASE_URL"] = args.database_url
            app = create_app(config)
            with app.app_context():
                db.drop_all()
                db.create_all()
                programme = _populate(db, n)
                for label in ("first run", "re-run"):
                    t0 = time.perf_counter()
                    out = run_matching(db.session, programme, embedder)
                    db.session.commit()
                    took = time.perf_counter() - t0
                    last = programme.settings["last_run"]
                    print(
                        f"| {n} | {label} | {took:.2f} | {last['phrases_embedded']} |"
                        f" {last['phrases_stored']} | {out['suggested']} |",
                        flush=True,
                    )
                db.session.remove()
                db.drop_all()
                db.engine.dispose()


if __name__ == "__main__":
    main()
