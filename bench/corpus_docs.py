"""The five document families of the synthetic corpus: journal, telegram, memcon, report, letter.

Each builder fills ``Doc.lines`` with the document text (no page template) for conventions.md
§4 layouts: journal entries (L6), telegram headers (L8), memcon fields and speakers (L9, L10),
roman sections and numbered paragraphs (L13, L14), letters with salutation and dateline (L18).
"""

from __future__ import annotations

import random

from corpus_text import (
    ENVOYS,
    MONTHS,
    PEOPLE,
    POSTS,
    ROMAN,
    Doc,
    distribution,
    footnoted,
    handwriting,
    paragraph,
    registry,
    signature,
    stamp,
)


def _size(rng: random.Random) -> int:
    """Paragraph count: mostly short documents, a long tail of long ones (up to ~120)."""
    roll = rng.random()
    if roll < 0.6:
        return rng.randint(2, 8)
    if roll < 0.93:
        return rng.randint(9, 30)
    return rng.randint(31, 120)


def _phenomena(rng: random.Random) -> dict[str, float]:
    return {key: rng.uniform(0, high) for key, high in
            [("supplied", 0.5), ("romanised", 0.3), ("acronym", 0.2), ("term", 0.1),
             ("query", 0.1), ("sic", 0.05), ("omission", 0.15)]}


def _head(rng: random.Random, doc: Doc) -> list[str]:
    lines = [rng.choice(["TOP SECRET", "SECRET", "Strictly secret", "Secret"])]
    if rng.random() < 0.6:
        lines.append(f"{registry(rng)} Copy Nº {rng.randint(1, 5)}")
        lines.append(doc.body_date)
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        lines += stamp(rng, doc)
    if rng.random() < 0.3:
        lines.append(handwriting(rng, doc))
    return lines


def _closing(rng: random.Random, doc: Doc, envoy: str, office: str) -> list[str]:
    lines = signature(rng, envoy, office)
    if rng.random() < 0.6:
        lines += distribution(rng)
    if rng.random() < 0.3:
        lines += [registry(rng), doc.body_date]
    return lines


