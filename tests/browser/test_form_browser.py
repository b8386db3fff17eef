"""The web form that replaces the fiche, in Chromium: its file passes `site-gen validate`."""

from __future__ import annotations

import base64
from io import BytesIO
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from site_gen.validate import load_practices
from site_gen.vocab import Vocabularies
from support import camera_photo, write_practices

pytestmark = pytest.mark.browser


def open_form(page, sample_site):
    page.goto(sample_site + "contribute/form/")
    page.locator(".sg-form__fields").wait_for(state="visible")


def fill_a_practice(page) -> None:
    page.fill("#sg-f-title", "Buurtbemiddeling: buren lossen samen conflicten op")
    page.fill("#sg-f-summary", "Vrijwillige bemiddelaars helpen buren een conflict samen op te lossen, # zonder rechter.")
    page.select_option("#sg-f-language", "nl")
    page.fill("#sg-f-year", "2022")
    page.fill("#sg-f-countries", "be, Nederland")
    page.check('input[name="topics"][value="mediation-and-conflict-resolution"]')
    page.check('input[name="topics"][value="neighbourhood"]')
    page.check('input[name="beleidsdomeinen"][value="welzijn"]')
    page.fill("#sg-f-cities", "Leuven\nHeverlee")
    page.fill("#sg-f-partners", "Vrijwilligers: 12\nOCMW Leuven")
    page.fill("#sg-f-contact-name", "Dienst Buurtbemiddeling")
    page.fill("#sg-f-contact-email", "bemiddeling@example.be")
    page.fill("#sg-f-documents", "Jaarverslag 2023 | https://example.org/verslag.pdf")
    page.fill("#sg-f-period-start", "2022")
    page.select_option("#sg-f-status", "ongoing")
    page.fill("#sg-f-body-0", "De stad leidt vrijwilligers op tot bemiddelaar.\n\n- neutraal\n- luisteren")
    page.fill("#sg-f-body-1", "Snel reageren werkt.")


def test_the_form_makes_a_file_that_validates(page, sample_site, tmp_path):
    open_form(page, sample_site)
    fill_a_practice(page)
    assert page.locator(".sg-form__status").inner_text() == "Alles is in orde: download het bestand of open een voorstel."
    text = page.evaluate("window.sgForm.text()")
    slug = page.input_value("#sg-f-slug")
    assert slug == "buurtbemiddeling-buren-lossen-samen-conflicten-op"
    write_practices(tmp_path / "practices", {f"{slug}.md": text})
    practices, problems = load_practices(tmp_path / "practices", Vocabularies.load(), tmp_path)
    assert [p.format() for p in problems] == []
    [practice] = practices
    assert practice.title == "Buurtbemiddeling: buren lossen samen conflicten op"
    assert practice.countries == ["BE", "NL"] and practice.topics == ["mediation-and-conflict-resolution", "neighbourhood"]
    assert practice.partners == ["Vrijwilligers: 12", "OCMW Leuven"]
    assert practice.documents == [{"title": "Jaarverslag 2023", "url": "https://example.org/verslag.pdf"}]
    assert practice.period == {"start": 2022} and practice.status == "ongoing"
    assert "## Beschrijving" in practice.body and "## Succesfactoren" in practice.body and "## Uitdagingen" not in practice.body
    download = page.locator(".sg-form__download")
    assert download.get_attribute("download") == f"{slug}.md" and download.get_attribute("href").startswith("blob:")
    github = urlsplit(page.locator(".sg-form__github").get_attribute("href"))
    assert github.netloc == "github.com" and github.path.endswith("/new/main/practices")
    assert parse_qs(github.query) == {"filename": [f"{slug}.md"], "value": [text]}
    assert page.errors == [] and all(u.startswith(sample_site) or u.startswith("blob:") for u in page.requests)


