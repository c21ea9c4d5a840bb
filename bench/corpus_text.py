"""Invented document texts for the synthetic benchmark corpus (see generate_corpus.py).

Everything here is made up: names, numbers, citations. Each ``*_body`` function returns the
lines of one document's text (head zone, body, closing zone) in the conventions of
/work/shared/conventions.md; the page template around them is added by generate_corpus.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

PEOPLE = ["Nam Il", "Kim Il Sung", "Pak Ui-wan", "Ri Jong-ok", "Zhou Enlai", "Chen Yi",
          "Zhang Wentian", "Le Duan", "Pham Van Dong", "Choe Yong-geon", "Kim Chang-man",
          "Xuan Thuy", "Hoang Van Thanh", "Pak Seong-cheol", "Ri Ju-yeon", "Liu Xiao"]
ROMANISED = {"Pak Ui-wan": "Pak Ui Wan", "Ri Jong-ok": "Ri Jong Ok", "Ri Ju-yeon": "Ri Ju Yeon",
             "Choe Yong-geon": "Choe Yong Gon", "Pak Seong-cheol": "Pak Song Chol",
             "Kim Chang-man": "Kim Chang Man"}
ENVOYS = ["A. M. Puzanov", "V. I. Ivanov", "P. F. Yudin", "S. V. Chervonenko", "I. S. Shcherbakov",
          "N. Petrov", "J. Kovacs", "T. Korsak", "K. Novak", "D. Popa"]
POSTS = [("Pyongyang", "DPRK", "Soviet"), ("Beijing", "PRC", "Soviet"),
         ("Hanoi", "DRV", "Polish"), ("Pyongyang", "DPRK", "Hungarian"),
         ("Hanoi", "DRV", "Bulgarian"), ("Pyongyang", "DPRK", "Czechoslovak"),
         ("Beijing", "PRC", "Romanian")]
TOPICS = ["the five-year plan", "deliveries of equipment", "the visit of a party delegation",
          "the repair of the railway bridges", "the exchange of students", "the harvest campaign",
          "the talks in Paris", "the situation at the front", "trade negotiations",
          "the training of specialists", "the preparations for the party congress",
          "relations with the neighbouring countries", "the supply of grain to the towns"]
VERBS = ["informed", "told", "assured", "asked", "reminded", "warned"]
ACRONYMS = [("KWP", "Korean Workers' Party"), ("CPV", "Chinese People's Volunteers"),
            ("NLF", "National Liberation Front"), ("KPA", "Korean People's Army")]
TERMS = ["referentura", "jaryeok gaengsaeng", "renmin gongshe", "spravka"]
TRANSLATORS = ["Gary Goldberg", "Irina Belkova", "Mark Ellison", "Piotr Zaremba",
               "Elena Marchetti", "Ioana Dragomir", "Lucas Halvorsen", "Nikolai Streltsov"]
DEPARTMENTS = ["Far East Department", "First Far East Department", "General Department",
               "Department II", "Secretariat of the Minister"]


@dataclass
class Doc:
    """What the page template needs to know about one invented document."""

    kind: str
    title: str
    summary: str
    doc_type: str  # trailer Type value (M11)
    day: int
    month: int
    year: int
    lines: list[str] = field(default_factory=list)

    @property
    def date_line(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.day}, {self.year}"

    @property
    def body_date(self) -> str:
        return f"{self.day} {MONTHS[self.month - 1]} {self.year}"


def sentence(rng: random.Random, phenomena: dict[str, float]) -> str:
    """One invented sentence, with editorial brackets sprinkled in at the given rates."""
    a, b = rng.sample(PEOPLE, 2)
    topic = rng.choice(TOPICS)
    name = a
    if a in ROMANISED and rng.random() < phenomena.get("romanised", 0.1):
        name = f"{a} [{ROMANISED[a]}]"  # B5
    obj = "me"
    if rng.random() < phenomena.get("supplied", 0.3):
        obj = rng.choice(["[me]", "[us]", "[them]"])  # B1
    text = f"{name} {rng.choice(VERBS)} {obj} about {topic}"
    if rng.random() < 0.5:
        text += f" and said that {b} would raise the matter {rng.choice(['again', 'officially'])}"
        if rng.random() < phenomena.get("supplied", 0.3):
            text += " [in Moscow]"  # B2
    if rng.random() < phenomena.get("acronym", 0.1):
        short, long = rng.choice(ACRONYMS)
        text += f"; the {short} [{long}] was informed"  # B7
    if rng.random() < phenomena.get("term", 0.05):
        text += f" (the so-called [{rng.choice(TERMS)}])"  # B8
    if rng.random() < phenomena.get("query", 0.05):
        text += " [?]"  # B12
    if rng.random() < phenomena.get("sic", 0.03):
        text += " on the the [sic] same day"  # B10
    if rng.random() < phenomena.get("omission", 0.08):
        text += " […]"  # B15
    return text + "."


def paragraph(rng: random.Random, phenomena: dict[str, float]) -> str:
    return " ".join(sentence(rng, phenomena) for _ in range(rng.randint(1, 5)))


def registry(rng: random.Random) -> str:
    return f"Nº {rng.randint(10, 999)}"


def stamp(rng: random.Random, doc: Doc) -> list[str]:
    """A multi-line stamp bracket (B18, B26)."""
    label = rng.choice(["USSR MFA Stamp:", "stamp:", "CPSU CC stamp:", "faded stamp:"])
    return [f"[{label}", rng.choice(DEPARTMENTS),
            f"Incoming Nº {rng.randint(1000, 9999)}s",
            f"{min(28, doc.day + rng.randint(1, 9))} {MONTHS[doc.month - 1]} {doc.year}]"]


def handwriting(rng: random.Random, doc: Doc) -> str:
    """A handwritten annotation (B21) or an illegible one (B16)."""
    if rng.random() < 0.3:
        return "[handwriting; illegible]"
    who = rng.choice(["Cde. Kurdyukov", "Cde. Fedorenko", "the Department", "file"])
    return f"[handwritten: to {who} for information. {doc.day}.{ROMAN[doc.month - 1]}]"


def distribution(rng: random.Random) -> list[str]:
    """A distribution list (L20)."""
    names = rng.sample(["Cde. Gromyko", "Cde. Fedorenko", "Cde. Kurdyukov", "Cde. Solodovnikov",
                        "Cde. Lavrentiev", "Cde. Tugarinov"], rng.randint(2, 4))
    count = len(names) + 1
    words = ["Two", "Three", "Four", "Five"]
    lines = [f"{words[count - 2]} copies printed:"]
    lines += [f"{i} - {n}" for i, n in enumerate(names, 1)]
    lines.append(f"{count} - to file")
    return lines


def signature(rng: random.Random, envoy: str, office: str) -> list[str]:
    """A signature block (B17, L19)."""
    surname = envoy.split()[-1].upper()
    initials = " ".join(envoy.split()[:-1])
    if rng.random() < 0.5:
        return [office, "[signature]", f"({initials} {surname})"]
    return [f"{office} [signature] /{initials[0]}. {surname}/"]


def footnoted(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """Footnote markers word[1] in the text and their texts after a separator (B9)."""
    notes = []
    for i in range(min(len(paragraphs), rng.randint(1, 3))):
        paragraphs[i] = paragraphs[i].replace(" about ", f" about[{i + 1}] ", 1)
        if "[" + str(i + 1) + "]" in paragraphs[i]:
            notes.append(f"[{i + 1}] The archival copy gives a different date for this meeting.")
    return paragraphs + (["——————", *notes] if notes else [])
