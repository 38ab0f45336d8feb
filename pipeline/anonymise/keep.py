"""Terms that look like names to NER but are not personal data in these logs.

National bodies, frameworks, platforms, days and months, job titles and
social-work shorthand must survive: removing them makes the logs useless to
evaluators (over-redaction). Users add their own through [anonymise] keep_terms.
"""
from __future__ import annotations

import re

from pipeline.anonymise.phrases import PhraseIndex

BUILT_IN_KEEP_TERMS = """
Social Work England|SWE|Skills for Care|Ofsted|BASW|British Association of Social Workers
Department for Education|DfE|Department of Health and Social Care|DHSC|Department of Health
ASYE|PCF|KSS|Professional Capabilities Framework|Knowledge and Skills Statement|Knowledge and Skills Statements
NQSW|NQSWs|NQSW's|CQC|Care Quality Commission|Research in Practice|Frontline|Think Ahead|Step Up
HCPC|SCIE|NICE|ADASS|ADCS|LGA|Local Government Association|NHS|NHS England|ILACS|CPD|SMAL|ALS
Teams|Microsoft Teams|MS Teams|Zoom|Webex|Cisco Webex|BlueJeans|Blue Jeans|Google Meet|Skype|WhatsApp
Outlook|SharePoint|OneDrive|Padlet|Jamboard|Miro|Mentimeter|Microsoft|Google|Forms|MS Forms|Google Forms
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday
January|February|March|April|May|June|July|August|September|October|November|December
Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec
Christmas|Easter|New Year|Covid|COVID-19|Covid-19|lockdown|Brexit
s.47|s47|section 47|s.17|s17|section 17|CIN|CP|CP plan|LAC|LAC review|CLA|DoLS|LPS|MCA|MASH|EHCP|IRO
PLO|ICPC|RCPC|PEP|CAMHS|SEND|DBS|GP|A&E|AMHP|BIA|CHC|EHC|CAF|TAF|EHA|SGO|CSE|CCE|FGC|UASC
practice educator|team manager|principal social worker|PSW|service manager|head of service
social worker|senior practitioner|assessor|workforce lead|practice lead|registered manager|DCS|DASS
Gibbs|Kolb|Schön|Schon|Revans|Munro|Signs of Safety|Restorative Practice
ALS|Action Learning Set|Action Learning Sets|Set|IT|HR|UK|England|English|British
NI|NI number|NINO|National Insurance|National Insurance number|NHS number|NHS no
EAP|Employee Assistance Programme|Occupational Health|OH|Meet
MDT|CBT|DBT|ICT|OT|SALT|CSC|ASC|TAC|DSL|SENCO|SEN|ADHD|ASD|PTSD|GCSE|BBC|NHS Trust|CEO|PDF|CV|OK|FAQ|ASAP|GDPR|ICO
MP|PM|AM|TV|RAG|KPI|SMART|QA|CPS|YOT|YJS|MARAC|MAPPA|IDVA|DV|DA|SW|SWs|LA|LAs|ICB|CCG|PCN
""".strip()

_NORMALISE = re.compile(r"[\s\-_]+")


def normalise_term(text: str) -> str:
    text = text.replace("’", "'").strip(" \t\n.,;:!?\"()[]")
    text = re.sub(r"^(?:the|our|my|their|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"'s$", "", text)
    return _NORMALISE.sub(" ", text).casefold()


class KeepTerms:
    """Case-insensitive set of protected terms; a span made only of them is kept."""

    def __init__(self, extra: list[str] | None = None) -> None:
        terms = [t for line in BUILT_IN_KEEP_TERMS.splitlines() for t in line.split("|")]
        terms += list(extra or [])
        self._terms = {normalise_term(t) for t in terms if t.strip()}
        self._phrases = PhraseIndex()
        for term in terms:
            if " " in term.strip():
                self._phrases.add(term.strip(), True)

    def protected_spans(self, text: str) -> list[tuple[int, int]]:
        """Where multi-word kept terms stand in `text` ("Google Meet", "Skills for Care")."""
        return [(m.start, m.end) for m in self._phrases.find(text)]

    def __contains__(self, span_text: str) -> bool:
        return normalise_term(span_text) in self._terms

    def covers(self, span_text: str) -> bool:
        """True when every word of the span is itself a kept term ("ASYE PCF", "Teams Zoom")."""
        if span_text in self:
            return True
        parts = split_list(span_text)
        return bool(parts) and all(text in self for _, _, text in parts)


def split_list(span_text: str) -> list[tuple[int, int, str]]:
    """Parts of a span that lists several names: "Skills for Care and Ofsted" -> two parts."""
    parts, start = [], 0
    for separator in re.finditer(r"\s*(?:,|/|&|\band\b)\s*", span_text):
        parts.append((start, separator.start(), span_text[start:separator.start()]))
        start = separator.end()
    parts.append((start, len(span_text), span_text[start:]))
    return [(s, e, t) for s, e, t in parts if t.strip()]
