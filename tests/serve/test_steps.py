"""The preview's build steps: what a build's report, or its failure, becomes on the page."""

from __future__ import annotations

import pytest

import tei_tools
from tei_tools.serve.steps import build_steps, summarise


def test_summaries_say_what_was_redone():
    assert summarise({"convert": [], "validate": [], "html": []}) == "nothing changed"
    assert summarise({"convert": ["transcripts/a.txt"], "validate": ["transcripts/a.txt"],
                      "html": ["transcripts/a.txt", "(collection)"], "pdf": []}) == \
        "convert 1, validate 1, html 1 + collection pages"
    assert summarise({"convert": ["a"]}, stopped_at="validate") == \
        "build stopped: validate failed; nothing new was published"


def test_an_edition_without_documents_fails_with_the_builds_own_error(tmp_path):
    (tmp_path / "edition.toml").write_text('title = "T"\n')
    [site] = build_steps(tmp_path, tmp_path / "_site")
    outcome = site()
    assert not outcome.ok
    assert [d.code for d in outcome.errors] == ["BLD002"]


def test_pdf_asks_for_a_second_step(tmp_path):
    assert len(build_steps(tmp_path, tmp_path / "_site", pdf=True)) == 2


@pytest.mark.parametrize(("raised", "code"), [
    (RuntimeError("stage broke"), "SRV003"),
    (PermissionError(13, "Permission denied", "/site/index.html"), "IO003"),
])
def test_unexpected_failures_become_errors_on_the_page(tmp_path, monkeypatch, raised, code):
    def build_edition(*args, **kwargs):  # stands in for a stage with a bug / a full disk
        raise raised

    monkeypatch.setattr(tei_tools, "build_edition", build_edition)
    [site] = build_steps(tmp_path, tmp_path / "_site")
    outcome = site()
    assert not outcome.ok and [d.code for d in outcome.errors] == [code]
    if code == "SRV003":
        assert outcome.errors[0].message == \
            "internal error while rebuilding: RuntimeError: stage broke"
    else:
        assert outcome.errors[0].path == "/site/index.html"


def test_an_interrupted_build_is_not_an_error(tmp_path, monkeypatch):
    def build_edition(*args, **kwargs):
        raise KeyboardInterrupt  # re-raised from a worker that Ctrl-C reached

    monkeypatch.setattr(tei_tools, "build_edition", build_edition)
    [site] = build_steps(tmp_path, tmp_path / "_site")
    outcome = site()
    assert not outcome.ok and outcome.errors == () and outcome.summary == "interrupted"
