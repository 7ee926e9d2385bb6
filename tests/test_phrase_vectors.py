"""Stored phrase vectors: matching re-runs and profile saves do not embed a phrase twice."""

import numpy as np
from sqlalchemy import func, select

from companion.db import db
from companion.services.phrase_vectors import StoredEmbedder
from companion.tables.matching import Match, PhraseVector
from companion.tables.programmes import Programme, ProgrammeMember
from tests.conftest import _make_user
from tests.test_profiles import GOOD


def _stored() -> int:
    return db.session.scalar(select(func.count()).select_from(PhraseVector))


def _cohort(ana, boris) -> Programme:
    chen = _make_user("chen@example.com", "Chen Li", skills=["Kubernetes operations"],
                      goals=["negotiate my salary"], languages=["en"])  # fmt: skip
    dora = _make_user("dora@example.com", "Dora Weber", skills=["salary negotiation coaching"],
                      goals=["deploy services with Kubernetes"], languages=["en"])  # fmt: skip
    p = Programme(name="Spring pairs", format="peer", settings={})
    p.members = [ProgrammeMember(user_id=u.id) for u in (ana, boris, chen, dora)]
    db.session.add(p)
    db.session.commit()
    return p


def _pairs(p) -> dict:
    rows = db.session.scalars(select(Match).where(Match.programme_id == p.id))
    return {frozenset(u.name for u in m.users): m.score for m in rows}


def test_rerun_reads_stored_vectors_and_keeps_the_result(
    app, client, login, coordinator, ana, boris
):
    p = _cohort(ana, boris)
    login(client, coordinator.email)
    embedder = app.extensions["companion.embedder"]
    client.post(f"/matching/programmes/{p.id}/run")
    first = _pairs(p)
    run = db.session.get(Programme, p.id).settings["last_run"]
    assert run["phrases_embedded"] > 0 and run["phrases_stored"] == 0
    assert _stored() == run["phrases_embedded"]
    embedded_before = embedder.texts_embedded

    client.post(f"/matching/programmes/{p.id}/run")
    db.session.expire_all()
    run = db.session.get(Programme, p.id).settings["last_run"]
    assert run["phrases_embedded"] == 0
    assert embedder.texts_embedded == embedded_before  # the model was not called again
    assert _pairs(p) == first  # same pairs, same scores from the stored vectors


def test_saving_a_profile_stores_its_new_phrases(app, client, login, ana, boris):
    login(client, "ana@example.com")
    assert client.post("/profile/", data=GOOD).status_code == 302
    embedder = app.extensions["companion.embedder"]
    stored = StoredEmbedder(embedder, db.session)
    stored.embed(["SQL window functions", "Airflow pipelines"])
    assert stored.last_embedded == 0 and stored.last_hits == 2


def test_vectors_are_kept_per_model(app):
    class Other:
        name = "another-model"

        def embed(self, texts):
            return np.ones((len(texts), 3), dtype=np.float32)

    first = StoredEmbedder(app.extensions["companion.embedder"], db.session)
    a = first.embed(["public speaking", "public speaking"])
    assert first.last_embedded == 1 and a.shape[0] == 2
    second = StoredEmbedder(Other(), db.session)
    b = second.embed(["public speaking"])
    assert second.last_embedded == 1  # another model's vector is not reused
    assert b.shape == (1, 3)
    db.session.commit()
    assert _stored() == 2


def test_a_profile_saved_before_the_model_is_loaded_queues_a_job(app, client, login, ana):
    from companion.jobs import run_pending_jobs
    from companion.tables.jobs import Job

    embedder = app.extensions.pop("companion.embedder")
    app.extensions["companion.embedder"] = None  # not loaded in this process yet
    login(client, "ana@example.com")
    assert client.post("/profile/", data=GOOD).status_code == 302
    job = db.session.scalar(select(Job).where(Job.kind == "store_phrase_vectors"))
    assert job is not None and job.status == "queued"
    assert _stored() == 0

    app.extensions["companion.embedder"] = embedder  # what the worker loads
    assert run_pending_jobs(app) == 1
    db.session.expire_all()
    assert db.session.get(Job, job.id).status == "done"
    stored = StoredEmbedder(embedder, db.session)
    stored.embed(["SQL window functions", "Airflow pipelines", "Present to leadership", "hiking"])
    assert stored.last_embedded == 0 and stored.last_hits == 4
