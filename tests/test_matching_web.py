"""Coordinator review of matches, and what the matched participants then see."""

from sqlalchemy import select

from companion.db import db
from companion.services import matching as svc
from companion.tables.matching import Match
from companion.tables.programmes import Programme, ProgrammeMember
from tests.conftest import _make_user


def _programme(*users, fmt="peer") -> Programme:
    p = Programme(name="Spring pairs", format=fmt, settings={})
    p.members = [ProgrammeMember(user_id=u.id) for u in users]
    db.session.add(p)
    db.session.commit()
    return p


def _cohort(ana, boris):
    chen = _make_user(
        "chen@example.com",
        "Chen Li",
        skills=["Kubernetes operations"],
        goals=["negotiate my salary"],
        languages=["en"],
    )
    dora = _make_user(
        "dora@example.com",
        "Dora Weber",
        skills=["salary negotiation coaching"],
        goals=["deploy services with Kubernetes"],
        languages=["en"],
    )
    return chen, dora


def _matches(p) -> list[Match]:
    return list(db.session.scalars(select(Match).where(Match.programme_id == p.id)))


def _names(m: Match) -> set[str]:
    return {u.name for u in m.users}


def test_run_suggests_complementary_pairs_with_reasons(client, hx, login, coordinator, ana, boris):
    chen, dora = _cohort(ana, boris)
    p = _programme(ana, boris, chen, dora)
    login(client, coordinator.email)
    resp = client.post(f"/matching/programmes/{p.id}/run")
    assert resp.status_code == 302
    pairs = {frozenset(_names(m)) for m in _matches(p)}
    assert frozenset({"Ana Petrova", "Boris Ivanov"}) in pairs
    assert frozenset({"Chen Li", "Dora Weber"}) in pairs
    page = client.get(f"/matching/programmes/{p.id}").get_data(as_text=True)
    assert "<html" in page
    assert "Ana Petrova + Boris Ivanov" in page or "Boris Ivanov + Ana Petrova" in page
    assert "Boris Ivanov can help with: presenting insights to executives" in page
    assert "both speak Bulgarian" in page
    login(hx, coordinator.email)
    frag = hx.get(f"/matching/programmes/{p.id}")
    text = frag.get_data(as_text=True)
    assert text.lstrip().startswith('<div id="match-board"') and "<html" not in text
    assert "HX-Request" in frag.headers["Vary"]


def test_accept_makes_active_pair_both_partners_see(client, login, coordinator, ana, boris):
    p = _programme(ana, boris)
    login(client, coordinator.email)
    client.post(f"/matching/programmes/{p.id}/run")
    (m,) = _matches(p)
    client.post(f"/matching/matches/{m.id}/accept")
    db.session.refresh(m)
    assert m.status == "accepted" and m.accepted_at is not None
    assert [x.id for x in svc.active_pairs_for(db.session, boris.id)] == [m.id]
    client.post("/logout")
    login(client, ana.email)
    home = client.get("/").get_data(as_text=True)
    assert 'id="home-matching"' in home and "Boris Ivanov" in home
    assert "Why you were matched" in home and "can help with" in home


def test_reject_then_rerun_never_repeats_pair_and_flags_unmatched(
    client, login, coordinator, ana, boris
):
    p = _programme(ana, boris)
    login(client, coordinator.email)
    client.post(f"/matching/programmes/{p.id}/run")
    (m,) = _matches(p)
    client.post(f"/matching/matches/{m.id}/reject")
    client.post(f"/matching/programmes/{p.id}/run")
    open_ = [x for x in _matches(p) if x.status != "rejected"]
    assert open_ == []
    page = client.get(f"/matching/programmes/{p.id}").get_data(as_text=True)
    assert "Without a partner (2)" in page
    assert "no partner without a conflict" in page


def test_locked_and_accepted_are_kept_when_rerunning(client, login, coordinator, ana, boris):
    chen, dora = _cohort(ana, boris)
    p = _programme(ana, boris, chen, dora)
    login(client, coordinator.email)
    client.post(f"/matching/programmes/{p.id}/run")
    first, second = sorted(_matches(p), key=lambda m: m.id)
    client.post(f"/matching/matches/{first.id}/lock")
    client.post(f"/matching/matches/{second.id}/accept")
    client.post(f"/matching/programmes/{p.id}/run")
    after = _matches(p)
    assert {m.id for m in after} == {first.id, second.id}
    db.session.refresh(first)
    assert first.locked and first.status == "suggested"


