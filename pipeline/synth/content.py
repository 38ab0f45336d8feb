"""Template content for the synthetic generator: sentence pools, name lists, place parts, organisation patterns.

Everything is invented. Sentence styles follow scripts/sample_content.py (British
English, ASYE assessors writing about action learning sets). A template is
"codes| text" where codes are short aliases of codebook ids (CODES) and text
holds {slots} that synth fills with planted personal data or keep terms; a
"{slot's}" slot adds a possessive 's outside the planted span. Literal keep
terms (ASYE, PCF, s.47, job titles, ...) are found by KEEP_TERMS.
"""
from __future__ import annotations


CODES = {
    "log": "process.logistics", "tech": "process.technology", "roles": "process.roles",
    "self": "process.self_management", "qs": "process.questioning", "climate": "process.group_climate",
    "remote": "challenge.remote_assessment", "engage": "challenge.engagement",
    "reflect": "challenge.critical_reflection", "system": "challenge.systemic_issues",
    "standards": "challenge.assessment_standards", "workload": "challenge.workload_wellbeing",
    "isolation": "challenge.isolation", "ind": "learning.individual", "org": "learning.organisational",
    "inter": "learning.inter_organisational", "action": "learning.action",
}

PROMPTS = {
    "observer": ["How the set worked today", "What helped the set", "What hindered the set",
                 "Feedback I gave to the set"],
    "reflective": ["The challenge I brought or worked on", "Questions that had the most impact on me",
                   "What I learned", "Actions I will take", "What I will take back to my organisation"],
    "preparation": ["The issue I want to bring", "Why it matters", "What I have tried so far",
                    "What I want from the set"],
}

# Terms that must survive anonymisation; marked {{KEEP:...}} wherever template text holds them.
JOB_TITLES = ["principal social worker", "team manager", "registered manager", "practice educator",
              "designated teacher", "family support worker", "service manager", "head of service",
              "senior practitioner", "independent reviewing officer", "practice supervisor", "ASYE coordinator",
              "workforce development lead", "practice lead"]
KEEP_TERMS = ["Social Work England", "Skills for Care", "Ofsted", "BASW", "Department for Education", "ASYE",
              "PCF", "KSS", "Teams", "Zoom", "Webex", "s.47", "CIN", "CP plan", "LAC review", "DoLS", "NQSWs",
              "NQSW", *JOB_TITLES]
