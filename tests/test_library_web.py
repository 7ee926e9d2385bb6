import pytest
from sqlalchemy import select

from companion.db import db
from companion.services import library as svc
from companion.tables.library import LibraryPassage, Resource

FEEDBACK = {
    "title": "Giving feedback with SBI",
    "kind": "guide",
    "topics": ["feedback"],
    "level": "beginner",
    "language": "en",
    "body_md": "# SBI\n\nDescribe the situation, the behaviour and its impact.",
}
GOALS_BG = {
    "title": "Цели по SMART",
    "kind": "checklist",
    "topics": ["goals"],
    "level": "intermediate",
    "language": "bg",
    "body_md": "Целите трябва да са конкретни и измерими. Преглеждайте целите всеки месец.",
}


@pytest.fixture
def library(app):
    embedder = app.extensions["companion.embedder"]
    svc.save_resource(db.session, embedder, "sbi", FEEDBACK)
    svc.save_resource(db.session, embedder, "smart-bg", GOALS_BG)
    db.session.commit()


def test_search_page_full_and_fragment_with_highlight(client, hx, ana, login, library):
    login(client, ana.email)
    page = client.get("/library/?q=situation")
    assert "<html" in page.get_data(as_text=True)
    assert "Giving feedback with SBI" in page.get_data(as_text=True)
    assert "<mark>situation</mark>" in page.get_data(as_text=True)
    login(hx, ana.email)
    frag = hx.get("/library/?q=целите")
    body = frag.get_data(as_text=True)
    assert "<html" not in body and 'id="library-results"' in body
    assert "Цели по SMART" in body and "<mark>" in body
    assert "HX-Request" in frag.headers["Vary"]


def test_filters_narrow_results(client, ana, login, library):
    login(client, ana.email)
    body = client.get("/library/?q=целите+feedback&language=bg").get_data(as_text=True)
    assert "Цели по SMART" in body and "Giving feedback with SBI" not in body
    body = client.get("/library/?kind=guide").get_data(as_text=True)
    assert "Giving feedback with SBI" in body and "Цели по SMART" not in body


def test_resource_page_shows_body_and_related(client, hx, ana, login, library):
    login(client, ana.email)
    body = client.get("/library/r/sbi").get_data(as_text=True)
    assert "Describe the situation" in body and "Related resources" in body
    assert "Цели по SMART" in body
    login(hx, ana.email)
    frag = hx.get("/library/r/sbi").get_data(as_text=True)
    assert 'id="library-related"' in frag and "<html" not in frag


def test_coordinator_adds_edits_and_deletes_reflected_in_search(client, coordinator, login):
    login(client, coordinator.email)
    resp = client.post(
        "/library/new",
        data={**FEEDBACK, "topics": "feedback", "minutes": "4", "body_md": FEEDBACK["body_md"]},
    )
    assert resp.status_code == 302
    slug = db.session.scalar(select(Resource.slug))
    assert "SBI" in client.get("/library/?q=behaviour+impact").get_data(as_text=True)
    client.post(
        f"/library/r/{slug}/edit",
        data={**FEEDBACK, "topics": "feedback", "body_md": "Quarterly budget planning."},
    )
    assert "Nothing found" in client.get("/library/?q=behaviour+impact").get_data(as_text=True)
    assert "SBI" in client.get("/library/?q=budget").get_data(as_text=True)
    client.post(f"/library/r/{slug}/delete")
    assert db.session.scalar(select(Resource)) is None
    assert db.session.scalar(select(LibraryPassage)) is None
    assert "Nothing found" in client.get("/library/?q=budget").get_data(as_text=True)


def test_upload_markdown_file(client, coordinator, login):
    import io

    login(client, coordinator.email)
    data = {"title": "", "kind": "template", "level": "beginner", "language": "en", "topics": ""}
    data["upload"] = (io.BytesIO(b"# Agenda\n\nCheck in, review actions."), "agenda.md")
    resp = client.post("/library/new", data=data, content_type="multipart/form-data")
    assert resp.status_code == 302
    assert db.session.scalar(select(Resource.title)) == "agenda"
    bad = {**data, "upload": (io.BytesIO(b"x"), "agenda.pdf")}
    resp = client.post("/library/new", data=bad, content_type="multipart/form-data")
    assert resp.status_code == 422 and "Upload a .md or .txt file." in resp.get_data(as_text=True)


def test_participant_suggests_and_coordinator_publishes(client, ana, coordinator, login):
    login(client, ana.email)
    assert client.get("/library/new").status_code == 403
    client.post("/library/suggest", data={**FEEDBACK, "topics": "feedback"})
    resource = db.session.scalar(select(Resource))
    assert resource.status == "suggested" and resource.suggested_by_id == ana.id
    assert "Nothing found" in client.get("/library/?q=feedback").get_data(as_text=True)
    client.post("/logout")
    login(client, coordinator.email)
    assert "Giving feedback with SBI" in client.get("/library/suggestions").get_data(as_text=True)
    client.post(f"/library/r/{resource.slug}/publish")
    client.post("/logout")
    login(client, ana.email)
    assert "Giving feedback with SBI" in client.get("/library/?q=feedback").get_data(as_text=True)


def test_form_error_keeps_input(client, coordinator, login):
    login(client, coordinator.email)
    resp = client.post("/library/new", data={"title": "Kept title", "kind": "guide", "body_md": ""})
    assert resp.status_code == 422
    body = resp.get_data(as_text=True)
    assert "Kept title" in body and "no text" in body


def test_home_recommends_for_goals(client, ana, login, library):
    ana.profile.goals = ["give better feedback"]
    db.session.commit()
    login(client, ana.email)
    body = client.get("/").get_data(as_text=True)
    assert 'id="home-library"' in body and "Giving feedback with SBI" in body


def test_index_survives_restart_and_corrupt_file(app, library, caplog):
    engine = svc.engine_for(app, app.extensions["companion.embedder"])
    assert svc.ensure_fresh(db.session, engine) in ("loaded", "rebuilt")
    engine.save()
    # A new process: fresh engine object, same data dir.
    app.extensions["companion.library"] = None
    fresh = svc.engine_for(app, app.extensions["companion.embedder"])
    assert svc.ensure_fresh(db.session, fresh) == "loaded"
    fresh.index_path.write_bytes(b"corrupt")
    app.extensions["companion.library"] = None
    again = svc.engine_for(app, app.extensions["companion.embedder"])
    assert svc.ensure_fresh(db.session, again) == "rebuilt"
    assert "rebuilding vector index" in caplog.text
    hits = svc.search(db.session, again, "feedback")
    assert hits[0][0].slug == "sbi"
