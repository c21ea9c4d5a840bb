"""The passes that finish a document text once its zones are built, in the order of
``FINISH`` (the way docutils applies its transforms): each takes the :class:`Draft` and may
change the document ``div`` or the facts the header is built from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from .inline import unused_footnote
from .selfcheck import check_body_units
from .state import Env
from .tei import TEI_NS as TEI
from .zones import Zones


@dataclass
class Draft:
    """A document text whose zones are built: what the finishing passes read and change."""

    div: etree._Element          # div[@type='document']
    env: Env
    plan: Zones
    subtype: str | None          # from the trailer's Type (M11), if any
    caption_kind: str | None     # the document kind the head zone's captions name (A.4)


def place_unused_footnotes(draft: Draft) -> None:
    """B9: a footnote text without a marker goes to the end of the last body paragraph."""
    env, div = draft.env, draft.div
    paras = list(div.iter(f"{{{TEI}}}p"))
    for n, note in env.footnotes.items():
        if note.used:
            continue
        env.ctx.emit("TX331", **env.where(note.pos), number=n)
        # without a paragraph the note stands at the end of the div (model.global): a new p
        # there could follow a closer, which TEI does not allow
        (paras[-1] if paras else div).append(unused_footnote(n, env, note.rend))


def report_closing_lines_in_body(draft: Draft) -> None:
    """TX450: closing-zone lines the zones left in the body are reported, never silent."""
    check_body_units((u for seg in draft.plan.segments for u in seg.body), draft.env.ctx)


def decide_subtype(draft: Draft) -> None:
    """A.4: without a trailer type the caption decides, else a salutation makes a letter."""
    if draft.subtype is not None:
        return
    if draft.caption_kind and draft.env.facts.caption_subtype:
        draft.div.set("subtype", draft.env.facts.caption_subtype)
    elif not draft.caption_kind and draft.div.find(f".//{{{TEI}}}salute") is not None:
        draft.div.set("subtype", "letter")


def collect_correspondence(draft: Draft) -> None:
    """L8, L27: the telegram fields and addressee lines give the header's correspDesc."""
    draft.env.facts.correspondence = draft.env.corresp.element()


def record_caption_kind(draft: Draft) -> None:
    """A.4: the header's text class falls back on the captions' document kind."""
    if draft.env.facts.caption_subtype is None and draft.caption_kind:
        draft.env.facts.caption_subtype = draft.caption_kind


# (name, pass), applied in this order
FINISH: tuple[tuple[str, Callable[[Draft], None]], ...] = (
    ("B9-unused-footnotes", place_unused_footnotes),
    ("TX450-closing-lines-in-body", report_closing_lines_in_body),
    ("A.4-subtype", decide_subtype),
    ("L8-correspondence", collect_correspondence),
    ("A.4-caption-kind", record_caption_kind),
)


def finish(draft: Draft) -> None:
    for _name, apply in FINISH:
        apply(draft)


__all__ = ["FINISH", "Draft", "finish"]