PLATFORMS = ["Teams", "Teams", "Zoom", "Webex"]
BODIES = ["Social Work England", "Skills for Care", "Ofsted", "BASW", "Department for Education"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# ----------------------------------------------------------------------------- names
# First names by gender ("f", "m"), so that a title ("Mrs", "Mr") agrees with the first name.
WORD_FIRST = {"f": ["Hope", "Rose", "Grace", "Joy", "Dawn", "Summer", "Faith", "Sky", "Ivy", "Brook", "Cherry", "Hazel",
                    "Holly", "Jade"], "m": ["Will", "Mark", "Bill", "Robin"]}
WORD_NAMES = WORD_FIRST["f"] + WORD_FIRST["m"]  # ordinary English words, used as names
DIACRITIC_FIRST = {"f": ["Zoë", "Renée", "Chloë", "Noémie", "Anaïs", "Małgorzata", "Siân", "Gráinne", "Órla",
                         "Inès", "Zsófia", "Ayşe", "Dóra"],
                   "m": ["José", "Björn", "Søren", "Zoltán", "Łukasz", "Seán", "Rónán", "François", "Jürgen",
                         "Mátyás", "Tomáš"]}
APOSTROPHE_FIRST = {"f": ["Ma'ayan", "Ja'Nae"], "m": ["D'Arcy", "D'Angelo", "N'Golo", "D'Andre"]}
SECOND_FIRST = {"f": ["Mae", "May", "Rose", "Jane", "Louise", "Marie", "Leigh", "Ann", "Grace", "Belle", "Jo",
                      "Ellen"],
                "m": ["James", "Paul", "Ray", "Lee", "Jay", "Lou"]}  # hyphenated first names: "Lily-Mae", "Jean-Paul"
WORLD_FIRST = {"f": ["Priya", "Aisha", "Fatima", "Nkechi", "Yasmin", "Anjali", "Amara", "Simran", "Ioana",
                     "Oluwaseun"],
               "m": ["Adebayo", "Mohammed", "Chidi", "Wei", "Kwame", "Farhan", "Kofi", "Rashid", "Bogdan",
                     "Tendai"]}
DIACRITIC_LAST = ["Wójcik", "Zieliński", "Müller", "Gonçalves", "Núñez", "Pérez", "Öztürk", "Şahin", "Dvořák",
                  "Łukasik", "Bélanger", "Jørgensen", "Håkansson", "Kovačević", "Duchâtel", "Lefèvre",
                  "Sánchez", "Jiménez", "Bäckström", "Ó Briain", "Mac Giolla Bhríde"]
APOSTROPHE_LAST = ["O'Brien", "O'Neill", "O'Connor", "O'Sullivan", "O'Hara", "D'Arcy", "O'Donnell",
                   "O'Leary", "N'Diaye", "O'Reilly", "O'Meara", "D'Angelo", "O'Keefe", "O'Mahony", "D'Cruz"]
TITLES = {"f": ["Mrs", "Ms", "Miss", "Mrs", "Ms", "Dr"], "m": ["Mr", "Mr", "Mr", "Dr"]}
WORLD_LAST = ["Adeyemi", "Patel", "Okafor", "Begum", "Khan", "Hussain", "Nguyen", "Mensah", "Kaur", "Chowdhury",
              "Oyelaran", "Haddad", "Achterberg", "Mwangi", "Popescu", "Kowalczyk", "Rahman", "Bose", "Owusu"]

# How a person is written, by role: form -> weight (forms: first, full, lower, caps, title "Mrs Adeyemi",
# title_initial "Mr K.", initials "J.T."). Roles ending in _full always show the whole name.
PERSON_FORMS = {
    "member": {"first": 54, "lower": 28, "caps": 8, "full": 10},
    "member_full": {"full": 80, "caps": 20}, "nqsw_full": {"full": 80, "caps": 20},
    "nqsw": {"first": 34, "full": 20, "lower": 22, "caps": 8, "initials": 16},
    "manager": {"first": 22, "title": 30, "full": 14, "lower": 12, "title_initial": 8, "initials": 14},
    "child": {"first": 24, "full": 10, "initials": 38, "caps": 16, "lower": 12}, "child_full": {"full": 70, "caps": 30},
    "parent": {"title": 40, "title_initial": 20, "full": 12, "first": 6, "caps": 10, "initials": 12},
    "gp": {"title": 80, "title_initial": 20},
}
# Person slots: slot -> (role, index in a log's cast [nqsw, nqsw2, manager, child, parent, carer, gp]).
PEOPLE = {"nqsw": ("nqsw", 0), "nqsw_full": ("nqsw_full", 0), "nqsw2": ("nqsw", 1), "manager": ("manager", 2),
          "child": ("child", 3), "child_full": ("child_full", 3), "parent": ("parent", 4), "carer": ("parent", 5),
          "gp": ("gp", 6)}
EMAIL_OWNER = {"nqsw_email": 0, "manager_email": 2, "parent_email": 4}
ID_LABELS = {"ni": "National Insurance number ", "nhs": "NHS number ", "ref": "case reference ",
             "swe": "Social Work England number "}
ID_FAMILY = {"ni": "id.ni", "nhs": "id.nhs", "ref": "id.case_ref", "swe": "id.swe"}
PARTNER_FAMILY = {"school": "org.school", "hospital": "org.hospital", "trust": "org.nhs_trust",
                  "agency": "org.fostering", "charity": "org.charity", "team": "org.team", "council": "org.council"}

# ----------------------------------------------------------------------------- places and organisations
PLACE_HEADS = ["Hollin", "Wrex", "Cran", "Ellers", "Pell", "Bramble", "Oak", "Stain", "Garrow", "Wen", "Ash",
               "Thorn", "Marl", "Holm", "Ravens", "Bex", "Hather", "Fen", "Lang", "Whit", "Kel", "Mor",
               "Brack", "Aln", "Dun", "Elm", "Hart", "Lyd", "Rother", "Sker", "Tarn", "Wold"]
PLACE_TAILS = ["mere", "ley", "wold", "dale", "brook", "bury", "ford", "ham", "ton", "field", "worth", "by",
               "wick", "stead", "thorpe", "cote", "low", "combe", "hurst", "bridge"]
PLACE_EXTRAS = ["Bridge", "Cross", "Green", "Moor", "on Sea", "Magna", "St Mary", "Vale"]
UK_TOWNS = ["Halifax", "Barnsley", "Wakefield", "Rochdale", "Stockport", "Dewsbury", "Huddersfield", "Wigan",
            "Darlington", "Gateshead", "Ipswich", "Luton", "Swindon", "Gloucester", "Kettering", "Mansfield",
            "Scunthorpe", "Stevenage", "Telford", "Worthing", "Crawley", "Basildon", "Barrow-in-Furness",
            "Bury St Edmunds", "Stoke-on-Trent", "Weston-super-Mare", "King's Lynn", "Newcastle-under-Lyme"]
# Towns that are also words. "March" is left out: "a visit in March" cannot tell the town
# from the month, for a reader or a rule, so planting it there measures nothing.
WORD_PLACES = ["Bath", "Reading", "Sale", "Hull", "Wells", "Deal", "Street"]
STREET_SUFFIXES = ["Road", "Street", "Lane", "Close", "Avenue", "Crescent", "Way", "Drive", "Grove", "Terrace"]
ESTATE_NAMES = ["Pennyfield", "Kestrel", "Brambles", "Woodside", "Orchard Park", "Lime Tree", "Northfields",
                "Hawthorn", "Castlemead", "Riverside", "Meadowbank", "Sandpiper", "Coldharbour", "Foxhill"]
AGENCY_WORDS = ["Kingfisher", "Harbour", "Linnet", "Kestrel", "Heron", "Willow", "Lantern", "Beacon", "Meadow",
                "Compass", "Juniper", "Rowan", "Skylark", "Hearth", "Haven", "Bramble", "Oak", "Acorn"]
AGENCY_TAILS = ["light", "water", " Lane", " House", "field", " Tree", " Gate", "", "", ""]
SAINTS = ["Aldric", "Bede", "Chad", "Hilda", "Cuthbert", "Wilfrid", "Anselm", "Margaret", "Teresa", "Joseph",
          "Edmund", "Aidan", "Oswald", "Winifred", "Swithun", "Etheldreda"]
TEAM_KINDS = ["Assessment Team", "Locality Team", "Children's Disability Team", "Hospital Discharge Team",
              "Front Door Team", "Leaving Care Team", "Adult Safeguarding Team", "Reablement Team"]
MAILBOXES = ["asye.network", "asye", "nqsw.support", "workforce.development", "practice.learning"]
FREE_MAIL = ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "icloud.com", "btinternet.com"]