def test_mistakes_show_at_the_field_as_you_type(page, sample_site):
    open_form(page, sample_site)
    fill_a_practice(page)
    page.fill("#sg-f-year", "3000")
    page.fill("#sg-f-countries", "BE, Atlantis")
    page.fill("#sg-f-title", "")
    assert page.locator("#sg-f-year-error").inner_text() == f"Geef een jaar van 1945 tot {__import__('datetime').date.today().year + 1}."
    assert page.locator("#sg-f-year").get_attribute("aria-invalid") == "true"
    assert page.locator("#sg-f-countries-error").inner_text() == "Onbekend land: Atlantis. Gebruik een code zoals BE."
    assert page.locator("#sg-f-title-error").inner_text() == "Dit veld is verplicht."
    assert page.locator(".sg-form__status").inner_text() == "Nog 4 fout(en) om te verbeteren:"  # and the file name, made from the title
    page.locator(".sg-form__download").click(force=True)  # aria-disabled: refused: focus goes to the list of mistakes
    assert page.evaluate("document.activeElement.closest('.sg-form__problems') !== null")


def test_enter_in_a_field_shows_every_mistake_then_the_file(page, sample_site):
    """The form has a submit button (Enter submits): it shows all mistakes, not only those typed in."""
    open_form(page, sample_site)
    assert page.locator('.sg-form__fields button[type="submit"]').inner_text() == "Controleer en toon het bestand"
    page.fill("#sg-f-title", "Buurtbemiddeling")
    page.press("#sg-f-title", "Enter")
    assert page.locator("#sg-f-summary-error").inner_text() == "Dit veld is verplicht."  # untouched, shown now
    assert page.evaluate("document.activeElement.closest('.sg-form__problems') !== null")
    fill_a_practice(page)
    page.press("#sg-f-year", "Enter")
    assert page.evaluate("document.activeElement.id") == "sg-form-output-title"
    assert page.url.endswith("contribute/form/") and page.errors == []  # nothing was sent anywhere


def test_the_section_headings_follow_the_practice_language(page, sample_site):
    open_form(page, sample_site)
    page.select_option("#sg-f-language", "fr")
    assert page.locator("label[for=sg-f-body-1]").inner_text() == "Facteurs de réussite"


def test_a_long_practice_is_offered_as_an_upload_never_as_a_link_github_refuses(page, sample_site):
    open_form(page, sample_site)
    fill_a_practice(page)
    short = page.locator(".sg-form__github")
    assert "/new/main/practices?" in short.get_attribute("href") and page.locator(".sg-form__long").is_hidden()
    words = " ".join(f"bemiddeling{n % 97} helpt buren" for n in range(500))  # 1,500 words
    page.fill("#sg-f-body-0", words)
    links = page.locator("a[href]").evaluate_all("as => as.map(a => a.href)")
    assert max(len(h) for h in links) <= 8000
    github = page.locator(".sg-form__github")
    assert github.get_attribute("href") == "https://github.com/example/praktijkendatabank/upload/main/practices"
    assert github.inner_text() == "Uploaden op GitHub"
    assert "te lang" in page.locator(".sg-form__long").inner_text() and page.locator(".sg-form__long").is_visible()
    assert page.locator(".sg-form__download").get_attribute("href").startswith("blob:")  # the file to upload
    mail = page.locator(".sg-form__mail")
    assert mail.inner_text() == "Geen GitHub-account? Mail het gedownloade bestand naar praktijken@example.org."
    assert mail.locator("a").get_attribute("href") == "mailto:praktijken@example.org"


def test_a_file_name_already_taken_is_refused(page, sample_site):
    open_form(page, sample_site)
    fill_a_practice(page)
    page.fill("#sg-f-slug", "gent-praktijktesten-huurmarkt")  # a sample practice
    page.locator(".sg-form__download").click(force=True)  # refused: the mistakes show
    assert page.locator("#sg-f-slug-error").inner_text().startswith("Er is al een praktijk met deze bestandsnaam")
    assert page.locator(".sg-form__status").inner_text() == "Nog 1 fout(en) om te verbeteren:"


