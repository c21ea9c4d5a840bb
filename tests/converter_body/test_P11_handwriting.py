"""§7 P11: variants of the handwriting label (B21, A.8)."""

from __future__ import annotations

from bodytools import build, xml

PROSE = "This sentence is long enough to be a paragraph of the body, it says: "


def test_P11_handwriting_partly_off_the_page_label():
    body, _ = build(PROSE + "x.\n[handwriting partly off the page: to Cde. Samsonov for the "
                    "information on trade]")
    s = xml(body.div)
    assert '<note type="resolution" place="margin" hand="#h.1">' in s
    assert ('<note type="desc" place="inline" resp="#tr">handwriting partly off the page:'
            '</note>') in s


def test_P11_handwritten_text_label():
    body, _ = build(PROSE + "the plan [Handwritten text: agreed] was sent.")
    s = xml(body.div)
    assert '<add hand="#h.1">' in s and 'resp="#tr">Handwritten text:</note>' in s
    assert "<supplied" not in s


def test_P11_handwriting_in_pencil_label():
    body, _ = build(PROSE + "x.\n[Handwriting in pencil: Seen]")
    assert 'resp="#tr">Handwriting in pencil:</note>' in xml(body.div)


HEAD_PROSE = "I received the Deputy Minister of Fisheries at his request and we spoke for an hour."


def test_P11_quoted_handwriting_whose_opening_line_was_lost():
    body, ctx = build('SECRET\n"to Cde. [[S. V. Ledovskikh?]] for the survey of the talks.\n'
                      '3 May 1963 [[illegible signature]]"]\n21 April 1963\n' + HEAD_PROSE)
    s = xml(body.div)
    assert '<opener><seg type="classification" ana="#cls.s">SECRET</seg>' \
           '<note type="resolution" place="margin" hand="#h.1" rend="unopened">"to Cde. ' in s
    assert 'illegible signature</desc></gap>"</note>' in s
    assert "stray-bracket" not in s
    assert "TX301" in [d.code for d in ctx.diagnostics]


def test_P11_quote_closed_by_bracket_in_the_body_stays_a_stray_bracket():
    body, _ = build(HEAD_PROSE + '\n"to Cde. Ledovskikh for the survey."]\n' + HEAD_PROSE)
    s = xml(body.div)
    assert 'rend="unopened"' not in s and 'type="stray-bracket"' in s



def test_P11_label_only_handwriting_with_the_colon_inside_takes_the_rest_of_the_line():
    body, _ = build(HEAD_PROSE + "\n[Handwritten text:] Pass to Comrade Gomułka, 5 March\n"
                    + HEAD_PROSE)
    s = xml(body.div)
    assert ('rend="label-only"><note type="desc" place="inline" resp="#tr">Handwritten text:'
            '</note> Pass to Comrade Gomułka, ') in s


def test_P11_label_only_handwriting_alone_takes_the_short_lines_under_it():
    body, _ = build(HEAD_PROSE + "\n[Handwritten]:\nThe memo is used…\nin file N 412\n"
                    "(illegible signature)\nAttachment […] Nº 2209s\n" + HEAD_PROSE)
    s = xml(body.div)
    assert ('<note type="handwritten" hand="#h.1" rend="label-only"><note type="desc" '
            'place="inline" resp="#tr">Handwritten</note>:<lb/>The memo is used…<lb/>in file N '
            '412<lb/>(illegible signature)</note>') in s
    assert "Attachment" not in s.split("</note>")[-2]


def test_P11_handwriting_label_with_its_content_inside_is_no_label_only_bracket():
    body, _ = build(HEAD_PROSE + "\n[Handwritten: Seen] and filed.\n" + HEAD_PROSE)
    assert "label-only" not in xml(body.div)


def test_P11_double_bracket_used_as_a_handwriting_label():
    body, ctx = build(HEAD_PROSE + "\n[[Handwriting in pencil,\npartly cut off]:\nZor[in?]…\n"
                      "for the survey ]]\n" + HEAD_PROSE)
    s = xml(body.div)
    assert ('<note type="handwritten" hand="#h.1" rend="single-close"><note type="desc" '
            'place="inline" resp="#tr">Handwriting in pencil,<lb/>partly cut off</note>:<lb/>'
            '<expan>Zor<ex resp="#tr">in?</ex></expan>…<lb/>for the survey </note>') in s
    assert "stray-bracket" not in s
    assert "TX301" not in [d.code for d in ctx.diagnostics]


def test_P11_double_bracket_label_without_its_closing_pair_stays_as_it_was():
    body, _ = build(HEAD_PROSE + "\n[[Handwriting in pencil]:\nSeen.\n" + HEAD_PROSE)
    assert 'rend="single-close"><note type="desc"' not in xml(body.div)