ORG_TYPES = {"local_authority": 3, "fostering_agency": 2, "charity": 2, "private_provider": 2, "nhs": 2, "other": 1}
ORG_FAMILY = {"local_authority": "org.council", "nhs": "org.nhs_trust", "fostering_agency": "org.fostering",
              "charity": "org.charity", "private_provider": "org.provider", "other": "org.other"}
ORG_TLD = {"local_authority": "gov.uk", "nhs": "nhs.uk", "other": "ac.uk", "fostering_agency": "org.uk",
           "charity": "org.uk", "private_provider": "co.uk"}
ORG_NAMES = {  # "{}" is a place name; a bare suffix follows an agency word ("Kingfisher Lane Fostering")
    "local_authority": ["{} City Council", "London Borough of {}", "{} County Council",
                        "{} Metropolitan Borough Council", "{} Borough Council"],
    "nhs": ["{} Partnership NHS Foundation Trust", "{} Health and Care NHS Foundation Trust",
            "{} Community Health NHS Trust"],
    "other": ["{} Teaching Partnership", "{} Social Work Academy"],
    "fostering_agency": ["Fostering", "Fostering Partnership", "Family Placements"],
    "charity": ["Trust", "Disability Advocacy", "Family Support", "Carers Centre"],
    "private_provider": ["Care Group Ltd", "Supported Living Ltd", "Homecare Ltd"],
}
SETTINGS = {"local_authority": ["children_families", "adults", "both"], "fostering_agency": ["children_families"],
            "charity": ["children_families", "adults", "both"], "private_provider": ["adults"], "nhs": ["adults"],
            "other": ["both"]}


