"""Content of the bundled sample programme (data/sample/), used by build_sample_data.py.

Everything here is invented: the people, organisations, places, phone numbers
(Ofcom drama ranges), NHS numbers (valid check digit, computed below), National
Insurance numbers, case references and dates of birth. PII lists every personal
value planted in the text or the metadata; the builder checks that each one is
really present and records where, in data/sample_planted_pii.json.
"""
from __future__ import annotations


def nhs_number(first_nine: str) -> str:
    """A well-formed NHS number: nine digits plus the modulus-11 check digit, as "999 999 9999"."""
    digits = [int(c) for c in first_nine if c.isdigit()]
    check = (11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11) % 11
    if len(digits) != 9 or check == 10:
        raise ValueError(f"{first_nine} cannot take a valid NHS check digit")
    s = "".join(map(str, digits + [check]))
    return f"{s[:3]} {s[3:6]} {s[6:]}"


def P(*paragraphs: str) -> str:
    """A field of several paragraphs (separated by a blank line)."""
    return "\n\n".join(paragraphs)


NHS_MR_H = nhs_number("438 512 906")
NHS_SUNNY = nhs_number("485 214 730")
NHS_WARD = nhs_number("401 775 342")

# Meeting dates: Set A meets on Tuesdays, Set B on Thursdays.
MEETING_DATES = {
    "Set A": ["2024-02-13", "2024-03-12", "2024-04-16", "2024-05-14"],
    "Set B": ["2024-02-22", "2024-03-21", "2024-04-18", "2024-05-23"],
}

# Roles rotate round the set: at meeting m, the member at position i holds ROLES[(i - m + 1) % 6].
ROLES = ["presenter", "timekeeper", "process_caretaker", "observer", "host", "member"]

# key: (set, position, full name, email, organisation, org_type, setting)
MEMBERS = {
    "imogen": ("Set A", 0, "Imogen Faircloth", "i.faircloth@hollinsmere.gov.uk",
               "Hollinsmere Metropolitan Borough Council", "local_authority", "children_families"),
    "delroy": ("Set A", 1, "Delroy Pemberton-Asante", "delroy.pemberton-asante@kingfisherlane.org.uk",
               "Kingfisher Lane Fostering", "fostering_agency", "children_families"),
    "niamh": ("Set A", 2, "Niamh Calloway", "niamh.calloway@ellerdale.nhs.uk",
              "Ellerdale Partnership NHS Foundation Trust", "nhs", "adults"),
    "tomos": ("Set A", 3, "Tomos Rydderch", "tomos.rydderch@stillwateradvocacy.org.uk",
              "Stillwater Disability Advocacy", "charity", "adults"),
    "priyanka": ("Set A", 4, "Priyanka Lodhia", "p.lodhia@oakhangercare.co.uk",
                 "Oakhanger Care Group Ltd", "private_provider", "adults"),
    "benedikt": ("Set A", 5, "Benedikt Krall", "benedikt.krall@wrexley.gov.uk",
                 "Wrexley County Council", "local_authority", "both"),
    "marguerite": ("Set B", 0, "Marguerite Oyelaran", "m.oyelaran@cranmere.gov.uk",
                   "London Borough of Cranmere", "local_authority", "children_families"),
    "fergus": ("Set B", 1, "Fergus Quillinan", "fergus.q@harbourlightfostering.co.uk",
               "Harbourlight Fostering Partnership", "fostering_agency", "children_families"),
    "yusra": ("Set B", 2, "Yusra Haddad", "yusra.haddad@linnethouse.org.uk",
              "Linnet House Trust", "charity", "children_families"),
    "carys": ("Set B", 3, "Carys Penhallow", "carys.penhallow@bramblecote.co.uk",
              "Bramblecote Supported Living Ltd", "private_provider", "adults"),
    "ewan": ("Set B", 4, "Ewan Strachan-Boyd", "ewan.strachan-boyd@northwold.gov.uk",
             "Northwold City Council", "local_authority", "adults"),
    "hester": ("Set B", 5, "Hester Okafor", "h.okafor@pellbrook.ac.uk",
               "Pellbrook Teaching Partnership", "other", "both"),
}

