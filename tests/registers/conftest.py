"""Shared fixtures of the register tests: a small register."""

from __future__ import annotations

import pytest
from regtools import org, person, place

from tei_tools.registers import Register


@pytest.fixture
def register() -> Register:
    return Register.of([
        person("p.puzanov", "Aleksandr Mikhailovich Puzanov", surname="Puzanov",
               forename="Aleksandr Mikhailovich"),
        person("p.kim-il-sung", "Kim Il Sung", "Kim Ir Sen", "Kim Il-sung", surname="Kim",
               forename="Il Sung", surname_first=True, viaf="108235077"),
        person("p.gromyko", "Andrei Andreyevich Gromyko", "Gromyko", surname="Gromyko",
               forename="Andrei Andreyevich"),
        person("p.ivanov-v", "Vasily Ivanov", surname="Ivanov", forename="Vasily"),
        person("p.ivanov-p", "Pyotr Ivanov", surname="Ivanov", forename="Pyotr"),
        person("p.zhou-enlai", "Zhou Enlai"),
        place("pl.moscow", "Moscow", geonames="524901"),
        place("pl.pyongyang", "Pyongyang", "P'yŏngyang"),
        org("o.ussr-mfa", "Ministry of Foreign Affairs of the USSR", "USSR MFA"),
    ])
