"""The UI speaks English and Bulgarian."""

import re
from pathlib import Path

from companion.db import db

CATALOGUE = Path(__file__).parent.parent / "companion/translations/bg/LC_MESSAGES/messages.po"


def test_accept_language_bg_gives_bulgarian_login(client):
    page = client.get("/login", headers={"Accept-Language": "bg,en;q=0.5"}).get_data(as_text=True)
    assert 'lang="bg"' in page
    assert "Вход" in page


def test_accept_language_en_gives_english(client):
    page = client.get("/login", headers={"Accept-Language": "en-GB"}).get_data(as_text=True)
    assert 'lang="en"' in page and "Sign in" in page


def test_user_setting_beats_accept_language(client, ana, login):
    login(client, "ana@example.com")
    client.post("/language", data={"lang": "bg", "next": "/"})
    db.session.refresh(ana)
    assert ana.locale == "bg"
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'lang="bg"' in page and "Здравейте, Ana" in page


def test_switcher_works_before_sign_in(client):
    client.post("/language", data={"lang": "bg", "next": "/login"})
    assert "Вход" in client.get("/login").get_data(as_text=True)


def test_bulgarian_catalogue_is_complete():
    text = CATALOGUE.read_text(encoding="utf-8")
    entries = re.findall(
        r'\nmsgid "(.*)"\n((?:msgid_plural .*\n)?(?:msgstr(?:\[\d\])? ".*"\n(?:".*"\n)*)+)', text
    )
    missing = [
        msgid for msgid, strs in entries if msgid and re.search(r'msgstr(\[\d\])? ""\n(?!")', strs)
    ]
    assert not missing, f"{len(missing)} untranslated strings, e.g. {missing[:5]}"
    assert "#, fuzzy" not in text.split("msgid", 2)[-1]
