"""Planted identifiers and contact numbers: well-formed, and fictional by construction.

NHS numbers carry a valid modulus-11 check digit (the one check-digit function in the repo: the
generator makes numbers with it and scripts/build_sample_data.py checks the sample's with it). Phone
numbers come from Ofcom's drama ranges, which are never allocated to a real line. National Insurance
prefixes avoid the letters and pairs HMRC never issues. Every maker takes the generator's one
random.Random, so a seed gives the same values.
"""
from __future__ import annotations

import random
import re

# Ofcom drama ranges: (area code without the 0, local part before the last three digits)
PHONE_RANGES = [("113", "496 0"), ("161", "496 0"), ("20", "7946 0"), ("1632", "960")]
NI_FIRST, NI_SECOND = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
NI_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
REF_LETTERS = "BCDFGHJKLMNPRSTVWXZ"  # no vowels: invented prefixes never spell a word or a keep term


def nhs_check_digit(nine: str) -> int | None:
    """The NHS number modulus-11 check digit of nine digits, or None when no valid number exists (remainder 10)."""
    check = (11 - sum(int(d) * (10 - i) for i, d in enumerate(nine)) % 11) % 11
    return None if check == 10 else check


def is_nhs_number(text: str) -> bool:
    """Ten digits (spaces or hyphens between groups allowed) whose last is the check digit of the first nine."""
    digits = re.sub(r"[ -]", "", text)
    return len(digits) == 10 and digits.isdigit() and nhs_check_digit(digits[:9]) == int(digits[9])


def nhs_number(rng: random.Random) -> str:
    """"943 476 5919", "9434765919" or "943-476-5919", with a valid check digit."""
    while (check := nhs_check_digit(nine := str(rng.randint(400_000_000, 799_999_999)))) is None:
        pass
    s = f"{nine}{check}"
    return rng.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}-{s[3:6]}-{s[6:]}"])


def phone(rng: random.Random) -> str:
    """A UK number in an Ofcom drama range, in one of several common formats."""
    x = f"{rng.randint(0, 999):03d}"
    code, local = rng.choice(PHONE_RANGES)
    return rng.choice([f"07700 900{x}", f"07700900{x}", f"+44 7700 900{x}", f"+44 (0)7700 900{x}",
                       f"(0{code}) {local}{x}", f"0{code} {local}{x}", f"+44 {code} {local}{x}"])


def ni_number(rng: random.Random) -> str:
    """A well-formed National Insurance number, spaced ("PW 73 15 08 D") or not."""
    while (prefix := rng.choice(NI_FIRST) + rng.choice(NI_SECOND)) in NI_BANNED:
        pass
    d, suffix = f"{rng.randint(0, 999999):06d}", rng.choice("ABCD")
    return f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}" if rng.random() < .5 else f"{prefix}{d}{suffix}"


def case_ref(rng: random.Random) -> str:
    """An invented case reference: "CF-204817", "BCD 12345", "REF/2023/0456", "KLM/4821/07"."""
    letters = "".join(rng.choice(REF_LETTERS) for _ in range(3))
    return rng.choice([f"{letters[:2]}-{rng.randint(100000, 999999)}", f"{letters} {rng.randint(10000, 99999)}",
                       f"REF/{rng.randint(2019, 2024)}/{rng.randint(1, 9999):04d}",
                       f"{letters}/{rng.randint(1000, 9999)}/{rng.randint(10, 99)}"])


def swe_number(rng: random.Random) -> str:
    """A Social Work England registration number: "SW" and six digits."""
    return f"SW{rng.randint(100000, 999999)}"


# template slot -> (gold type, maker, family) for the values that need no context
VALUES = {"phone": ("CONTACT", phone, "contact.phone"), "nhs": ("ID", nhs_number, "id.nhs"),
          "ni": ("ID", ni_number, "id.ni"), "ref": ("ID", case_ref, "id.case_ref"),
          "swe": ("ID", swe_number, "id.swe")}