# Every personal value planted anywhere: (value exactly as written, type, note).
# Member names, emails and organisations from MEMBERS are added by the builder.
PII = [
    # set members as they appear in other members' text
    *[(name, "PERSON", "set member, first name only") for name in (
        "Imogen", "Delroy", "Niamh", "Tomos", "Priyanka", "Benedikt",
        "Marguerite", "Fergus", "Yusra", "Carys", "Ewan", "Hester")],
    ("niamh", "PERSON", "set member, lower-case first name"),
    ("imogen.faircloth@hollinsmere.gov.uk", "CONTACT", "a member's old email address"),
    # organisations: short forms, acronyms, a school, a hospital, a team
    ("Hollinsmere", "ORG", "short form"), ("HMBC", "ORG", "acronym"),
    ("Kingfisher Lane", "ORG", "short form"), ("KLF", "ORG", "acronym"),
    ("Ellerdale", "ORG", "short form"), ("EPFT", "ORG", "acronym"),
    ("Stillwater", "ORG", "short form"), ("Oakhanger", "ORG", "short form"),
    ("Wrexley", "ORG", "short form"), ("Cranmere", "ORG", "short form"),
    ("Harbourlight", "ORG", "short form"), ("HFP", "ORG", "acronym"),
    ("Linnet House", "ORG", "short form"), ("Bramblecote", "ORG", "short form"),
    ("Northwold", "ORG", "short form"), ("NCC", "ORG", "acronym"),
    ("Pellbrook", "ORG", "short form"), ("PTP", "ORG", "acronym"),
    ("Fenwick Road Primary School", "ORG", "school"),
    ("St Aldric's Hospital", "ORG", "hospital"),
    ("Tidewater Assessment Team", "ORG", "team name"),
    # NQSWs, children and families
    ("Jasmin Kowalczyk", "PERSON", "NQSW"), ("Jasmin", "PERSON", "first name only; also possessive"),
    ("Kowalczyk", "PERSON", "surname"),
    ("Oscar Lindqvist-Barnes", "PERSON", "NQSW, hyphenated surname"),
    ("Oscar", "PERSON", "first name only; also possessive"),
    ("Lindqvist-Barnes", "PERSON", "hyphenated surname"),
    ("Fintan O'Meara", "PERSON", "NQSW, apostrophe surname"), ("Fintan", "PERSON", "first name only"),
    ("O'Meara", "PERSON", "apostrophe surname"),
    ("Renée Duchâtel", "PERSON", "NQSW, diacritics"),
    ("Renée", "PERSON", "first name with diacritic; also possessive"),
    ("Duchâtel", "PERSON", "surname with diacritic"),
    ("Saskia Thorne", "PERSON", "NQSW"), ("Saskia", "PERSON", "first name only; also possessive"),
    ("Thorne", "PERSON", "surname"),
    ("Marek Zieliński", "PERSON", "NQSW, diacritics"), ("Marek", "PERSON", "first name only"),
    ("Zieliński", "PERSON", "surname with diacritic"),
    ("Kayleigh Pardoe", "PERSON", "NQSW"), ("Kayleigh", "PERSON", "first name only; also possessive"),
    ("Pardoe", "PERSON", "surname"),
    ("Zofia Wójcik", "PERSON", "NQSW, diacritics"), ("Zofia", "PERSON", "first name only; also possessive"),
    ("Wójcik", "PERSON", "surname with diacritic"),
    ("Bethan Lloyd-Price", "PERSON", "NQSW, hyphenated surname"),
    ("Bethan", "PERSON", "first name only; also possessive"),
    ("Lloyd-Price", "PERSON", "hyphenated surname"),
    ("Dominic Fairweather", "PERSON", "NQSW"), ("Dominic", "PERSON", "first name only; also possessive"),
    ("Fairweather", "PERSON", "surname"),
    ("Kayla Brennan", "PERSON", "child"), ("Kayla", "PERSON", "child, first name only"),
    ("Brennan", "PERSON", "surname; also with title Mrs"),
    ("Sunny Halloran", "PERSON", "child whose name is an ordinary word"),
    ("Sunny", "PERSON", "ordinary-word first name, used alone; also possessive"),
    ("Halloran", "PERSON", "surname"),
    ("Callum Redfern", "PERSON", "young person"), ("CALLUM REDFERN", "PERSON", "all-caps name"),
    ("Callum", "PERSON", "first name only"), ("Redfern", "PERSON", "surname"),
    ("Mr H.", "PERSON", "initial with title"),
    ("Abiodun", "PERSON", "surname with title Mrs; also possessive"),
    # places
    ("Garrowby Bridge", "LOCATION", "town"), ("Stainmoor", "LOCATION", "town"),
    ("Wenlow", "LOCATION", "town"), ("Haddlesey Cross", "LOCATION", "town"),
    ("Pennyfield", "LOCATION", "estate"),
    ("42 Cobbold Street", "LOCATION", "street address"), ("17 Marlpit Road", "LOCATION", "street address"),
    ("LS12 4TW", "LOCATION", "postcode"), ("WF3 8HD", "LOCATION", "postcode"), ("M22 5QJ", "LOCATION", "postcode"),
    # contacts
    ("07700 900274", "CONTACT", "mobile"), ("+44 7700 900813", "CONTACT", "mobile, international format"),
    ("07700900615", "CONTACT", "mobile, no spaces"), ("(0113) 496 0357", "CONTACT", "landline, bracketed code"),
    ("0161 496 0942", "CONTACT", "landline"), ("020 7946 0418", "CONTACT", "landline"),
    ("k.pardoe@cranmere.gov.uk", "CONTACT", "NQSW email"),
    ("asye.network@linnethouse.org.uk", "CONTACT", "shared mailbox"),
    # identifiers
    (NHS_MR_H, "ID", "NHS number, valid check digit"), (NHS_SUNNY, "ID", "NHS number, valid check digit"),
    (NHS_WARD, "ID", "NHS number, valid check digit"),
    ("PW 73 15 08 D", "ID", "National Insurance number"), ("JT 48 62 91 B", "ID", "National Insurance number"),
    ("HMB-507316", "ID", "case reference"), ("FOS 60413", "ID", "case reference"),
    ("CR-771045", "ID", "placement reference"), ("SW142087", "ID", "Social Work England registration number"),
    # dates of birth
    ("09/11/2015", "DATE_OF_BIRTH", "DOB 09/11/2015"), ("17/06/2017", "DATE_OF_BIRTH", "DOB 17/06/2017"),
    ("21 August 2009", "DATE_OF_BIRTH", "born 21 August 2009"),
]

PROMPTS = {
    "observer": {"how": "How did the set work today?", "helped": "What helped the set?",
                 "hindered": "What hindered the set?", "feedback": "Feedback I gave to the set"},
    "reflective": {"challenge": "The challenge I brought or worked on",
                   "questions": "Questions that had the most impact on me", "learned": "What I learned",
                   "actions": "Actions I will take", "back": "What I will take back to my organisation"},
    "preparation": {"issue": "The issue I want to bring", "why": "Why it matters",
                    "tried": "What I have tried so far", "want": "What I want from the set"},
}
# The handbook's Word/text templates word the observer prompts a little differently from the form.
DOC_OBSERVER_PROMPTS = {"how": "How the set worked", "helped": "What helped", "hindered": "What hindered",
                        "feedback": "Feedback to the set"}

