"""Dutch by default; English through the language switcher."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_are_dutch_by_default(client, work):
    html = client.get(f"/plannen/{work.pk}/").content.decode()
    assert '<html lang="nl">' in html
    assert "Doelstellingen en acties" in html


def test_the_switcher_selects_english_and_back(client, work):
    response = client.post("/i18n/setlang/", {"language": "en", "next": f"/plannen/{work.pk}/"})
    assert response.status_code == 302
    html = client.get(f"/plannen/{work.pk}/").content.decode()
    assert '<html lang="en">' in html
    assert "Goals and actions" in html
    assert '<label for="id_tijd">Timeline</label>' in html
    assert 'value="nl"' in html  # the way back
    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    assert '<html lang="nl">' in client.get("/").content.decode()


def test_import_errors_are_translated_too(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.post(
        "/importeren/", {"document": SimpleUploadedFile("kapot.pdf", b"%PDF-1.4 broken")}
    )
    assert "This file cannot be read" in response.content.decode()


def test_the_english_catalogue_is_complete():
    from pathlib import Path

    import beleidsmonitor.web

    po = (Path(beleidsmonitor.web.__file__).parent / "locale/en/LC_MESSAGES/django.po").read_text()
    entries = po.split("\n\n")[1:]  # the first is the header
    untranslated = [
        e for e in entries if e.rstrip().endswith('msgstr ""') and "msgid_plural" not in e
    ]
    assert untranslated == []
