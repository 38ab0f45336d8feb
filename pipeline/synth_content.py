"""Template content for pipeline.synth: sentence pools, name lists and place parts.

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
WORD_NAMES = ["Hope", "Will", "Rose", "Grace", "Joy", "Mark", "Bill", "Dawn", "Summer", "Faith", "Sky", "Ivy",
              "Brook", "Cherry", "Hazel", "Holly", "Robin", "Jade"]
DIACRITIC_FIRST = ["Zoë", "Renée", "José", "Chloë", "Noémie", "Anaïs", "Björn", "Søren", "Zoltán", "Łukasz",
                   "Małgorzata", "Siân", "Seán", "Gráinne", "Órla", "Rónán", "Inès", "François", "Jürgen",
                   "Zsófia", "Ayşe", "Mátyás", "Tomáš", "Dóra"]
DIACRITIC_LAST = ["Wójcik", "Zieliński", "Müller", "Gonçalves", "Núñez", "Pérez", "Öztürk", "Şahin", "Dvořák",
                  "Łukasik", "Bélanger", "Jørgensen", "Håkansson", "Kovačević", "Duchâtel", "Lefèvre",
                  "Sánchez", "Jiménez", "Bäckström", "Ó Briain", "Mac Giolla Bhríde"]
APOSTROPHE_LAST = ["O'Brien", "O'Neill", "O'Connor", "O'Sullivan", "D'Souza", "O'Hara", "D'Arcy", "O'Donnell",
                   "O'Leary", "N'Diaye", "O'Reilly", "O'Meara", "D'Angelo", "O'Keefe", "O'Mahony", "D'Cruz"]
SECOND_FIRST = ["Mae", "May", "Rose", "Jane", "Louise", "Marie", "Leigh", "Jay", "Ann", "Grace", "Belle", "Jo",
                "Lee", "James", "Paul", "Ray", "Ellen", "Lou"]
WORLD_FIRST = ["Adebayo", "Oluwaseun", "Priya", "Aisha", "Mohammed", "Fatima", "Chidi", "Wei", "Kwame", "Nkechi",
               "Farhan", "Yasmin", "Tendai", "Anjali", "Kofi", "Amara", "Rashid", "Simran", "Bogdan", "Ioana"]
WORLD_LAST = ["Adeyemi", "Patel", "Okafor", "Begum", "Khan", "Hussain", "Nguyen", "Mensah", "Kaur", "Chowdhury",
              "Oyelaran", "Haddad", "Achterberg", "Mwangi", "Popescu", "Kowalczyk", "Rahman", "Bose", "Osei"]
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr"]

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
WORD_PLACES = ["Bath", "Reading", "Sale", "Hull", "Wells", "March", "Deal", "Street"]
STREET_SUFFIXES = ["Road", "Street", "Lane", "Close", "Avenue", "Crescent", "Way", "Drive", "Grove", "Terrace"]
ESTATE_NAMES = ["Pennyfield", "Kestrel", "Brambles", "Woodside", "Orchard Park", "Lime Tree", "Northfields",
                "Hawthorn", "Castlemead", "Riverside", "Meadowbank", "Sandpiper", "Coldharbour", "Foxhill"]
AGENCY_WORDS = ["Kingfisher", "Harbour", "Linnet", "Still", "Heron", "Willow", "Lantern", "Beacon", "Meadow",
                "Compass", "Juniper", "Rowan", "Skylark", "Hearth", "Haven", "Bluebell", "Lighthouse", "Acorn"]
AGENCY_TAILS = ["light", "water", " Lane", " House", "field", " Tree", " Gate", "", "", ""]
SAINTS = ["Aldric", "Bede", "Chad", "Hilda", "Cuthbert", "Wilfrid", "Anselm", "Margaret", "Teresa", "Joseph",
          "Edmund", "Aidan", "Oswald", "Winifred", "Swithun", "Etheldreda"]
TEAM_KINDS = ["Assessment Team", "Locality Team", "Children's Disability Team", "Hospital Discharge Team",
              "Front Door Team", "Leaving Care Team", "Adult Safeguarding Team", "Reablement Team"]
FREE_MAIL = ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "icloud.com", "btinternet.com"]

# ----------------------------------------------------------------------------- sentences
# Slots: people {member} {member2} {member3} {member4} {member_full} {nqsw} {nqsw_full} {nqsw2} {manager}
# {child} {child_full} {parent} {carer} {gp}; organisations {org} (own, short) {org_full} {member_org} {council}
# {school} {hospital} {trust} {agency} {charity} {team} {partner}; places {town} {address} {estate} {postcode};
# contact {phone} {email} {member_email}; identifiers {nhs} {ni} {ref} {swe}; {dob}; keep {weekday} {month}
# {date} {platform} {body}.
SENTENCES = {
    "The challenge I brought or worked on": [
        "remote| I brought the problem of assessing {nqsw_full}, who works almost entirely from home in {town} and who I have never met in person.",
        "remote,standards| My challenge was how to evidence {nqsw's} practice against the PCF and KSS when every observation so far has been on {platform}.",
        "engage| I worked on how to engage a team manager at {org} who has cancelled {nqsw's} supervision three times since {month}.",
        "isolation| I am the only ASYE assessor at {org_full}, and I brought the question of who I can moderate my judgements with.",
        "workload| I brought my own workload: I am assessing {nqsw} and {nqsw2} on top of a full caseload.",
        "system| My challenge was a support package that worked for {parent} and fell apart for a family in {town} two weeks later.",
        "reflect| I brought the problem of {nqsw's} reflective logs, which read like case notes rather than reflection.",
        "standards| The challenge was that {council} and {member_org} use different ASYE paperwork, and {nqsw} is caught between them.",
        "roles| I did not present this time; I kept time and worked on {member's} challenge about an NQSW nobody at {member_org} has met in person.",
        "roles| I held the process caretaker role and worked on {member's} challenge as well as holding the process.",
        "workload| I brought the effect on me and on {nqsw_full} of an emergency removal on {weekday} night, when {child_full} ({dob}) was placed with carers in {town}.",
        "engage,workload| {nqsw} is holding a CP plan for a child at {school} and has had no reflective supervision since {month}.",
        "system| The challenge was a s.47 that {nqsw} led for {child} at {address}, {town} {postcode}, where the same plan had worked for an older sibling and then failed.",
        "standards| I am unsure whether {nqsw_full} (Social Work England registration {swe}) is ready to pass, and I have to make a recommendation by {date}.",
        "isolation,workload| Working alone at {org} means no one sees {nqsw's} practice except me; I brought the loneliness of that decision.",
        "engage| Getting {manager} to read my ASYE reports has become the challenge, because the ASYE is seen as a tick-box at {org}.",
        "system| {child} was placed through {agency} in {town}, ninety miles from school, and {nqsw} is left holding the consequences.",
        "system| The referral from {team} sat in a queue for six weeks before anyone at {org} picked it up.",
    ],
    "What I learned": [
        "ind| I had been treating the lack of face-to-face contact as my failing; the questions showed me the gap is in how we induct remote starters.",
        "qs,ind| {member's} question about how it felt caught me off guard, and it changed how I saw the problem.",
        "qs,ind| I notice I want to rescue people with advice, and holding back for the whole questioning round was uncomfortable but worth it.",
        "remote,ind| The joint visit on {weekday} changed things: I saw {nqsw} with {parent} at {address}, and the work was calm, clear and kind.",
        "isolation,ind| I heard that {member} and {member2} are on their own too; isolation is not just my problem, it comes with being a small agency.",
        "system,ind| Drawing the two timelines side by side showed that the package for {child} failed because of the commissioning panel, not {nqsw's} assessment.",
        "reflect,ind| {nqsw} does reflect out loud, usually in the car after visits; the problem may be the log format, not the capacity to reflect.",
        "workload,ind| I had not admitted how tired I am; I spent most of {month} supporting {nqsw_full} instead of assessing.",
        "climate| The set was more like a team than I expected, and {member} said we had stopped performing for each other.",
        "qs| The feeling questions opened things up far more than the thinking ones.",
        "roles,ind| Being process caretaker is about reminding, not policing; I interrupted {member} while {member} was doing exactly what a timekeeper should.",
        "standards,ind| I need to separate the quality of {nqsw's} practice from the outcome of the system around it before I write anything about capability.",
        "engage,ind| I had framed this as a manager who does not care; the question about what {manager} is afraid of made me see the pressure on the whole team at {org}.",
        "qs,ind| Asking rather than telling is harder than it sounds, and I slipped back into advice twice.",
        "tech,ind| Even with {member} on a borrowed laptop and half of us on {platform}, the set held together.",
        "inter| Hearing how {member_org} runs its ASYE panels showed me how differently each agency does it.",
        "remote,ind| I learned that I cannot outsource the in-person observation of {nqsw}; I can only decide how often it happens.",
        "system,ind| {nqsw} spent {weekday} at {hospital} waiting for a DoLS authorisation, and I saw how little of the delay was in {nqsw's} hands.",
    ],
    "Actions I will take": [
        "action,remote| Book a joint home visit with {nqsw} before the {month} meeting and observe one direct piece of work.",
        "action| Ring {nqsw} on {phone} before the final review to agree a plan.",
        "action,engage| Ask {manager} on {weekday} for protected time for {nqsw's} supervision, and put the request in writing.",
        "action,standards| Write up the direct observation against the PCF domains this week ({child_full}, {dob}, our ref {ref}).",
        "action,inter| Email {member} at {member_email} to ask whether we could each read one piece of the other's NQSW's work.",
        "action,isolation| Ask {org} for half a day a month to moderate with another agency.",
        "action,workload| Ask my team manager to take two cases off my caseload until the end-of-year panels.",
        "action,reflect| Record a ten-minute reflective conversation after {nqsw's} next visit and use it for the log.",
        "action,qs| Try one feeling question in each supervision this month.",
        "action| Send {member} the remote supervision checklist by {date}.",
        "action,standards| Check {nqsw's} registration ({swe}) with Social Work England before the panel in {month}.",
        "action,system| Chase the panel decision for {parent} (NHS number {nhs}) and note the delays, so that {nqsw} is not blamed for them.",
        "action,workload| Sort out the HR mix-up that has held up {nqsw's} pay since {month}: they recorded the National Insurance number as {ni}.",
        "action,engage| Meet the designated teacher at {school} with {nqsw} before the LAC review.",
        "action,roles| Send a poll for dates by the end of next week, as I am host next time.",
        "action,tech| Ask IT at {org} for a standing exception so that I can join on {platform}.",
        "action,inter| Ring {partner} on {phone} about the referral for {child}, and copy in {nqsw}.",
    ],
    "What I will take back to my organisation": [
        "org,remote| {org} has no guidance on remote ASYE starters, and I will raise this with our principal social worker.",
        "org,qs| We run a monthly practice forum at {org_full}; I want to try the step where the presenter chooses the questions that had most impact.",
        "org,isolation| {org} should not rely on one person for all its ASYE decisions; I will propose a second opinion at the end of the year.",
        "org,standards| I will suggest that {org} adopts the same ASYE paperwork as {council}, so our NQSWs are not disadvantaged.",
        "inter| I will share what {member_org} does about protected time with our workforce development lead.",
        "org| I now run our team meeting using the round format, and the team manager has agreed to try it for a term.",
        "org,remote| Every NQSW working remotely at {org} should have at least one in-person supervision a month, starting in {month}.",
        "org,system| We will raise the commissioning delays with {council} at our contract meeting in {month}, with both cases anonymised.",
        "inter,isolation| We proposed a network for small agencies; {member} is setting one up and the shared mailbox is {email}.",
        "org,workload| I will ask our head of service for a cap on the caseload of any assessor with two NQSWs.",
        "org,reflect| Our team uses the same reflective template for all staff; I will suggest to the practice lead that we add a prompt about uncertainty.",
        "inter| I will send the set our handbook from {org} and ask for the one from {member_org} in return.",
        "org,engage| I will ask {manager} to put the ASYE reports on the agenda of the management meeting on {weekday}.",
        "org| Nothing yet: I want to see whether the set survives the summer first.",
        "inter| {charity} runs a group for young carers, and I will tell the team at {org} about it.",
        "inter,standards| I will take the {body} guidance on assessing in small organisations to our next panel.",
    ],
    "How the set worked today": [
        "roles| {member} hosted on {platform}, {member2} kept time and {member3} was process caretaker; {member4} presented.",
        "self| We kept to the structure from the handbook almost step by step, and it felt stiff at times but it held us.",
        "self| For the first time we did not read the template aloud; the set moved through the steps on its own.",
        "climate| The set was warmer than in {month}; people checked in properly and laughed a bit.",
        "log| Only four of us were there on {weekday}: {member} sent apologies and {member2} was called to a s.47 strategy meeting.",
        "tech| We met on {platform} because {member_org} only allows that, and everyone got in first time.",
        "qs| The questioning round was the best so far, with almost no advice and lots of open questions.",
        "self,climate| The set managed itself completely; no one mentioned the template until the end.",
        "roles,reflect| {member} presented on supporting critical reflection with an NQSW; {member2} kept time and I observed.",
        "climate| {member's} check-in was short and personal, and it set the tone for the rest of the meeting.",
        "remote,roles| {member_full} presented about assessing an NQSW at {member_org} who has never been met in person.",
        "log,tech| {member} joined from a car park in {town} with the camera off, so we were five on screen.",
    ],
    "What helped the set": [
        "roles| {member} reading out each stage before we started it meant no one had to guess what came next.",
        "roles| {member} gave a two-minute warning before each step, which stopped the questioning round from drifting.",
        "self| The question cards from the workshop helped when we went quiet.",
        "log| The host sent the link a week ahead, as we agreed in {month}.",
        "qs| {member} named it when we drifted into advice and brought us back to questions.",
        "self| {member} had a preparation sheet ready and shared it on screen, so the clarifying round took five minutes.",
        "roles| Starting with a five-minute review of last month's actions showed the set that actions are followed up.",
        "tech| Having the steps in the {platform} chat meant people who joined late could catch up.",
        "climate| Trust built quickly because we share social work values, and {member} said so out loud.",
        "qs| {member's} feeling question to {member2} opened things up.",
        "climate| I spoke to {member} afterwards and the two-minute warnings had made timekeeping easy.",
    ],
    "What hindered the set": [
        "tech| {member} could not get into {platform} from a laptop at {member_org} for the first twenty minutes and had to phone in.",
        "tech| {member's} connection dropped twice and the audio was poor.",
        "log| The link was sent only the night before, and two people were not sure the meeting was going ahead.",
        "workload,log| {member} had to leave for twenty minutes because of an urgent call about a child on a CP plan.",
        "qs| We slipped into advice-giving twice, especially about how often supervision should be.",
        "log| We ran ten minutes over because the questioning round started late on {weekday}.",
        "climate| One member dominated the clarifying round, and the quieter members hardly spoke.",
        "tech,log| The invitation went to an old address, {email}, which IT closed in {month}, so one of us joined late.",
        "roles| No one was willing to host the next cycle.",
        "log| We lost three weeks because no one confirmed the date after {member} moved to {town}.",
        "tech| IT at {member_org} blocks {platform} on work laptops, so {member} was on a personal phone.",
    ],
    "Feedback I gave to the set": [
        "qs| I fed back that we asked lots of thinking questions and very few feeling questions.",
        "qs| I said the best moment was when {member} asked {member2} how it felt to sign off someone never met in person.",
        "tech| I suggested we agree one platform for the whole year before {month}, and {platform} is the one most of us can use.",
        "roles| I suggested the host sends the link a week ahead and that we agree now who hosts in {month}.",
        "qs,climate| I noticed that the feeling questions came late and from the same two people.",
        "self| I said we no longer need the template read aloud, and that this shows the set can run itself.",
        "climate,isolation| I told {member} that the choice of questions showed how much the isolation is hurting.",
        "log| I suggested we start with a five-minute action review next time, on {date}.",
        "climate| I said we were kind to each other but careful, and that I would like us to risk more.",
        "qs| I said {member_full} asked the question of the day, and that we should all try one like it.",
    ],
    "The issue I want to bring": [
        "remote| I am assessing an NQSW, {nqsw_full}, who started in {month} and works almost entirely from home in {town}.",
        "remote,tech| {nqsw's} induction was on {platform}, and I have still not met {nqsw} in person.",
        "isolation| I am the only ASYE assessor at {org_full}, and I have no one to moderate my judgements with.",
        "reflect| My NQSW, {nqsw_full}, writes reflective logs that are purely descriptive.",
        "system| {nqsw} set up a support package for {parent} that worked well, then used the same approach for a family in {town} and it fell apart.",
        "engage| {nqsw_full} has had four supervisions cancelled by {manager} since {month}.",
        "workload| I am assessing {nqsw} and {nqsw2} on top of my own caseload, and I am not sleeping well.",
        "standards| Our ASYE paperwork is different from that of {council}, and the portfolio will be read by people who do not know our agency.",
        "workload| {nqsw} was involved in removing {child_full} ({dob}) from home on {weekday} and has been off sick since.",
        "engage| {manager} at {org} sees the ASYE as a tick-box and has never read one of my reports.",
        "system| The family of {child} at {address}, {town} {postcode}, has had three social workers in a year, and {nqsw} is the fourth.",
        "system| {trust} closed the mental health case before the discharge meeting, and {nqsw} was left to explain it to {carer}.",
    ],
    "Why it matters": [
        "standards| If I cannot evidence {nqsw's} practice against the PCF and KSS, the end-of-year recommendation will rest on written work alone.",
        "workload| {nqsw} is holding a CIN case on the {estate} estate that is edging towards a s.47.",
        "workload,system| {child_full} ({dob}, NHS {nhs}) is on a CP plan after a s.47 in {month}, and {nqsw} is making decisions with no reflective supervision.",
        "engage| If the ASYE is seen as a tick-box here, {nqsw's} whole first year will be shaped by that.",
        "reflect,standards| Critical reflection is the heart of the ASYE portfolio, and without it I cannot evidence the PCF domains.",
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
        "reflect| I gave {nqsw} Gibbs's reflective cycle and a model log; the headings were followed exactly and the content stayed descriptive.",
        "engage| I emailed {manager} twice at {email} and raised it informally with the principal social worker.",
        "isolation| I asked {council} whether I could join their moderation panel: no reply after two emails.",
        "standards| I have used the Skills for Care materials and went back through the work with one household (our ref {ref}).",
        "system| I went through both cases with {nqsw} line by line, and the assessments are equally good.",
        "workload| I offered to cover one supervision myself, which I know is not a long-term answer.",
        "engage| I watched {nqsw} speak up for {carer} at a LAC review at {school}, and it was excellent.",
        "system| I rang the ward at {hospital} on {phone} to find out why the discharge for {parent} (NHS {nhs}) was delayed.",
        "system| I asked {gp} for a letter about {child}, and spoke to {partner} about the referral.",
    ],
    "What I want from the set": [
        "qs| Fresh questions rather than advice, please.",
        "qs,remote| Help to work out what good enough evidence looks like when I may never observe {nqsw} face to face.",
        "engage| Help to think about how to engage a manager who is overwhelmed, without going over the head of {manager}.",
        "system| Questions that help me separate a systemic failure from an individual one.",
        "isolation| Questions that help me think about where else I could get moderation, and whether I am making my isolation worse.",
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