# out: observer_csv | reflective_xlsx | preparation_csv | docs/<file>. qstyle: how the XLSX lists questions.
# Optional: meta ("kv", "table" or "none") for DOCX; doc_meeting, a wrong meeting number the manifest corrects.
LOGS = [
    # ------------------------------------------------------------------ Set A, meeting 1 (13 Feb)
    dict(id="PS-A101", type="preparation", author="imogen", set="Set A", meeting=1, out="preparation_csv", fields=dict(
        issue=P("I am assessing an NQSW, Jasmin Kowalczyk, who started with us in January and works almost "
                "entirely from home in Garrowby Bridge. Her laptop and desk were delivered to her house, her "
                "induction was on Teams, and I have still not met her in person.",
                "I have to make a judgement at the three-month review in April and I don’t feel I know her "
                "practice at all."),
        why=P("If I can’t evidence her practice against the PCF and KSS, the end-of-year recommendation will rest "
              "on her written work alone. That isn’t fair to her or to the families she works with.",
              "She is also holding a CIN case on the Pennyfield estate that is edging towards a s.47, and I worry "
              "about her carrying that alone at home."),
        tried=P("Weekly Teams check-ins, which she attends with her camera off. I suggested meeting in a café in "
                "Garrowby Bridge, but the team manager said travel is only paid at £0.45 a mile for visits.",
                "I asked her to send me two case notes a week; they arrive on time and are tidy but tell me "
                "little about how she is with families."),
        want="Fresh questions rather than advice, please. I would like help to work out what ‘good enough’ "
             "evidence looks like when I may never observe her face to face.")),
    dict(id="1", type="observer", author="tomos", set="Set A", meeting=1, out="observer_csv", fields=dict(
        how=P("Our first meeting without the workshop facilitator. Priyanka hosted on Zoom, Delroy kept time and "
              "Niamh was process caretaker; Imogen presented her challenge about assessing an NQSW she has never met.",
              "We kept to the structure from the handbook almost step by step: clarifying, the questioning round, "
              "the presenter picking the questions with most impact, then actions. It felt stiff at times but it "
              "held us."),
        helped=P("Niamh reading out each stage before we started it meant no one had to guess what came next. "
                 "Delroy gave a two-minute warning before each step, which stopped the questioning round from "
                 "drifting.",
                 "The question cards from the workshop helped when we went quiet."),
        hindered=P("Niamh could not get into Zoom from her Ellerdale laptop for the first twenty minutes: the trust "
                   "only allows Teams, and she had to phone in on her mobile until IT let the link through. We lost "
                   "the check-in round because of it.",
                   "We also slipped into advice-giving twice, especially about how often supervision should be."),
        feedback="I fed back that we asked lots of thinking questions and very few feeling questions, and that the "
                 "best moment was when Benedikt asked Imogen how it felt to sign off someone she has never met. I "
                 "suggested we agree one platform for the whole year before next month.")),
    dict(id="RL-A101", type="reflective", author="imogen", set="Set A", meeting=1, out="reflective_xlsx",
         qstyle="bullet", fields=dict(
        challenge="I brought the problem of assessing Jasmin remotely: she started in January, has had an entirely "
                  "online induction and we have never been in the same room.",
        questions=["What would you need to see to feel confident recommending a pass?",
                   "How did it feel the first time you realised you had never seen her face?",
                   "Who else sees Jasmin's practice that you could ask?",
                   "What are you prepared to ask of your team manager before April?"],
        learned=P("I had been treating the lack of face-to-face contact as my failing. The questions made me see "
                  "that the gap is in how our service inducts remote starters, not in my assessing.",
                  "Benedikt's question about how it felt caught me off guard, and I was close to tears. The question "
                  "about who else sees her practice opened up options I had not considered, such as the family "
                  "support worker and the designated teacher at Fenwick Road Primary School."),
        actions=P("Book a joint home visit with Jasmin before the March meeting and observe one direct piece of work.",
                  "Ask her to keep her camera on for supervision, and explain why."),
        back="HMBC has no guidance on remote ASYE starters. I will raise this with our principal social worker and "
             "suggest a minimum of in-person contact in the first month.")),
    dict(id="RL-A102", type="reflective", author="niamh", set="Set A", meeting=1, out="reflective_xlsx",
         qstyle="number", fields=dict(
        challenge="I was process caretaker rather than presenter, so I worked on Imogen's challenge and on holding "
                  "the process.",
        questions=["What does 'never met' change about the evidence, and what does it not change?",
                   "What worries you most about the April review?",
                   "What will you do differently in your next check-in with her?"],
        learned=P("Holding the process is harder than I expected while also trying to think about the problem. I "
                  "leant on the handbook template and read each step aloud, which the others said helped.",
                  "I was embarrassed about joining late. Our trust blocks Zoom, and I had to ring in from my mobile "
                  "(07700 900274) until IT let the link through."),
        actions=P("Ask Ellerdale IT for a standing exception for Zoom and Google Meet for the rest of the programme.",
                  "Before next month, draft a one-page process card for the caretaker role."),
        back="We run a monthly practice forum for our AMHP and adult social work staff. I want to try the 'presenter "
             "chooses the questions that had most impact' step there.")),
    dict(id="set-a_m1_reflective", type="reflective", author="benedikt", set="Set A", meeting=1,
         out="docs/set-a_m1_reflective.txt", fields=dict(
        challenge="I did not present this time. I am assessing two NQSWs, one in our adults' locality team in "
                  "Stainmoor and one in the children's disability service, on top of my own caseload, and I expect "
                  "to bring that to a later meeting.",
        questions=["What would be different if you trusted your own judgement here?",
                   "How do you feel about being asked to assess someone you have not met?",
                   "What evidence already exists that you have not yet used?"],
        learned=P("Asking Imogen how it felt was a risk; I thought it might come across as intrusive. It changed the "
                  "room: she slowed down and talked about her own first year.",
                  "I notice I want to rescue people with advice. Holding back a suggestion for the whole questioning "
                  "round was uncomfortable but worth it."),
        actions=P("Try one feeling question in each supervision with my NQSWs this month.",
                  "Send the set the Wrexley remote supervision checklist before the next meeting."),
        back="Wrexley is reviewing its ASYE offer for adults and children together. The set showed me how "
             "differently each agency does it, which is useful for that review.")),
    # ------------------------------------------------------------------ Set A, meeting 2 (12 Mar)
    dict(id="PS-A201", type="preparation", author="delroy", set="Set A", meeting=2, out="preparation_csv", fields=dict(
        issue="I am the only ASYE assessor at Kingfisher Lane Fostering. Our NQSW, Oscar Lindqvist-Barnes, is doing "
              "well with carers, but I have no one to moderate my judgements with, and our paperwork is different "
              "from every local authority we work with.",
        why=P("Oscar’s portfolio will be read by people who don’t know our agency. If my assessment is out of step "
              "with local authorities, it’s Oscar who pays for it.",
              "Our registered manager is supportive in principle but has never assessed an NQSW."),
        tried="I asked the local authority that places most children with us whether I could join their moderation "
              "panel: no reply after two emails. I watched Oscar speak for his carers at a LAC review, and he was "
              "excellent. I have used the Skills for Care materials, and I went back through his work with one "
              "household (FOS 60413), but I’m still unsure.",
        want="Questions that help me think about where else I could get moderation, and whether I am making my "
             "isolation worse by not asking for help inside KLF.")),
    dict(id="2", type="observer", author="priyanka", set="Set A", meeting=2, out="observer_csv", fields=dict(
        how=P("Benedikt hosted on Teams this time and everyone got in, which was a relief after last month. Delroy "
              "presented about being the only assessor at Kingfisher Lane; Niamh kept time and Tomos was process "
              "caretaker.",
              "The set was warmer than in February. People checked in properly and laughed a bit."),
        helped=P("Imogen gave a short update on her actions at the start, which showed the set that actions are "
                 "followed up. Tomos named it when we drifted into advice and brought us back to questions.",
                 "I spoke to niamh afterwards and she said the two-minute warnings made timekeeping easy."),
        hindered=P("Imogen had to leave for twenty minutes because of an urgent call about a child on a CP plan, so "
                   "we were five for the middle section. We also ran ten minutes over because the questioning round "
                   "started late.",
                   "The link was sent only the night before; two people were not sure the meeting was going ahead."),
        feedback="I said that the questions were more open than last time, and that Delroy's choice of questions "
                 "showed how much the isolation is affecting him. I suggested the host sends the link a week ahead, "
                 "and that we agree now who hosts in April.")),
    dict(id="RL-A201", type="reflective", author="delroy", set="Set A", meeting=2, out="reflective_xlsx",
         qstyle="plain", fields=dict(
        challenge="Being the only assessor at KLF and having no one to check my judgements with. Oscar is doing "
                  "well, but I keep doubting whether 'doing well' in a fostering agency looks the same as in a local "
                  "authority.",
        questions=["Who assessed you, and what did they give you that you are missing now?",
                   "What are you afraid will happen if you ask for help inside your agency?",
                   "What would moderation look like if you designed it?",
                   "What will you ask for, and from whom, before we meet in April?"],
        learned=P("I had framed this as an agency with no resources. The question about what I am afraid of showed "
                  "me that I had not actually asked our registered manager for anything specific.",
                  "I also heard that Tomos and Priyanka are on their own too. Isolation is not just my problem; it "
                  "comes with being a small agency."),
        actions=P("Ask our registered manager for half a day a month to moderate with another agency.",
                  "Email Tomos and Priyanka to ask whether we could each read one piece of the others' NQSWs' work."),
        back="KLF should not rely on one person for all its ASYE decisions. I will propose that we buy in a second "
             "opinion at the end of the year, even if it comes from another small agency.")),
    dict(id="reflective_log_set-a_march", type="reflective", author="tomos", set="Set A", meeting=2,
         out="docs/reflective_log_set-a_march.docx", meta="kv", doc_meeting=3, fields=dict(
        challenge="This month I held the process caretaker role and worked on Delroy's challenge about being a lone "
                  "assessor, which is close to my own situation at Stillwater Disability Advocacy.",
        questions=["What is the smallest thing that would make you feel less alone in this?",
                   "How do you know Oscar is doing well?",
                   "What are you willing to give up to make time for moderation?"],
        learned=P("Naming advice-giving out loud worked better than I expected. I said 'that sounds like advice, can "
                  "we turn it into a question?' and nobody minded.",
                  "I realised the set is the only place where I talk to other assessors. At Stillwater I am the only "
                  "registered social worker apart from our chief executive, who qualified twenty years ago. "
                  "Priyanka Lodhia at Oakhanger is in the same position."),
        actions=P("Reply to Delroy about a reading swap by the end of the month.",
                  "Read the Skills for Care guidance on assessing in small organisations before April."),
        back="Our trustees have asked whether we should keep offering an ASYE at all. I want to give them a clearer "
             "picture of what support a lone assessor needs.")),
    dict(id="RL-A202", type="reflective", author="imogen", set="Set A", meeting=2, out="reflective_xlsx",
         qstyle="bullet", fields=dict(
        challenge="I gave an update on my challenge from February about Jasmin, then worked on Delroy's.",
        questions=["What did the joint visit tell you that the check-ins could not?",
                   "How did you feel watching her with the family?",
                   "What will you put in writing for her three-month review?"],
        learned=P("The joint visit last Thursday changed things. I went with Jasmin to see Mrs Brennan at 42 Cobbold "
                  "Street, Garrowby Bridge LS12 4TW, on the Pennyfield estate, and she was calm, clear and kind with "
                  "the mother and with Kayla, who is eight.",
                  "I had been assessing a camera-off version of her. In person she is far more confident than on "
                  "Teams.",
                  "I learned that I cannot outsource the in-person observation; I can only decide how often it "
                  "happens."),
        actions=P("Write up the direct observation against the PCF domains this week (Kayla Brennan, DOB 09/11/2015, "
                  "our ref HMB-507316).",
                  "Agree with Jasmin a monthly in-person supervision in Garrowby Bridge, even if I have to take the "
                  "train."),
        back="I shared the joint visit approach at our team meeting on Monday. Our team manager has agreed that every "
             "NQSW working remotely in Hollinsmere will have at least one in-person supervision a month.")),
    # ------------------------------------------------------------------ Set A, meeting 3 (16 Apr)
    dict(id="preparation_sheet_set-a_m3", type="preparation", author="niamh", set="Set A", meeting=3,
         out="docs/preparation_sheet_set-a_m3.docx", meta="kv", fields=dict(
        issue=P("My NQSW, Fintan O'Meara, writes reflective logs that are purely descriptive. He is thorough, and his "
                "DoLS assessments on the older people's wards at St Aldric's Hospital are timely, but his logs read "
                "like case notes.",
                f"His last log even gave a patient's NHS number ({NHS_WARD}) in full, which tells me he is writing "
                "for the file, not for himself."),
        why=P("Critical reflection is the heart of the ASYE portfolio. If he cannot show how his thinking changes, I "
              "cannot evidence critical reflection and analysis in the PCF, whatever I see on the ward.",
              "He is also the kind of worker who will burn out if he never stops to think about what the work does "
              "to him."),
        tried="I gave him Gibbs's reflective cycle and a model log. He followed the headings exactly and the content "
              "stayed descriptive. In supervision he answers questions about the case, not about himself.",
        want="Help to think about why Fintan finds reflection hard, and about my part in it. I suspect I ask him the "
             "same questions every week.")),
    dict(id="set-a_meeting-3_observer", type="observer", author="benedikt", set="Set A", meeting=3,
         out="docs/set-a_meeting-3_observer.md", fields=dict(
        how=P("Imogen hosted on Teams and sent the link a week ahead, as we agreed in March. Niamh presented on "
              "supporting critical reflection with her NQSW; Tomos kept time and Priyanka was process caretaker.",
              "For the first time we did not read the template aloud. The set moved through the steps on its own "
              "and only checked the handbook once."),
        helped=P("Priyanka's check-in round was short and personal: everyone said one thing about their month. Niamh "
                 "had a preparation sheet ready and shared it on screen, so the clarifying round took five minutes "
                 "instead of fifteen.",
                 "Tomos stopped the clock and asked whether we were still on Niamh's problem when we drifted into "
                 "comparing DoLS backlogs."),
        hindered=P("Delroy's connection dropped twice and his audio was poor; he was on a train. Two questions were "
                   "really advice ('have you tried...?'), and one question was three questions at once.",
                   "We did not leave time to review last month's actions."),
        feedback="I noticed that the feeling questions came late and from the same two people. I suggested that next "
                 "time each of us asks at least one feeling question, and that we start with a five-minute action "
                 "review.")),
    dict(id="RL-A301", type="reflective", author="niamh", set="Set A", meeting=3, out="reflective_xlsx",
         qstyle="number", fields=dict(
        challenge="Supporting my NQSW, Fintan, to move beyond description in his reflective logs.",
        questions=["What do you do with your own uncertainty in supervision?",
                   "When did you last see Fintan reflect, even out loud?",
                   "How does it feel when he hands in another descriptive log?",
                   "What would happen if you wrote a reflective log alongside him?",
                   "What will you try in the next supervision that you have never tried before?"],
        learned=P("The first question stung. I realised I model certainty in supervision: I answer my own questions "
                  "before he has a chance to.",
                  "Fintan does reflect out loud, usually in the car park after ward rounds. The problem may be the log "
                  "format, not his capacity to reflect."),
        actions=P("Record a ten-minute reflective conversation after his next DoLS assessment and let him write the "
                  "log from it.",
                  "Stop offering answers in the first half of supervision."),
        back="Our adult social work team at EPFT uses the same reflective template for all staff. I will suggest to "
             "the practice lead that we add a 'what I am unsure about' prompt.")),
    dict(id="RL-A302", type="reflective", author="priyanka", set="Set A", meeting=3, out="reflective_xlsx",
         qstyle="bullet", fields=dict(
        challenge="I was process caretaker today, and I gave a short update on my own NQSW, who is struggling with "
                  "the volume of reviews in our care homes.",
        questions=["What does Fintan get from writing the log, as he sees it?",
                   "What do you feel when the process slips?",
                   "What are you prepared to let go of as caretaker?"],
        learned=P("I tried too hard to keep us on the template and interrupted Tomos when he was doing exactly what a "
                  "timekeeper should. Being process caretaker is about reminding, not policing.",
                  "My NQSW, Saskia Thorne, is drowning in reviews across our three homes in Wenlow. It helped to hear "
                  "Niamh talk about workload as a reason why reflection disappears."),
        actions=P("Protect one hour a fortnight with Saskia for reflection only, with no case talk.",
                  "Sort out the HR mix-up that has held up Saskia's pay since January: they recorded her National "
                  "Insurance number as PW 73 15 08 D."),
        back="Oakhanger has no ASYE policy; we have had two NQSWs in five years. I will write a short one using what "
             "the set has shared, starting with protected time.")),
    # ------------------------------------------------------------------ Set A, meeting 4 (14 May)
    dict(id="PS-A401", type="preparation", author="tomos", set="Set A", meeting=4, out="preparation_csv", fields=dict(
        issue=P("My NQSW, Renée Duchâtel, set up a support package for Mr H. that worked well: he stayed at home and "
                "his daughter felt listened to. She used the same approach for Mrs Abiodun two weeks later and it "
                "fell apart; the family are angry and have complained.",
                f"(For my own notes: Mr H.’s NHS number is {NHS_MR_H}; Mrs Abiodun lives in Wenlow, M22 5QJ.)"),
        why=P("Renée is now doubting herself, and our manager has started to talk about her ‘capability’. I don’t "
              "think this is about her practice, but I can’t yet say what it is about.",
              "Mrs Abiodun’s daughter has phoned me directly on 0161 496 0942 three times this week."),
        tried="I went through both cases with Renée line by line. The assessments are equally good. The difference "
              "seems to be what happened afterwards: the commissioning panel, the provider and the timing.",
        want="Questions that help me separate a systemic failure from an individual one, and think about how I protect "
             "Renée while the complaint is investigated.")),
    dict(id="3", type="observer", author="imogen", set="Set A", meeting=4, out="observer_csv", fields=dict(
        how=P("Our last meeting in this cycle. Delroy hosted, Priyanka kept time, Benedikt was process caretaker and "
              "Tomos presented on a care package that worked for one person and failed for another. Niamh joined "
              "from the hospital and had to stay off camera.",
              "The set managed itself completely; no one mentioned the template until the end, when we reviewed it."),
        helped=P("We started with the five-minute action review agreed in April, and everyone had done at least one "
                 "action. That made the set feel like it matters.",
                 "Benedikt asked Tomos to draw the timeline of both cases, which moved the conversation from Renée to "
                 "the system around her."),
        hindered=P("Delroy's invitation went to an old address of mine, imogen.faircloth@hollinsmere.gov.uk, which "
                   "our IT closed in January, so I joined five minutes late.",
                   "We still have no one willing to host the next cycle."),
        feedback="I fed back that this was our best questioning round: almost no advice, lots of 'what' and 'how' "
                 "questions, and Tomos chose questions from four different people. I also said that we need to decide "
                 "about hosting before we finish, or the set will not restart in September.")),
    dict(id="RL-A401", type="reflective", author="tomos", set="Set A", meeting=4, out="reflective_xlsx",
         qstyle="number", fields=dict(
        challenge="Why a support package worked for Mr H. and failed for Mrs Abiodun, and how to stop my NQSW carrying "
                  "the blame for a systemic problem.",
        questions=["What changed between the two cases that Renée did not control?",
                   "Who decided the provider for Mrs Abiodun, and when?",
                   "What do you feel you owe Renée in this?",
                   "What will you say to your manager before the complaint meeting?"],
        learned=P("Drawing the two timelines side by side showed the difference straight away: Mrs Abiodun's package "
                  "went through a new commissioning panel that took five weeks, and the provider changed twice. "
                  "Renée's assessment was sound.",
                  "I learned that I need to separate the quality of an NQSW's practice from the outcome of the system "
                  "around it before I write anything about capability."),
        actions=P("Write a short note for my manager showing the two timelines before the complaint meeting next "
                  "Tuesday.",
                  "Talk to Renée Duchâtel about what she wants to say in her own reflective log about this; I want her "
                  "to own the learning, not the blame."),
        back="Stillwater will raise the commissioning delays with the local authority at our contract meeting in June, "
             "with both cases anonymised.")),
    dict(id="reflective_log_set-a_m4", type="reflective", author="benedikt", set="Set A", meeting=4,
         out="docs/reflective_log_set-a_m4.docx", meta="kv", fields=dict(
        challenge="I held the process caretaker role and, at the end, we used the review to look at my own challenge: "
                  "assessing two NQSWs alongside a caseload.",
        questions=["What evidence would tell you that you have taken on too much?",
                   "How are you, really, after this month?",
                   "What will you say no to before September?"],
        learned=P("I had not admitted how tired I am. One of my NQSWs, Marek Zieliński, had a complaint upheld last "
                  "month, and I spent most of May supporting him instead of assessing him.",
                  "The set was more like a team than I expected. Priyanka's comment that we had 'stopped performing "
                  "for each other' is right."),
        actions=P("Ask my team manager to take two cases off my caseload until the end-of-year panels.",
                  "Ring Marek on +44 7700 900813 before his final review to agree a plan."),
        back="Wrexley has agreed to fund set places for two more assessors next year. I will write up what our set "
             "learned about hosting and platforms for them.")),
    dict(id="RL-A402", type="reflective", author="delroy", set="Set A", meeting=4, out="reflective_xlsx",
         qstyle="plain", fields=dict(
        challenge="I was host this month and also gave an update on my moderation plan from March.",
        questions=["What did being host teach you about the set?",
                   "How did you feel when the invitation went wrong?",
                   "What will you do to make sure the set restarts?"],
        learned=P("Hosting is harder than it looks. I spent an afternoon getting the Teams invitation through three "
                  "organisations' spam filters, and I still got one address wrong.",
                  "The moderation swap with Tomos worked. Reading the work of his NQSW made me more confident that "
                  "Oscar is on track, and I said so at Oscar's review last week."),
        actions=P("Send a poll for September dates by the end of next week.",
                  "Share the KLF moderation template with the set."),
        back="Kingfisher Lane's board has agreed to join a small-agency moderation network. Yusra Haddad from the "
             "other set is setting one up, and Tomos put me in touch with her (yusra.haddad@linnethouse.org.uk).")),
    # ------------------------------------------------------------------ Set B, meeting 1 (22 Feb)
    dict(id="PS-B101", type="preparation", author="marguerite", set="Set B", meeting=1,
         out="preparation_csv", fields=dict(
        issue="My NQSW, Kayleigh Pardoe, has had four supervisions cancelled by her team manager since January. I am "
              "her assessor but not her line manager, and the manager does not read my reports.",
        why=P(f"Kayleigh is holding a child protection case that is getting worse: Sunny Halloran (DOB 17/06/2017, NHS "
              f"{NHS_SUNNY}) is on a CP plan after a s.47 in December, and Kayleigh is making decisions about him "
              "with no reflective supervision.",
              "If the ASYE is seen as a tick-box here, Kayleigh’s whole first year will be shaped by that."),
        tried="I emailed the manager twice and raised it informally with the principal social worker, who was "
              "sympathetic but said the team is ‘on its knees’. I offered to cover one supervision myself, which I "
              "know is not a long-term answer.",
        want="I would like the set to help me think about how to engage a manager who is overwhelmed, without going "
             "over her head.")),
    dict(id="4", type="observer", author="carys", set="Set B", meeting=1, out="observer_csv", fields=dict(
        how=P("Our first meeting after the workshop. Ewan hosted on Zoom, Fergus kept time and Yusra was process "
              "caretaker; Marguerite presented about a team manager who keeps cancelling her NQSW's supervision.",
              "We were nervous and over-polite, and the silences were long. But we finished on time and Marguerite "
              "left with two clear actions."),
        helped="Yusra put the steps of the process in the chat at the start so that we could all see them. Fergus was "
               "a firm timekeeper, which helped more than anything.",
        hindered=P("Hester was on a borrowed laptop because Pellbrook's IT would not allow Zoom, and she had no "
                   "camera. "
                   "Ewan's first link did not work and we started fifteen minutes late.",
                   "Several questions were leading: 'don't you think you should escalate?'"),
        feedback="I said that we were kind to each other but careful, and that I would like us to risk more feeling "
                 "questions. I also suggested that we move to Teams, which five of the six organisations allow.")),
    dict(id="RL-B101", type="reflective", author="marguerite", set="Set B", meeting=1, out="reflective_xlsx",
         qstyle="bullet", fields=dict(
        challenge="Engaging a team manager who cancels my NQSW's supervision and does not read my ASYE reports.",
        questions=["What do you think the manager is afraid of?",
                   "How do you feel when you see another cancelled supervision in your diary?",
                   "Whose problem is this, really?",
                   "What will you say to her if you get ten minutes?"],
        learned=P("I had made the manager the villain. The question about what she might be afraid of reminded me "
                  "that her team lost three social workers in the autumn and she is covering a vacancy herself.",
                  "I also saw that I have been protecting Kayleigh by covering supervision, which may be letting the "
                  "organisation off the hook. Last week Sunny's school rang the duty line (020 7946 0418) and it was "
                  "Kayleigh, not her manager, who took the call."),
        actions=P("Ask the manager for a ten-minute conversation, not about the ASYE but about what would make "
                  "supervision possible.",
                  "Keep a simple log of cancelled supervisions for the mid-point review."),
        back="The London Borough of Cranmere has a supervision policy that nobody is held to. I will raise cancelled "
             "ASYE supervision with the principal social worker as a pattern, not a complaint, before Ofsted come back "
             "this year.")),
    dict(id="RL-B102", type="reflective", author="hester", set="Set B", meeting=1, out="reflective_xlsx",
         qstyle="plain", fields=dict(
        challenge="I did not present. I am a practice educator, and my role at Pellbrook is in learning and "
                  "development; I no longer carry a caseload, and I wondered whether I would have anything to offer "
                  "a set of practitioners.",
        questions=["What do you bring that a practising social worker might not?",
                   "How did it feel to ask a question with your camera off?",
                   "What would help you take part fully next time?"],
        learned=P("Nobody minded that I do not carry cases. We share the same commitment to NQSWs and the same "
                  "professional values, and that was enough.",
                  "With no camera I felt half present. I also noticed that Marguerite answered my questions more "
                  "briefly than the others'; I think my questions were too long."),
        actions=P("Ask our IT for access to Zoom and Teams on my work laptop; if not, book a meeting room with a "
                  "working camera.",
                  "Shorten my questions: one idea each."),
        back="PTP supports ASYE assessors in several small agencies. I will share the question types we used "
             "(thinking, feeling, willing) at our next assessor workshop, alongside the BASW supervision guidance.")),
    dict(id="set-b_m1_reflective", type="reflective", author="fergus", set="Set B", meeting=1,
         out="docs/set-b_m1_reflective.md", fields=dict(
        challenge="I kept time and listened to Marguerite's challenge, which is very like the one I am carrying at "
                  "Harbourlight.",
        questions=["What happens to an NQSW when supervision keeps being cancelled?",
                   "How do you feel about covering for the manager?",
                   "What are you willing to stop doing?"],
        learned=P("Keeping time is a way of caring for the set. Giving the two-minute warning felt rude at first; by "
                  "the end people thanked me for it.",
                  "I came away thinking about my own NQSW, Zofia Wójcik, who has had the same thing happen at our "
                  "agency, only less obviously."),
        actions=P("Book Zofia's supervisions for the next three months now and put them in both our diaries.",
                  "Prepare to present next month."),
        back="I will tell our registered manager at HFP what I heard about cancelled supervision: it is a pattern "
             "across agencies, not just ours.")),
    # ------------------------------------------------------------------ Set B, meeting 2 (21 Mar)
    dict(id="set_b_m2_preparation", type="preparation", author="fergus", set="Set B", meeting=2,
         out="docs/set_b_m2_preparation.txt", fields=dict(
        issue=P("Workload and wellbeing, mine and my NQSW's. Last month Zofia supported a placement move in the middle "
                "of the night for a fourteen-year-old, Callum Redfern (born 21 August 2009, placement ref CR-771045), "
                "when his placement broke down. She did it well, and she has not slept properly since.",
                "The emergency duty team's note just said \"CALLUM REDFERN - PLACEMENT ENDED - SEE FILE\". I rang "
                "Zofia at 2 a.m. on her work mobile, 07700900615, and I have not stopped thinking about that call."),
        why=P("I have fifteen fostering households of my own to supervise, and I am Zofia's assessor. When I am "
              "stretched, her supervision is the first thing that slips.",
              "She has said twice that she is 'fine'. I don't believe her, and I don't know how to open that up "
              "without making it about capability."),
        tried="I offered her time off in lieu after that night; she didn't take it. I pointed her to the employee "
              "assistance line and talked to our registered manager, who suggested a wellbeing plan.",
        want="Feeling questions, please. I think I need help to look at what the work is doing to me as well as to "
             "her.")),
    dict(id="observer_log_set-b_m2", type="observer", author="ewan", set="Set B", meeting=2,
         out="docs/observer_log_set-b_m2.docx", meta="table", fields=dict(
        how=P("We moved to Teams as agreed, and Hester hosted from a meeting room at Pellbrook. All six of us were "
              "there with cameras on for the first time. Fergus presented on his own and his NQSW's wellbeing after a "
              "placement breakdown; Yusra kept time and Carys was process caretaker.",
              "The set was noticeably more relaxed than in February."),
        helped=P("Fergus asked for feeling questions in his preparation sheet, so we knew what he wanted from us. "
                 "Carys kept a visible list of the steps on a shared whiteboard.",
                 "Marguerite's update on her action from last month (a ten-minute talk with the team manager) showed "
                 "the set that actions work."),
        hindered=P("At one point three people gave advice in a row about employee assistance programmes. Carys named "
                   "it, but only after the third.",
                   "We ran out of time for a proper round of learning at the end."),
        feedback="I fed back that the feeling questions were the strongest part of the meeting, and that Fergus "
                 "visibly changed when Yusra asked him how he was sleeping. I suggested we protect the last ten "
                 "minutes for learning and for agreeing the next host.")),
    dict(id="RL-B201", type="reflective", author="fergus", set="Set B", meeting=2, out="reflective_xlsx",
         qstyle="number", fields=dict(
        challenge="The effect on me and on my NQSW of a night-time placement breakdown, and how to support her "
                  "wellbeing without making it a capability issue.",
        questions=["How are you sleeping?",
                   "What did that night cost you?",
                   "What would you say to another assessor in your position?",
                   "What will you do this week to look after yourself?"],
        learned=P("I came to talk about Zofia and ended up talking about myself. I had not noticed that I have been "
                  "working most evenings since the placement ended.",
                  "I learned that I can model taking time off. If I keep saying I'm fine, so will she."),
        actions=P("Take the time off in lieu I am owed before the April meeting.",
                  "Have an honest conversation with Zofia about that night, using some of the questions the set "
                  "asked me."),
        back="Harbourlight has no debrief after emergency placement moves. I will propose one to our registered "
             "manager, for carers as well as staff.")),
    dict(id="reflective_log_untitled", type="reflective", author="carys", set="Set B", meeting=2,
         out="docs/reflective_log_untitled.docx", meta="none", fields=dict(
        challenge="I was process caretaker, and I used part of the check-in to flag a problem I will bring in May: my "
                  "NQSW at Bramblecote may not pass.",
        questions=["What do you need from the set when the subject is this heavy?",
                   "How did it feel to name the advice-giving?",
                   "What will you bring in May, and how will you prepare?"],
        learned=P("I waited too long to name the advice-giving. Next time I will name it the first time it happens, "
                  "kindly.",
                  "I realised I have been avoiding my own problem. Dominic Fairweather, my NQSW, is struggling with "
                  "Care Act assessments, and I have been hoping it would go away."),
        actions=P("Gather the evidence I have on Dominic against the KSS for adults before the May meeting.",
                  "Ask Marguerite how she structured her preparation sheet; it worked well."),
        back="Bramblecote uses its own ASYE forms, which no one outside the company has seen. I want to compare them "
             "with the forms the other agencies in the set use.")),
    # ------------------------------------------------------------------ Set B, meeting 3 (18 Apr)
    dict(id="PS-B301", type="preparation", author="yusra", set="Set B", meeting=3, out="preparation_csv", fields=dict(
        issue=P("Linnet House Trust is a small charity with two ASYE assessors: me, and a colleague who is on "
                "long-term "
                "sick leave. I have no one to talk to about assessment decisions, and our NQSW, Bethan Lloyd-Price, is "
                "due her mid-point review.",
                "We have room for a meeting at our office (17 Marlpit Road, Haddlesey Cross WF3 8HD), but everyone "
                "else is at least an hour’s drive away."),
        why=P("I am making judgements alone that affect Bethan’s registration and career. Small charities like ours "
              "take NQSWs because we believe in them, but we are not set up to support assessors.",
              "I know I am not the only one: Delroy in the other set said the same at the workshop."),
        tried="I contacted Skills for Care about networks for small agencies; there isn’t one in our region. I tried "
              "to "
              "join a local authority’s assessor forum, but it is for internal staff only.",
        want="Help to think about whether I should set up something myself, and what it would cost me.")),
    dict(id="5", type="observer", author="hester", set="Set B", meeting=3, out="observer_csv", fields=dict(
        how=P("Marguerite hosted on Teams and all six of us attended. Yusra presented on being an isolated assessor in "
              "a small charity; Carys kept time and Ewan was process caretaker. Fergus had no role this time.",
              "This felt like the meeting where the set became self-managing. We used the template only as a "
              "checklist."),
        helped=P("The action review at the start (Fergus took his time off!) set a good tone. Ewan kept us on Yusra's "
                 "question rather than letting it become a general discussion of funding.",
                 "Yusra's preparation sheet, with a clear ask, helped everyone."),
        hindered=P("Carys was called away for a safeguarding issue at one of her services, and we carried on without a "
                   "timekeeper for ten minutes; the questioning round overran.",
                   "The conversation became a bit of a talking shop at the end, about how the ASYE is funded across "
                   "the country and what the Department for Education expects."),
        feedback="I fed back that the set was trusting and honest, and that the best question was Fergus's 'what would "
                 "you need to stop doing to start a network?'. I suggested a rule for when someone has to leave: the "
                 "process caretaker takes over their role.")),
    dict(id="RL-B301", type="reflective", author="yusra", set="Set B", meeting=3, out="reflective_xlsx",
         qstyle="bullet", fields=dict(
        challenge="Being one of only two assessors at a small charity, with the other on sick leave, and whether to "
                  "start a network for isolated assessors.",
        questions=["What would a network give you that the set does not?",
                   "What would you need to stop doing to start a network?",
                   "How does it feel to be the person who always starts things?",
                   "Who would you invite first?"],
        learned=P("I had assumed a network would be more work for me. The question about what I would stop doing "
                  "helped me see that it could replace the informal phone calls I already make to other small "
                  "agencies.",
                  "I noticed that I feel responsible for fixing gaps in the system. That is a strength and a risk."),
        actions=P("Draft a one-page proposal for a network for micro and small organisations, and share it with this "
                  "set and with Set A.",
                  "Contact Delroy at Kingfisher Lane, who has the same problem."),
        back="Linnet House will host the first network meeting. Our chief executive has agreed, as long as it is "
             "online. I will send our proposal to Skills for Care as well.")),
    dict(id="RL-B302", type="reflective", author="ewan", set="Set B", meeting=3, out="reflective_xlsx",
         qstyle="plain", fields=dict(
        challenge="I was process caretaker. My own challenge, which I will bring next cycle, is about the differences "
                  "between ASYE paperwork across agencies.",
        questions=["What do you notice about yourself as process caretaker?",
                   "What evidence is there that the set is working?",
                   "What will you change in your own assessor forum?"],
        learned=P("I held the set back to Yusra's question three times, and each time it helped. I am more confident "
                  "in "
                  "this role than I thought.",
                  "At Northwold we have twelve assessors and a forum, which I took for granted. Hearing from Yusra and "
                  "Carys showed me how isolated assessors in small agencies are."),
        actions=P("Ask our workforce lead whether assessors from small agencies in the area could join the Northwold "
                  "assessor forum.",
                  "Send Yusra the NCC moderation framework."),
        back="NCC could open its assessor forum to partner agencies. I will raise it at the next forum, on the first "
             "Wednesday in May. Our own NQSWs in the Tidewater Assessment Team would benefit from hearing how small "
             "agencies work.")),
    dict(id="reflective_log_set-b_m3", type="reflective", author="marguerite", set="Set B", meeting=3,
         out="docs/reflective_log_set-b_m3.docx", meta="kv", fields=dict(
        challenge="I hosted this month and gave an update on my challenge from February about engaging Kayleigh's team "
                  "manager.",
        questions=["What did you learn from hosting?",
                   "How do you feel about Kayleigh's first year now?",
                   "What will you do if supervision is cancelled again?"],
        learned=P("Hosting felt like admin until I realised it is what keeps the set alive. I sent the link a week "
                  "ahead and a reminder the day before, and everyone came.",
                  "The ten-minute conversation with the manager happened. She admitted she had not read an ASYE report "
                  "since she took over the Tidewater Assessment Team. We agreed that she would read the mid-point "
                  "review before Kayleigh's panel, and she did.",
                  "Sunny's case has moved on: the CP plan ended and he is now on a CIN plan, which gave Kayleigh a "
                  "real "
                  "piece of evidence for her portfolio."),
        actions=P("Book Kayleigh's end-of-year review with both her manager and me in the room.",
                  "Send the set our host checklist."),
        back="I have suggested to our principal social worker that assessors are copied into any cancelled NQSW "
             "supervision. Cancellations now go to k.pardoe@cranmere.gov.uk and to me, so the pattern is visible.")),
    # ------------------------------------------------------------------ Set B, meeting 4 (23 May)
    dict(id="PS-B401", type="preparation", author="carys", set="Set B", meeting=4, out="preparation_csv", fields=dict(
        issue="My NQSW at Bramblecote, Dominic Fairweather, is struggling with Care Act assessments. His written work "
              "is weak, he misses deadlines and he has not yet evidenced several of the KSS. I may have to recommend "
              "that he does not pass.",
        why=P("A fail decision affects his registration with Social Work England and his career. I also need to be "
              "fair to the people he assesses: one family has already asked for a different worker, and their "
              "daughter rang our office on (0113) 496 0357 to say so.",
              "Bramblecote’s ASYE forms are our own, and I’m not confident they would stand up if he appealed. HR "
              "have already asked for his NI number (JT 48 62 91 B) for a capability file, which felt premature."),
        tried="Extra supervision, a development plan agreed in March, shadowing a senior practitioner. Some "
              "improvement in his visits, little in his writing. I looked at how the other agencies in the set "
              "structure their capability processes; they are all different.",
        want="Help to think about how to make a fair decision, and how to tell him in a way he can hear.")),
    dict(id="6", type="observer", author="marguerite", set="Set B", meeting=4, out="observer_csv", fields=dict(
        how=P("Last meeting of the cycle. Fergus hosted on Teams, Ewan kept time, Hester was process caretaker and "
              "Carys presented a possible fail decision for her NQSW. Yusra had no role and joined late from a panel.",
              "The set was very focused. Carys said afterwards that it was the most useful hour she has had this "
              "year."),
        helped=P("Hester's calm process caretaking: she checked with Carys twice whether we were still working on the "
                 "problem she wanted to work on.",
                 "Ewan shared the Northwold capability flowchart only after the questioning round, at Carys's request, "
                 "so it did not turn into advice."),
        hindered=P("Audio dropped out for Fergus and Yusra several times. We spent ten minutes at the start deciding "
                   "whether to carry on in September, which should have been done by email.",
                   "One question asked Carys to compare herself with other assessors, which felt unhelpful."),
        feedback="I fed back that we had stopped needing the template and that our questions were now mostly fresh and "
                 "open. I suggested that we write a short note to the programme lead about platforms, hosting and the "
                 "network Yusra is setting up, since the whole programme could learn from them.")),
    dict(id="RL-B401", type="reflective", author="carys", set="Set B", meeting=4, out="reflective_xlsx",
         qstyle="number", fields=dict(
        challenge="Whether to recommend that my NQSW fails his ASYE, and how to do it fairly.",
        questions=["What evidence would change your mind?",
                   "What part has Bramblecote played in where Dominic is now?",
                   "How will you feel if he fails?",
                   "What will you say to him first?"],
        learned=P("The question about Bramblecote's part was the hardest. Dominic had three managers in six months and "
                  "no induction to the Care Act; some of this is ours.",
                  "I learned that a fair decision needs the organisation's failures written down next to the NQSW's. I "
                  "also learned that I can make a hard decision without making it alone."),
        actions=P("Ask for a second assessor from another agency to read Dominic's portfolio before I decide. Ewan has "
                  "offered someone from Northwold.",
                  "Write to our registered manager about the induction gap, separately from Dominic's assessment."),
        back="Bramblecote will adopt the Skills for Care ASYE templates from September instead of our own forms, so "
             "that our judgements can be compared with other agencies'.")),
    dict(id="RL-B402", type="reflective", author="yusra", set="Set B", meeting=4, out="reflective_xlsx",
         qstyle="bullet", fields=dict(
        challenge="An update on the network for small agencies, and Carys's challenge about a possible fail decision.",
        questions=["What does a fair decision look like to Dominic?",
                   "How are you going to look after yourself through this?",
                   "What will you ask the set for in September?"],
        learned=P("The network met for the first time on 9 May, with seven assessors from six agencies, including "
                  "Delroy and Tomos from Set A. It already feels like what I was missing.",
                  "Listening to Carys, I realised how much harder a fail decision would be for me without anyone to "
                  "moderate with."),
        actions=P("Send the network notes and draft terms of reference to Skills for Care by the end of May, from "
                  "asye.network@linnethouse.org.uk.",
                  "Book Bethan's end-of-year panel with an external moderator from the network, and check that her "
                  "Social Work England registration (SW142087) is in her portfolio."),
        back="Linnet House now has a written agreement with two other small agencies to moderate each other's ASYE "
             "assessments.")),
]

# Reflective submissions that also arrive as a CSV re-export of the same form (same ids, same content).
REFLECTIVE_COPY_IDS = ["RL-A101", "RL-A302", "RL-B201"]
