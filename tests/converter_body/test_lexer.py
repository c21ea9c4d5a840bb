"""§3.1 lexer: L-1 e-mail artefact, L-2 double brackets, token positions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tei_tools.readers.transcript.body.lexer import (
    CLOSE,
    EMAIL,
    NEWLINE,
    OPEN,
    OPEN2,
    TEXT,
    tokenize,
)


def kinds(text: str) -> list[str]:
    return [t.kind for t in tokenize(text)]


def test_B28_email_artefact_is_one_token():
    assert kinds("contact [email protected].") == [TEXT, EMAIL, TEXT]
    assert kinds("at [email\u00a0protected]") == [TEXT, EMAIL]


def test_B13_double_bracket_opens_once():
    assert kinds("0412[[6]]s") == [TEXT, OPEN2, TEXT, CLOSE, CLOSE, TEXT]


def test_L2_triple_bracket_is_single_then_double():
    assert kinds("[[[x]]]") == [OPEN, OPEN2, TEXT, CLOSE, CLOSE, CLOSE]


def test_single_brackets_and_newlines():
    assert kinds("a [b]\nc]") == [TEXT, OPEN, TEXT, CLOSE, NEWLINE, TEXT, CLOSE]


def test_positions_are_offsets():
    toks = tokenize("ab[cd]")
    assert [(t.start, t.end) for t in toks] == [(0, 2), (2, 3), (3, 5), (5, 6)]


ALPHABET = st.sampled_from(list("ab [] \n[[]]x") + ["[email protected]", "\u00a0", "…"])


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_property_tokens_reproduce_the_input(text):
    toks = tokenize(text)
    assert "".join(t.text for t in toks) == text
    pos = 0
    for t in toks:
        assert t.start == pos and text[t.start:t.end] == t.text
        pos = t.end