# ----------------------------------------------------------------------------- sentences
# Slots: people {member} {member2} {member3} {member4} {member_full} {nqsw} {nqsw_full} {nqsw2} {manager}
# {child} {child_full} {parent} {carer} {gp}; organisations {org} (own, short) {org_full} {member_org} {council}
# {school} {hospital} {trust} {agency} {charity} {team} {partner} (any partner organisation); places {town}
# {address} {estate} {postcode} {where} (an address or estate with town and postcode); contact {phone} {email}
# {member_email} {member_home_email} {nqsw_email} {manager_email} {parent_email} {mailbox}; identifiers {nhs} {ni}
# {ref} {swe} {idlabel} (labelled: "National Insurance number AB 12 34 56 C"); {dob}; keep {weekday} {month}
# {date} {platform} {body}.
SENTENCES = {
    "The challenge I brought or worked on": [
        "remote| I brought the problem of assessing {nqsw_full}, who works almost entirely from home in {town} and "
        "who I have never met in person.",
        "remote,standards| My challenge was how to evidence {nqsw's} practice against the PCF and KSS when every "
        "observation so far has been on {platform}.",
        "engage| I worked on how to engage a team manager at {org} who has cancelled {nqsw's} supervision three "
        "times since {month}.",
        "isolation| I am the only ASYE assessor at {org_full}, and I brought the question of who I can moderate my "
        "judgements with.",
        "workload| I brought my own workload: I am assessing {nqsw} and {nqsw2} on top of a full caseload.",
        "system| My challenge was a support package that worked for {parent} and fell apart for a family in {town} "
        "two weeks later.",
        "reflect| I brought the problem of {nqsw's} reflective logs, which read like case notes rather than "
        "reflection.",
        "standards| The challenge was that {council} and {member_org} use different ASYE paperwork, and {nqsw} is "
        "caught between them.",
        "roles| I did not present this time; I kept time and worked on {member's} challenge about an NQSW nobody at "
        "{member_org} has met in person.",
        "roles| I held the process caretaker role and worked on {member's} challenge as well as holding the process.",
        "workload| I brought the effect on me and on {nqsw_full} of an emergency removal on {weekday} night, when "
        "{child_full} ({dob}) was placed with carers in {town}.",
        "engage,workload| {nqsw} is holding a CP plan for a child at {school} and has had no reflective supervision "
        "since {month}.",
        "system| The challenge was a s.47 that {nqsw} led for {child} at {address}, {town} {postcode}, where the "
        "same plan had worked for an older sibling and then failed.",
        "standards| I am unsure whether {nqsw_full} (Social Work England registration {swe}) is ready to pass, and I "
        "have to make a recommendation by {date}.",
        "isolation,workload| Working alone at {org} means no one sees {nqsw's} practice except me; I brought the "
        "loneliness of that decision.",
        "engage| Getting {manager} to read my ASYE reports has become the challenge, because the ASYE is seen as a "
        "tick-box at {org}.",
        "system| {child} was placed through {agency} in {town}, ninety miles from school, and my NQSW is left "
        "holding the consequences.",
        "standards| {nqsw's} portfolio still has the {idlabel} of a service user on the front page.",
        "system| {partner} and {partner} each asked for the {idlabel}, and neither would share what they held.",
        "system| The referral from {team} sat in a queue for six weeks before anyone at {org} picked it up.",
    ],
    "What I learned": [
        "ind| I had been treating the lack of face-to-face contact as my failing; the questions showed me the gap is "
        "in how we induct remote starters.",
        "qs,ind| {member's} question about how it felt caught me off guard, and it changed how I saw the problem.",
        "qs,ind| I notice I want to rescue people with advice, and holding back for the whole questioning round was "
        "uncomfortable but worth it.",
        "remote,ind| The joint visit on {weekday} changed things: I saw {nqsw} with {parent} at {address}, and the "
        "work was calm, clear and kind.",
        "isolation,ind| I heard that {member} and {member2} are on their own too; isolation is not just my problem, "
        "it comes with being a small agency.",
        "system,ind| Drawing the two timelines side by side showed that the package for {child} failed because of "
        "the commissioning panel, not {nqsw's} assessment.",
        "reflect,ind| {nqsw} does reflect out loud, usually in the car after visits; the problem may be the log "
        "format, not the capacity to reflect.",
        "workload,ind| I had not admitted how tired I am; I spent most of {month} supporting {nqsw_full} instead of "
        "assessing.",
        "climate| The set was more like a team than I expected, and {member} said we had stopped performing for each "
        "other.",
        "system,ind| I learned how much time {nqsw} loses between {partner} and {partner}, quoting the {idlabel} to "
        "each.",
        "system,ind| Hearing {member} describe the same delays with {partner} made me see this is not about {nqsw}.",
        "workload,ind| I had not realised how much of {nqsw's} week goes on the {estate} estate, with no office "
        "nearby.",
        "qs| The feeling questions opened things up far more than the thinking ones.",
        "roles,ind| Being process caretaker is about reminding, not policing; I interrupted {member} while they were "
        "doing exactly what a timekeeper should.",
        "standards,ind| I need to separate the quality of {nqsw's} practice from the outcome of the system around it "
        "before I write anything about capability.",
        "engage,ind| I had framed this as a manager who does not care; the question about what {manager} is afraid "
        "of made me see the pressure on the whole team at {org}.",
        "qs,ind| Asking rather than telling is harder than it sounds, and I slipped back into advice twice.",
        "tech,ind| Even with {member} on a borrowed laptop and half of us on {platform}, the set held together.",
        "system,ind| The questions helped me see how many agencies are involved: {partner}, {partner} and {gp} all "
        "hold part of the picture.",
        "inter,ind| The BASW guidance on supervision gave the set a shared language for what good enough looks like.",
        "inter| Hearing how {member_org} runs its ASYE panels showed me how differently each agency does it.",
        "reflect,ind| I realised {nqsw} writes for the file: the last log even gave the {idlabel}.",
        "remote,ind| I learned that I cannot outsource the in-person observation of {nqsw}; I can only decide how "
        "often it happens.",
        "system,ind| {nqsw} spent {weekday} at {hospital} waiting for a DoLS authorisation, and I saw how little of "
        "the delay was in their hands.",
    ],
    "Actions I will take": [
        "action,remote| Book a joint home visit with {nqsw} before the {month} meeting and observe one direct piece "
        "of work.",
        "action| Ring {nqsw} on {phone} before the final review to agree a plan.",
        "action| Email {nqsw} at {nqsw_email} with the dates of the panel.",
        "action,engage| Ask {manager} on {weekday} for protected time for {nqsw's} supervision, and put the request "
        "in writing.",
        "action,standards| Write up the direct observation against the PCF domains this week ({child_full}, {dob}, "
        "our ref {ref}).",
        "action,inter| Email {member} at {member_email} to ask whether we could each read one piece of the other's "
        "NQSW's work.",
        "action,isolation| Ask {org} for half a day a month to moderate with another agency.",
        "action,engage| Invite {partner} to the next supervision with {nqsw}, so the plan is agreed in one room.",
        "action,workload| Ask my team manager to take two cases off my caseload until the end-of-year panels.",
        "action,reflect| Record a ten-minute reflective conversation after {nqsw's} next visit and use it for the log.",
        "action,system| Write to {partner} with the {idlabel} and ask for the missing assessment by {date}.",
        "action,inter| Ask {partner} for the {idlabel} they hold, so that our records match.",
        "action,remote| Shadow {nqsw} on the next visit to the {estate} estate, rather than reading about it "
        "afterwards.",
        "action,qs| Try one feeling question in each supervision this month.",
        "action,system| Ask {gp} and {partner} for a joint meeting about {child} before the review.",
        "action| Send {member} the remote supervision checklist by {date}.",
        "action,standards| Check {nqsw's} registration ({swe}) with Social Work England before the panel in {month}.",
        "action,system| Chase the panel decision for {parent} (NHS number {nhs}) and note the delays, so that my "
        "NQSW is not blamed for them.",
        "action,workload| Sort out the HR mix-up that has held up {nqsw's} pay since {month}: they recorded the "
        "National Insurance number as {ni}.",
        "action,engage| Meet the designated teacher at {school} with {nqsw} before the LAC review.",
        "action,roles| Send a poll for dates by the end of next week, as I am host next time.",
        "action,tech| Ask IT at {org} for a standing exception so that I can join on {platform}.",
        "action,reflect| Ask {nqsw} to take the {idlabel} out of the reflective log before it goes to panel.",
        "action,inter| Ring {partner} on {phone} about referral {ref}, and copy in {nqsw}.",
    ],
    "What I will take back to my organisation": [
        "org,remote| {org} has no guidance on remote ASYE starters, and I will raise this with our principal social "
        "worker.",
        "org,qs| We run a monthly practice forum at {org_full}; I want to try the step where the presenter chooses "
        "the questions that had most impact.",
        "org,isolation| {org} should not rely on one person for all its ASYE decisions; I will propose a second "
        "opinion at the end of the year.",
        "org,standards| I will suggest that {org} adopts the same ASYE paperwork as {council}, so our NQSWs are not "
        "disadvantaged.",
        "inter| I will share what {member_org} does about protected time with our workforce development lead.",
        "org| I now run our team meeting using the round format, and the team manager has agreed to try it for a term.",
        "org,remote| Every NQSW working remotely at {org} should have at least one in-person supervision a month, "
        "starting in {month}.",
        "org,system| We will raise the commissioning delays with {council} at our contract meeting in {month}, with "
        "both cases anonymised.",
        "inter,isolation| We proposed a network for small agencies; {member} is setting one up and the shared "
        "mailbox is {mailbox}.",
        "org,workload| I will ask our head of service for a cap on the caseload of any assessor with two NQSWs.",
        "org,reflect| Our team uses the same reflective template for all staff; I will suggest to the practice lead "
        "that we add a prompt about uncertainty.",
        "inter| We will share our ASYE handbook with {partner} and ask {partner} for theirs.",
        "inter| I will send the set our handbook from {org} and ask for the one from {member_org} in return.",
        "org,engage| I will ask {manager} to put the ASYE reports on the agenda of the management meeting on "
        "{weekday}.",
        "org,system| I will ask {partner} to stop sending the {idlabel} by unencrypted email.",
        "org,engage| Our last Ofsted inspection said the same about supervision, so this will land with senior "
        "managers.",
        "org| Nothing yet: I want to see whether the set survives the summer first.",
        "inter| {charity} runs a group for young carers, and I will tell the team at {org} about it.",
        "inter,standards| I will take the {body} guidance on assessing in small organisations to our next panel.",
    ],
    "How the set worked today": [
        "roles| {member} hosted on {platform}, {member2} kept time and {member3} was process caretaker; {member4} "
        "presented.",
        "self| We kept to the structure from the handbook almost step by step, and it felt stiff at times but it "
        "held us.",
        "self| For the first time we did not read the template aloud; the set moved through the steps on its own.",
        "climate| The set was warmer than in {month}; people checked in properly and laughed a bit.",
        "log| Only four of us were there on {weekday}: {member} sent apologies and {member2} was called to a s.47 "
        "strategy meeting.",
        "tech| We met on {platform} because {member_org} only allows that, and everyone got in first time.",
        "qs| The questioning round was the best so far, with almost no advice and lots of open questions.",
        "self,climate| The set managed itself completely; no one mentioned the template until the end.",
        "roles,reflect| {member} presented on supporting critical reflection with an NQSW; {member2} kept time and I "
        "observed.",
        "log| {member} had come straight from a meeting at {partner} and spoke to {member2} about it in the chat.",
        "climate| {member's} check-in was short and personal, and it set the tone for the rest of the meeting.",
        "remote,roles| {member_full} presented about assessing an NQSW at {member_org} who has never been met in "
        "person.",
        "log,tech| {member} joined from a car park in {town} with the camera off, so we were five on screen.",
    ],
    "What helped the set": [
        "roles| {member} reading out each stage before we started it meant no one had to guess what came next.",
        "roles| {member} gave a two-minute warning before each step, which stopped the questioning round from "
        "drifting.",
        "self| The question cards from the workshop helped when we went quiet.",
        "log| {partner} lent us a meeting room, which meant {member} could finally join in person.",
        "log| The host sent the link a week ahead, as we agreed in {month}.",
        "qs| {member} named it when we drifted into advice and brought us back to questions.",
        "self| {member} had a preparation sheet ready and shared it on screen, so the clarifying round took five "
        "minutes.",
        "roles| Starting with a five-minute review of last month's actions showed the set that actions are followed "
        "up.",
        "tech| Having the steps in the {platform} chat meant people who joined late could catch up.",
        "climate| Trust built quickly because we share social work values, and {member} said so out loud.",
        "qs| {member's} feeling question to {member2} opened things up.",
        "climate| I spoke to {member} afterwards and the two-minute warnings had made timekeeping easy.",
    ],
    "What hindered the set": [
        "tech| {member} could not get into {platform} from a laptop at {member_org} for the first twenty minutes and "
        "had to phone in.",
        "tech| {member's} connection dropped twice and the audio was poor.",
        "log| The link was sent only the night before, and two people were not sure the meeting was going ahead.",
        "workload,log| {member} had to leave for twenty minutes because of an urgent call about a child on a CP plan.",
        "qs| We slipped into advice-giving twice, especially about how often supervision should be.",
        "log| We ran ten minutes over because the questioning round started late on {weekday}.",
        "climate| One member dominated the clarifying round, and the quieter members hardly spoke.",
        "tech,log| The invitation went to an old address, {email}, which IT closed in {month}, so one of us joined "
        "late.",
        "roles| No one was willing to host the next cycle.",
        "log| We lost three weeks because no one confirmed the date after {member} moved to {town}.",
        "climate| {member} read out a case note with the {idlabel}, and we stopped to remind each other about "
        "confidentiality.",
        "tech| IT at {member_org} blocks {platform} on work laptops, so {member} was on a personal phone.",
    ],
    "Feedback I gave to the set": [
        "qs| I fed back that we asked lots of thinking questions and very few feeling questions.",
        "qs| I said the best moment was when {member} asked {member2} how it felt to sign off someone never met in "
        "person.",
        "tech| I suggested we agree one platform for the whole year before {month}, and {platform} is the one most "
        "of us can use.",
        "roles| I suggested the host sends the link a week ahead and that we agree now who hosts in {month}.",
        "qs,climate| I noticed that the feeling questions came late and from the same two people.",
        "self| I said we no longer need the template read aloud, and that this shows the set can run itself.",
        "climate,isolation| I told {member} that the choice of questions showed how much the isolation is hurting.",
        "log| I suggested we start with a five-minute action review next time, on {date}.",
        "climate| I said we were kind to each other but careful, and that I would like us to risk more.",
        "qs| I said {member_full} asked the question of the day, and that we should all try one like it.",
    ],
    "The issue I want to bring": [
        "remote| I am assessing an NQSW, {nqsw_full}, who started in {month} and works almost entirely from home in "
        "{town}.",
        "remote,tech| {nqsw's} induction was on {platform}, and we have still not met in person.",
        "isolation| I am the only ASYE assessor at {org_full}, and I have no one to moderate my judgements with.",
        "reflect| My NQSW, {nqsw_full}, writes reflective logs that are purely descriptive.",
        "system| {nqsw} set up a support package for {parent} that worked well, then used the same approach for a "
        "family in {town} and it fell apart.",
        "engage| {nqsw_full} has had four supervisions cancelled by {manager} since {month}.",
        "workload| I am assessing {nqsw} and {nqsw2} on top of my own caseload, and I am not sleeping well.",
        "standards| Our ASYE paperwork is different from that of {council}, and the portfolio will be read by people "
        "who do not know our agency.",
        "workload| {nqsw} was involved in removing {child_full} ({dob}) from home on {weekday} and has been off sick "
        "since.",
        "system| {partner} and {partner} disagree about who holds the case, which has the {idlabel}.",
        "engage| {manager} at {org} sees the ASYE as a tick-box and has never read one of my reports.",
        "system| The family of {child} at {address}, {town} {postcode}, has had three social workers in a year, and "
        "my NQSW is the fourth.",
        "system| {trust} closed the mental health case before the discharge meeting, and {nqsw} was left to explain "
        "it to {carer}.",
    ],
    "Why it matters": [
        "system| {partner} still has the {idlabel} wrong, so the letters go to the old address.",
        "standards| The Department for Education expects the ASYE framework to be applied consistently, and across "
        "our set it is not.",
        "standards| If I cannot evidence {nqsw's} practice against the PCF and KSS, the end-of-year recommendation "
        "will rest on written work alone.",
        "workload| {nqsw} is holding a CIN case on the {estate} estate that is edging towards a s.47.",
        "workload,system| {child_full} ({dob}, NHS {nhs}) is on a CP plan after a s.47 in {month}, and {nqsw} is "
        "making decisions with no reflective supervision.",
        "engage| If the ASYE is seen as a tick-box here, {nqsw's} whole first year will be shaped by that.",
        "reflect,standards| Critical reflection is the heart of the ASYE portfolio, and without it I cannot evidence "
        "the PCF domains.",
        "isolation| If my assessment is out of step with {council}, it is {nqsw} who pays for it.",
        "system| The daughter of {parent} has phoned me directly on {phone} three times this week.",
        "workload| {nqsw} is the kind of worker who will burn out if nobody stops to ask what the work is doing.",
        "standards| The panel at {org} meets on {date}, and I have to say pass or fail.",
        "remote| I do not feel I know {nqsw's} practice at all, and the three-month review is in {month}.",
        "system| {carer} looks after {child} on the {estate} estate and has had no carer's assessment in two years.",
    ],
    "What I have tried so far": [
        "remote,tech| Weekly {platform} check-ins, which {nqsw} attends with the camera off.",
        "remote| I suggested meeting in a cafe in {town}, but {manager} said travel is only paid for visits.",
        "reflect| I gave {nqsw} Gibbs's reflective cycle and a model log; the headings were followed exactly and the "
        "content stayed descriptive.",
        "engage| I emailed {manager} twice at {manager_email} and raised it informally with the principal social "
        "worker.",
        "isolation| I asked {council} whether I could join their moderation panel: no reply after two emails.",
        "standards| I have used the Skills for Care materials and went back through the work with one household (our "
        "ref {ref}).",
        "system| I went through both cases with {nqsw} line by line, and the assessments are equally good.",
        "system| I asked {partner} for the file under the {idlabel}; they sent the wrong family's.",
        "system| I asked {partner} why the plan changed, and the answer was a funding panel, not anything {nqsw} did.",
        "workload| I offered to cover one supervision myself, which I know is not a long-term answer.",
        "engage| I watched {nqsw} speak up for {carer} at a LAC review at {school}, and it was excellent.",
        "system| I rang the ward at {hospital} on {phone} to find out why the discharge for {parent} (NHS {nhs}) was "
        "delayed.",
        "system| I rang {partner} twice with the {idlabel} and was passed between three teams.",
        "system| I asked {gp} for a letter about {child}, and spoke to {partner} about the referral.",
    ],
    "What I want from the set": [
        "qs| Fresh questions rather than advice, please.",
        "qs,remote| Help to work out what good enough evidence looks like when I may never observe {nqsw} face to "
        "face.",
        "engage| Help to think about how to engage a manager who is overwhelmed, without going over the head of "
        "{manager}.",
        "system| Questions that help me separate a systemic failure from an individual one.",
        "isolation| Questions that help me think about where else I could get moderation, and whether I am making my "
        "isolation worse.",
        "reflect| Help to think about why {nqsw} finds reflection hard, and about my part in it.",
        "workload| I want the set to help me decide what to say no to before {month}.",
        "inter| I would like to hear how {member_org} handles this, since {member} has mentioned something similar.",
    ],
}