def test_a_photo_makes_the_practice_a_folder_for_the_upload_page(page, sample_site, tmp_path):
    original = tmp_path / "IMG 2041.jpg"
    original.write_bytes(camera_photo())  # 4800 × 3600, over 5 MB, with the camera's metadata
    assert original.stat().st_size > 5_000_000
    open_form(page, sample_site)
    fill_a_practice(page)
    assert page.locator(".sg-form__photo-shown").is_hidden()  # alt, credit, consent: asked once there is a photo
    page.set_input_files("#sg-f-image", str(original))
    preview = page.locator(".sg-form__preview img")
    preview.wait_for(state="visible")
    assert page.locator(".sg-form__preview figcaption").inner_text().startswith("2400 × 1800 pixels")
    assert page.locator(".sg-form__status").inner_text() == "Nog 3 fout(en) om te verbeteren:"  # alt, credit, consent
    page.fill("#sg-f-image-alt", "Twee buren en een bemiddelaar aan een keukentafel.")
    assert preview.get_attribute("alt") == "Twee buren en een bemiddelaar aan een keukentafel."
    page.fill("#sg-f-image-credit", "Foto: Stad Leuven")
    page.locator(".sg-form__github").click(force=True)  # refused: no consent yet
    assert page.locator("#sg-f-image-consent-error").inner_text().startswith("Zonder toestemming")
    page.check("#sg-f-image-consent")
    assert page.locator(".sg-form__status").inner_text() == "Alles is in orde: download het bestand of open een voorstel."

    slug = page.input_value("#sg-f-slug")
    github = page.locator(".sg-form__github")
    assert github.get_attribute("href") == f"https://github.com/example/praktijkendatabank/upload/main/practices/{slug}"
    assert github.inner_text() == "Uploaden op GitHub"
    assert f"practices/{slug}/" in page.locator(".sg-form__folder").inner_text()
    assert page.locator(".sg-form__download").get_attribute("download") == "index.md"
    photo_link = page.locator(".sg-form__photo-download")
    assert photo_link.get_attribute("download") == "photo.jpg" and photo_link.is_visible()
    assert page.locator(".sg-form__mail").inner_text().startswith("Geen GitHub-account? Mail index.md en de foto")
    links = page.locator("a[href]").evaluate_all("as => as.map(a => a.href)")
    assert max(len(h) for h in links) <= 8000

    # The two files, as the contributor downloads them, make a practice that validates.
    photo = base64.b64decode(page.evaluate("""async () => {
      const blob = (await window.sgForm.photo()).blob;  // what the photo link downloads
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = ''; for (const b of bytes) text += String.fromCharCode(b);
      return btoa(text);
    }"""))
    assert page.evaluate("window.sgForm.photo().then(p => p.url)") == photo_link.get_attribute("href")
    assert len(photo) < 3_000_000  # under the size validation warns about (a real photo: far less than this noise)
    with Image.open(BytesIO(photo)) as image:
        assert image.format == "JPEG" and image.size == (2400, 1800)
        assert 0x010F not in image.getexif()  # the camera's make is gone
    write_practices(tmp_path / "practices", {f"{slug}/index.md": page.evaluate("window.sgForm.text()"), f"{slug}/photo.jpg": photo})
    practices, problems = load_practices(tmp_path / "practices", Vocabularies.load(), tmp_path)
    assert [p.format() for p in problems] == []
    assert practices[0].image == {"src": "photo.jpg", "alt": "Twee buren en een bemiddelaar aan een keukentafel.",
                                  "credit": "Foto: Stad Leuven", "consent": True}

    page.locator(".sg-form__photo-remove").click()  # back to a single file
    assert page.locator(".sg-form__download").get_attribute("download") == f"{slug}.md"
    assert "/new/main/practices?" in github.get_attribute("href") and "image:" not in page.evaluate("window.sgForm.text()")
    assert page.errors == []


def test_a_file_that_is_no_photo_is_refused(page, sample_site, tmp_path):
    document = tmp_path / "fiche.pdf"
    document.write_bytes(b"%PDF-1.4 not a photo")
    open_form(page, sample_site)
    page.set_input_files("#sg-f-image", str(document))
    assert page.locator("#sg-f-image-error").inner_text() == "Kies een foto in JPEG, PNG of WebP."
