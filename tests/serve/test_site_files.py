"""Only files inside the site folder are served: no traversal, no hidden files, no symlinks
out."""

from __future__ import annotations

import os

import pytest

from tei_tools.serve.site_files import MISSING, Found, folder_stamp, resolve, stamp


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "documents").mkdir(parents=True)
    (root / "index.html").write_text("<p>home</p>")
    (root / "documents" / "a b.html").write_text("<p>a</p>")
    (root / ".tei-tools-build.json").write_text("{}")
    (tmp_path / "secret.txt").write_text("not part of the site")
    return root.resolve()


def test_files_and_folders(site):
    assert resolve(site, "/") == Found(file=site / "index.html")
    assert resolve(site, "/index.html?x=1#top") == Found(file=site / "index.html")
    assert resolve(site, "/documents/a%20b.html").file == site / "documents" / "a b.html"
    assert resolve(site, "/documents") == Found(redirect="/documents/")
    assert resolve(site, "/documents?q=1") == Found(redirect="/documents/?q=1")
    assert resolve(site, "/documents/") == Found()  # a folder without index.html
    assert resolve(site, "/nothing.html") == Found()


@pytest.mark.parametrize("url", [
    "/../secret.txt", "/documents/../../secret.txt", "/%2e%2e/secret.txt",
    "/documents/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt",
    "/.tei-tools-build.json", "/documents/./a%20b.html", "/index.html%00.png", "index.html",
])
def test_nothing_outside_the_site_and_no_hidden_files(site, url):
    assert resolve(site, url) == Found()


def test_redirect_cannot_point_to_another_host(site):
    (site / "example.com").mkdir()
    for url in ("//example.com", "///example.com", "/.//example.com"):
        assert not (resolve(site, url).redirect or "").startswith("//"), url
    assert resolve(site, "///example.com").redirect == "/example.com/"


def test_symbolic_links_out_of_the_site_are_refused(site, tmp_path):
    os.symlink(tmp_path / "secret.txt", site / "secret.txt")
    os.symlink(tmp_path, site / "up")
    os.symlink(site / "index.html", site / "home.html")  # a link inside the site is fine
    assert resolve(site, "/secret.txt") == Found()
    assert resolve(site, "/up/secret.txt") == Found()
    assert resolve(site, "/up/") == Found()
    assert resolve(site, "/home.html") == Found(file=site / "index.html")


def test_stamps_change_when_the_file_does(site):
    page = site / "index.html"
    before = stamp(page)
    assert before != MISSING and stamp(None) == MISSING and stamp(site / "x") == MISSING
    os.utime(page, ns=(1, 2))
    assert stamp(page) != before
    assets = site / "assets"
    empty = folder_stamp(assets)
    assets.mkdir()
    (assets / "site.css").write_text("body{}")
    first = folder_stamp(assets)
    assert first != empty and folder_stamp(assets) == first
    (assets / "site.css").write_text("body{color:red}")
    assert folder_stamp(assets) != first