def test_swap_partners_rescores_and_locks(client, login, coordinator, ana, boris):
    chen, dora = _cohort(ana, boris)
    p = _programme(ana, boris, chen, dora)
    login(client, coordinator.email)
    client.post(f"/matching/programmes/{p.id}/run")
    one, two = sorted(_matches(p), key=lambda m: m.id)
    before = {frozenset(_names(one)), frozenset(_names(two))}
    client.post(f"/matching/matches/{one.id}/swap", data={"other": two.id})
    db.session.refresh(one)
    db.session.refresh(two)
    after = {frozenset(_names(one)), frozenset(_names(two))}
    assert after != before and one.locked and two.locked
    assert all(len(m.members) == 2 for m in (one, two))
    assert one.reasons and two.reasons


def test_pair_by_hand_preview_and_create(client, hx, login, coordinator, ana, boris):
    chen, dora = _cohort(ana, boris)
    p = _programme(ana, boris, chen, dora)
    login(hx, coordinator.email)
    frag = hx.get(f"/matching/programmes/{p.id}/preview?a={ana.id}&b={boris.id}")
    text = frag.get_data(as_text=True)
    assert text.lstrip().startswith('<div id="match-preview"') and "Score" in text
    assert "can help with" in text
    ana.profile.avoid_ids = [chen.id]
    db.session.commit()
    warn = hx.get(f"/matching/programmes/{p.id}/preview?a={ana.id}&b={chen.id}")
    assert "asked not to be matched with" in warn.get_data(as_text=True)
    resp = hx.post(f"/matching/programmes/{p.id}/pair", data={"a": ana.id, "b": dora.id})
    assert "Pair created and locked" in resp.get_data(as_text=True)
    (m,) = _matches(p)
    assert _names(m) == {"Ana Petrova", "Dora Weber"} and m.locked


def test_accept_all_and_settings_validation(client, login, coordinator, ana, boris):
    p = _programme(ana, boris)
    login(client, coordinator.email)
    bad = client.post(f"/matching/programmes/{p.id}/settings", data={"w_complementarity": "x"})
    assert bad.status_code == 422 and "Enter a number from 0 to 1." in bad.get_data(as_text=True)
    form = {f"w_{k}": "0.5" for k in svc.WEIGHT_LABELS} | {"separate_departments": "1"}
    client.post(f"/matching/programmes/{p.id}/settings", data=form)
    db.session.refresh(p)
    assert p.settings["weights"]["level"] == 0.5 and p.settings["separate_departments"] is True
    client.post(f"/matching/programmes/{p.id}/run")
    client.post(f"/matching/programmes/{p.id}/accept-all")
    assert [m.status for m in _matches(p)] == ["accepted"]


def test_opted_out_is_listed_not_matched(client, login, coordinator, ana, boris):
    boris.profile.opt_in = False
    db.session.commit()
    p = _programme(ana, boris)
    login(client, coordinator.email)
    client.post(f"/matching/programmes/{p.id}/run")
    assert _matches(p) == []
    page = client.get(f"/matching/programmes/{p.id}").get_data(as_text=True)
    assert "opted out of matching" in page


def test_participants_cannot_review(client, login, ana):
    p = _programme(ana)
    login(client, ana.email)
    assert client.get(f"/matching/programmes/{p.id}").status_code == 403
    assert client.post(f"/matching/programmes/{p.id}/run").status_code == 403


def test_new_round_does_not_pair_earlier_partners(client, login, coordinator, ana, boris):
    chen, dora = _cohort(ana, boris)
    p = _programme(ana, boris, chen, dora)
    login(client, coordinator.email)
    client.post(f"/matching/programmes/{p.id}/run")
    client.post(f"/matching/programmes/{p.id}/accept-all")
    first = {frozenset(_names(m)) for m in _matches(p)}
    client.post(f"/matching/programmes/{p.id}/new-round")
    client.post(f"/matching/programmes/{p.id}/run")
    second = [m for m in _matches(p) if m.round == 2]
    assert second and not {frozenset(_names(m)) for m in second} & first
    page = client.get(f"/matching/programmes/{p.id}").get_data(as_text=True)
    assert "round 2" in page
