"""The rendered-corpus cache (make_corpus.render_cache): files come back byte for byte, and any change to what
decides their bytes renders into a new folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.resume import make_corpus
from tests.resume.make_corpus import corpus, render_cache
from tests.resume.make_resumes import FONT_PATH

LAYOUTS = ["bilingual_pdf", "photo_skewed", "zhilian_docx"]


@pytest.fixture()
def font():
    if not Path(FONT_PATH).is_file():
        pytest.skip(f"Chinese font {FONT_PATH} missing: apt-get install fonts-wqy-zenhei")


def test_a_cached_corpus_is_the_rendered_one(tmp_path, font, monkeypatch):
    folder = render_cache(tmp_path)
    fresh = corpus(LAYOUTS, per_layout=1)
    first = corpus(LAYOUTS, per_layout=1, cache=folder)  # renders and stores
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{i.case_id}.{i.fmt}" for i in fresh)
    monkeypatch.setattr(make_corpus, "_render", lambda *_: pytest.fail("rendered although cached"))
    again = corpus(LAYOUTS, per_layout=1, cache=folder)  # reads back
    for new, stored, read in zip(fresh, first, again):
        assert new.case_id == stored.case_id == read.case_id
        assert stored.data == read.data and read.expected == new.expected and read.sensitive == new.sensitive
        if new.fmt != "docx":  # python-docx stamps the creation time into the package
            assert read.data == new.data


def test_another_generator_renders_into_another_folder(tmp_path, monkeypatch):
    folder = render_cache(tmp_path)
    (folder / "x.text_pdf").write_bytes(b"old")
    assert render_cache(tmp_path) == folder  # the same generator: the same folder, kept
    import importlib.metadata

    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0-other" if name == "fpdf2" else real(name))
    other = render_cache(tmp_path)
    assert other != folder and not folder.exists() and list(other.iterdir()) == []