def journal(rng: random.Random, doc: Doc) -> None:
    city, country, nation = rng.choice(POSTS)
    envoy = rng.choice(ENVOYS)
    entries = rng.randint(1, 6)
    first = max(1, doc.day - entries * 2)
    doc.title = (f"Journal of {nation} Ambassador to the {country} {envoy} "
                 f"for {first}-{doc.day} {MONTHS[doc.month - 1]} {doc.year}")
    doc.doc_type = "Diary Entry"
    doc.summary = f"{envoy.split()[-1]} records conversations in {city} on {entries} days."
    lines = _head(rng, doc)
    lines += ["JOURNAL", f"of {nation} Ambassador to the {country} {envoy.upper()}",
              f"for the period {first} through {doc.day} {MONTHS[doc.month - 1]} {doc.year}",
              city]
    phen = _phenomena(rng)
    per_entry = max(1, _size(rng) // entries)
    for e in range(entries):
        lines.append(f"{min(28, first + 2 * e)} {MONTHS[doc.month - 1]} {doc.year}")
        lines += [paragraph(rng, phen) for _ in range(per_entry)]
        if rng.random() < 0.2:
            lines.append("[…]")
    lines += _closing(rng, doc, envoy, f"{nation.upper()} AMBASSADOR IN THE {country}")
    doc.lines = lines


def telegram(rng: random.Random, doc: Doc) -> None:
    city, country, nation = rng.choice(POSTS)
    sender = rng.choice(ENVOYS).split()[-1]
    doc.title = f"Ciphered Telegram, {sender} to Moscow, on {rng.choice(PEOPLE)}'s Proposals"
    doc.doc_type = "Telegram"
    doc.summary = f"{sender} reports from {city} on a conversation about the current situation."
    rom = ROMAN[doc.month - 1]
    yy = str(doc.year)[2:]
    lines = [rng.choice(["Strictly secret", "TOP SECRET"]), "Making copies is forbidden",
             f"CIPHERED TELEGRAM Nº {rng.randint(100, 9999)}/sh",
             f"From {city.upper()} Sent {doc.day}.{rom}.{yy} at 21 hours 40 minutes",
             f"Received in Moscow {doc.day}.{rom}.{yy} at 23 hours 15 minutes",
             f"Deciphered by Kovaleva {doc.day}.{rom}.{yy} at 23:50"]
    phen = _phenomena(rng)
    lines.append(paragraph(rng, phen))
    lines += [f"{i}) {paragraph(rng, phen)}" for i in range(1, _size(rng) + 1)]
    if rng.random() < 0.4:
        lines = footnoted(rng, lines)
    lines += [" ".join(sender.upper()), f"{doc.day}.{rom}.{yy}"]
    if rng.random() < 0.4:
        lines += distribution(rng)
    doc.lines = lines


def memcon(rng: random.Random, doc: Doc) -> None:
    envoy = rng.choice(ENVOYS)
    city, country, nation = rng.choice(POSTS)
    other = rng.choice(PEOPLE)
    doc.title = (f"Record of Conversation between {nation} Ambassador {envoy} and {other}, "
                 f"{doc.body_date}")
    doc.doc_type = "Memorandum of Conversation"
    doc.summary = f"{other} informs {envoy.split()[-1]} about the proposals of his government."
    lines = _head(rng, doc)
    lines += ["RECORD OF CONVERSATION", f"of {nation} Ambassador {envoy} with {other}",
              f"Time: {doc.body_date}, 16:00-17:45", f"Location: {other}'s office, {city}",
              f"Present: Cde. {rng.choice(PEOPLE)}, Minister of Foreign Affairs",
              f"Subject: {rng.choice(['the visit', 'trade', 'the situation in the region'])}"]
    phen = _phenomena(rng)
    speakers = [other, envoy.split()[-1]]
    for turn in range(_size(rng)):
        who = speakers[turn % 2]
        if rng.random() < 0.15:
            lines += [f"{who}:", paragraph(rng, phen)]
        else:
            lines.append(f"{who}: {paragraph(rng, phen)}")
    lines.append(f"Recorded by {rng.choice(ENVOYS)}")
    lines += _closing(rng, doc, envoy, f"{nation.upper()} AMBASSADOR IN THE {country}")
    doc.lines = lines


def report(rng: random.Random, doc: Doc) -> None:
    city, country, nation = rng.choice(POSTS)
    doc.title = f"Report, {nation} Embassy in {city}, on the Situation in the {country}"
    doc.doc_type = "Report"
    doc.summary = f"The {nation} Embassy in {city} reviews the political and economic situation."
    lines = [f"Embassy of the {nation} People's Republic", f"in {city}",
             f"Nr 0-{doc.month * 7}/{str(doc.year)[2:]}", f"{city}, {doc.body_date}",
             rng.choice(["Secret", "Confidential"])]
    if rng.random() < 0.4:
        lines += stamp(rng, doc)
    lines += ["Report", f"on the situation in the {country}"]
    phen = _phenomena(rng)
    size = _size(rng)
    sections = rng.randint(1, 4)
    for s in range(sections):
        lines.append(f"{ROMAN[s]}. {rng.choice(['Political', 'Economic', 'Foreign'])} situation")
        lines += [f"{i}) {paragraph(rng, phen)}" for i in range(1, max(2, size // sections) + 1)]
        if rng.random() < 0.3:
            lines += ["- " + paragraph(rng, phen).rstrip(".") + ";" for _ in range(2)]
    if rng.random() < 0.3:
        lines.append("[Editor's note: The report was received in the Ministry a week later.]")
    lines += ["Ambassador", f"(-) {rng.choice(ENVOYS)}"]
    if rng.random() < 0.5:
        lines.append(handwriting(rng, doc))
    doc.lines = lines


def letter(rng: random.Random, doc: Doc) -> None:
    city, country, nation = rng.choice(POSTS)
    envoy = rng.choice(ENVOYS)
    addressee = rng.choice(PEOPLE)
    doc.title = f"Letter from {nation} Ambassador {envoy} to {addressee}"
    doc.doc_type = "Letter"
    doc.summary = f"{envoy.split()[-1]} writes to {addressee} about {rng.choice(['aid', 'trade'])}."
    lines = [f"EMBASSY OF THE {nation.upper()} PEOPLE'S REPUBLIC - {city.upper()}",
             registry(rng), f"{city}, {doc.body_date}", f"TO COMRADE {addressee.upper()}",
             "Dear Comrade,"]
    phen = _phenomena(rng)
    paragraphs = [paragraph(rng, phen) for _ in range(_size(rng))]
    lines += footnoted(rng, paragraphs) if rng.random() < 0.3 else paragraphs
    lines += ["With respect,", "Ambassador: [signature]", f"({envoy})"]
    if rng.random() < 0.4:
        lines.append("[Stamp: \"Declassified, Commission under Art. 9 of the Law on Access\"]")
    if rng.random() < 0.3:
        lines += ["Attachment: list of equipment, on 2 pages."]
    doc.lines = lines


KINDS = {"journal": journal, "telegram": telegram, "memcon": memcon, "report": report,
         "letter": letter}