QUESTIONS = {
    "thinking": [
        "What would you need to see to feel confident recommending a pass for {nqsw}?",
        "What evidence do you have that {nqsw} is struggling?",
        "Who else sees {nqsw's} practice that you could ask?",
        "What options have you considered apart from going to {manager}?",
        "What has changed since {month}?",
        "What would {org} lose if the ASYE stopped tomorrow?",
        "What does the ASYE paperwork at {member_org} ask for that yours does not?",
        "What is the system doing here, rather than the person?",
        "What would the PCF say about this piece of work?",
        "What do you know about why the package failed for {parent}?",
        "What would moderation look like if you designed it?",
        "What did the joint visit tell you that the {platform} calls could not?",
        "How would {member} approach this at {member_org}?",
    ],
    "feeling": [
        "How did you feel when {nqsw} missed supervision again?",
        "What worries you most about the review in {month}?",
        "How does it feel to sign off someone you have never met?",
        "What do you feel you owe {nqsw} in this?",
        "How are you, really, after this month?",
        "What did you feel when {manager} cancelled?",
        "What matters most to you about {nqsw's} first year?",
        "How did it feel to hand {child} over to the carers?",
        "What are you afraid will happen if you ask {org} for help?",
        "How do you feel when another descriptive log arrives?",
        "What part of this keeps you awake?",
    ],
    "willing": [
        "What are you prepared to do before we meet again?",
        "What will you say to {manager} on {weekday}?",
        "What will you ask of {nqsw} before the next meeting?",
        "What are you willing to stop doing?",
        "Who will you contact first, and when?",
        "What will you put in writing for {nqsw's} review?",
        "What will you say no to before {month}?",
        "What is the first thing you will do when you get back to {org}?",
        "What will you try in the next supervision that you have never tried before?",
        "When will you book the joint visit with {nqsw}?",
        "What will you ask {member} to help with?",
    ],
}

