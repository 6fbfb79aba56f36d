"""The PDF edition: printed by Chromium from the built site, whole, typeset, readable.

It takes Chromium about half a minute, so it runs under CI (CI=true) and with KB_TEST_PDF=1; a
plain `make test` skips it, saying so. Screenshots of two of its pages go to the test artifacts."""

from __future__ import annotations

import os
import re
import unicodedata
import shutil
import time
from pathlib import Path

import pytest

from conftest import ARTIFACTS
from kbsite import registry
from kbsite.dev import pdf

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def printed(built_site, tmp_path_factory):
    if not (os.environ.get("CI", "").lower() == "true" or os.environ.get("KB_TEST_PDF") == "1"):
        pytest.skip("the PDF is printed under CI=true or KB_TEST_PDF=1 (about half a minute)")
    if not Path(pdf.CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {pdf.CHROMIUM}", pytrace=False)
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(built_site.path, site)
    start = time.perf_counter()
    pdf.print_pdf(site, site / pdf.NAME, ROOT / "mkdocs.yml")
    pdf.link_from_home(site)
    return site, time.perf_counter() - start


def test_the_pdf_holds_every_concept_typeset(printed):
    import pypdf
    import pypdfium2

    site, seconds = printed
    path = site / pdf.NAME
    reader = pypdf.PdfReader(path)
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    size = path.stat().st_size
    print(f"\nPDF: {len(pages)} pages, {size / 1e6:.1f} MB, printed in {seconds:.0f} s")
    assert size < 30e6, f"the PDF is {size / 1e6:.1f} MB"
    concepts = registry.load(ROOT / "docs").concepts
    # The text layer splits runs where the font changes (Latin to CJK) and at line ends, and the
    # CJK font maps a few glyphs to their radical code points (一 read back as ⼀, 贝 as ⻉): compare
    # without whitespace, after NFKC, with a radical accepted for a CJK character.
    flat = "".join(unicodedata.normalize("NFKC", text).split())

    def printed(term: str) -> bool:
        pattern = "".join(f"(?:{re.escape(ch)}|[\u2e80-\u2fdf])" if "\u4e00" <= ch <= "\u9fff" else re.escape(ch)
                          for ch in "".join(term.split()))
        return re.search(pattern, flat) is not None

    missing = [c.id for c in concepts if not printed(c.en) or not all(printed(t) for t in c.zh_terms)]
    assert not missing, f"concept headings missing from the PDF: {missing}"
    for raw in ("\\frac", "$$", "\\(", "\\sum"):
        assert raw not in text, f"raw LaTeX in the PDF: {raw}"
    assert reader.outline, "the PDF has no outline (bookmarks)"
    assert 'href="deep-learning-notes.pdf"' in (site / "index.html").read_text(encoding="utf-8")
    # two pages to look at: one with math and a figure, one with Chinese terms
    document = pypdfium2.PdfDocument(str(path))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    def drawn(index: int) -> int:  # how many vector paths a page draws: a figure draws hundreds
        return sum(1 for obj in document[index].get_objects() if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH)

    with_math = [i for i, t in enumerate(pages[:120]) if any(sign in t for sign in "∑∂∇")]
    math = max(with_math, key=drawn)  # a figure draws the most vector paths
    chinese = next(i for i, t in enumerate(pages) if "鞍点" in t and "Saddle point" in t)
    for name, index in (("math", math), ("chinese", chinese)):
        document[index].render(scale=1.5).to_pil().save(ARTIFACTS / f"pdf-page-{name}.png")