# Extra sentences dense in places, contacts and identifiers; synth adds one to some paragraphs, by prompt group.
DETAILS = {
    "case": [
        "system| The family moved from {town} to {address}, {town} {postcode} in {month}, and the case transferred "
        "to {team}.",
        "workload| {child_full} ({dob}) is now placed with foster carers from {agency} near the {estate} estate.",
        "system| The ward at {hospital} rang {nqsw} on {phone} about the discharge of {parent} (NHS number {nhs}).",
        "system| Our ref is {ref}, and {trust} use their own, {ref}, so nothing joins up.",
        "standards| The National Insurance number ({ni}) and the registration number ({swe}) were both wrong on the "
        "portfolio cover sheet.",
        "workload| The young person, {child} ({dob}), lives with {carer} at {address}, {postcode}, on the {estate} "
        "estate.",
        "system| {charity} had been working with the family for a year before anyone at {org} knew.",
        "system| The referral went from {school} to {team}, then to {council}, and nobody told the family.",
        "workload| {child} ({dob}) was seen at {hospital} on {weekday} and discharged home to {carer}.",
        "system| {agency} wanted a decision by {date}, and {nqsw} had a day to gather everyone's views.",
        "reflect| The log gave the family's address ({address}, {town} {postcode}) and a mobile number ({phone}) in "
        "full.",
        "system| {trust} discharged {parent} while the family was still waiting on the {estate} estate for a move to "
        "{town}.",
        "isolation| The only other assessor I know is at {agency}, and I rang them on {phone}.",
        "workload| The carer's National Insurance number ({ni}) was needed for the benefits claim, and {nqsw} spent "
        "{weekday} on the phone.",
        "system| {team} at {council} holds the case (ref {ref}); the child attends {school}.",
        "system| {parent} can be reached on {phone} or at {parent_email}, but rarely answers before {weekday}.",
        "system| The health visitor from {trust} had the NHS number as {nhs}, which did not match our records.",
        "standards| The panel at {council} asked for the Social Work England number ({swe}) and a case reference "
        "({ref}) on every log.",
        "system| {child's} school, {school}, is in {town}, an hour from the placement at {address}.",
        "workload| {child_full} ({dob}) and a younger sibling were both on the plan; the school nurse is on {phone}.",
        "engage| {nqsw} gave the family a work mobile, {phone}, and a work address, {nqsw_email}, and both go "
        "unanswered.",
        "system| {partner} had already closed the case, and {partner} had not yet opened it.",
        "system| {partner} wrote to the family at the wrong address, and {partner} only found out from the school.",
        "workload| {child} ({dob}) told {nqsw} about it in the car, and {partner} now has to be told too.",
        "reflect| {nqsw's} log quoted the {idlabel} in full, which I had to point out.",
        "standards| The portfolio cover sheet asks for the {idlabel}, and I am not sure it should.",
        "system| I spent {weekday} chasing a letter from {partner} that had the wrong {idlabel} on it.",
        "system| The minutes from {partner} gave the {idlabel} and the home address, {address}, {postcode}.",
        "workload| {nqsw} was sent to {hospital} with {child} ({dob}) and waited six hours with no food.",
        "system| {charity} and {trust} both hold a file on the family (the {idlabel} is on both), but neither talks "
        "to {team}.",
        "system| The carer, {carer} ({parent_email}), lives in {town} and travels to {school} every day.",
        "engage| I copied {manager} in at {manager_email} and heard nothing back.",
        "remote| {nqsw} works from home in {town} ({postcode}) and the nearest office is in {town}.",
        "system| The home visit was to {where}, and {partner} had been there the week before.",
        "reflect| {nqsw's} case note gave the {idlabel} and the address, {where}, in the first line.",
        "system| {partner} sent the referral with the {idlabel} but no contact number.",
        "workload| {child} ({dob}) has moved three times this year, most recently to {where}.",
        "system| The strategy meeting with {partner} and {partner} was on {weekday}; the minutes give the {idlabel}.",
        "system| {partner} holds the {idlabel} for {child} ({dob}), and we hold a different one.",
        "system| {agency} placed the child, {child} ({dob}), from {town} with carers on the {estate} estate.",
    ],
    "set": [
        "log| We met in person for once, at the offices of {member_org}, {address}, {town} {postcode}.",
        "log| {member} sent the invitation from a personal address, {member_home_email}, because the work one was "
        "blocked.",
        "tech| The dial-in for people without {platform} was {phone}, which nobody used.",
        "log| Next time we meet at the education centre at {hospital} in {town}, which {member_org} has booked.",
        "log| {member} had to leave early for a visit in {town}.",
        "log| The room at {school} was double-booked, so we moved to the library on {address}.",
        "climate| {member} mentioned a child by name, {child_full}, and the set agreed to stop naming families.",
        "log| {charity} offered us a room in {town} for the next meeting, near {postcode}.",
        "tech| {member} could only join by phone, from {phone}, because {trust} blocks {platform}.",
        "log| {member} is moving to {team} in {month}, so the set will need a new host.",
        "climate| {member} had just come from a s.47 visit on the {estate} estate and needed a few minutes.",
        "log| {agency} has asked whether their new assessor can join the set in {month}.",
        "tech| {member} joined from the car outside {hospital}, between visits on the {estate} estate.",
        "log| {member} sent round the notes from {member_email}; the address for {partner} bounced.",
        "log| {member} was late because of a home visit to {address}, {town} {postcode}.",
        "climate| {member} let slip the {idlabel} of a young person and apologised straight away.",
        "tech| {member} sent the backup dial-in ({phone}) and the host address ({member_email}) the night before.",
        "climate| {member} mentioned the {idlabel} of a case by mistake, and we agreed to keep identifiers out of "
        "the set.",
        "log| {member} is on secondment to {partner} until {month} and joined from there.",
        "log| We agreed to meet in person next time, at the offices of {partner}, {where}.",
        "log| {partner} lent us a room at {where} because our usual venue flooded.",
    ],
    "org": [
        "inter| I will send our ASYE handbook to {team} at {council}, and to the contact at {trust}, {email}.",
        "org| Our office at {address}, {town} {postcode}, will host the next network meeting.",
        "inter| {agency} and {charity} have asked to join our moderation network.",
        "org| I will ring the ASYE lead at {hospital} on {phone} to share what we learned.",
        "inter| {school} wants a joint training session with our NQSWs in {month}.",
        "org| The new office in {town} opens in {month}, and I will ask for a quiet room for supervision there.",
        "inter| I will ask {partner} and {partner} whether they want to join the network.",
        "org| Our NQSWs at {address}, {town}, will get a monthly reflective group from {month}, run with {charity}.",
        "org| I will stop people pasting the {idlabel} into supervision notes; it happened twice this month.",
        "inter| {trust} and {team} are both interested; their contacts are {email} and {phone}.",
        "org| I will send the panel dates to {manager_email} and ring {manager} on {phone} to confirm.",
        "org,standards| Our ASYE panel wants the {idlabel} removed from every log, and I will tell {partner} the same.",
        "inter| I will invite {partner} to our practice forum; their office is at {where}.",
    ],
}
DETAIL_GROUP = {prompt: "set" for prompt in PROMPTS["observer"]}
DETAIL_GROUP["What I will take back to my organisation"] = "org"
