"""Hand-made gold set for linking, from reading the corpus documents.

An item is named by its document's prefix and, for the 2025-2029 plans (000, 003), the
action number as the document writes it (`Actie 10`) or the goal (`HD 4`, `OD 4.1`);
for the 2016-2019 measure sheets (002) by how the measure's statement starts, since the
parser's rank numbers (`OD2.1/M1`) may shift. Each pair says why, in a line.

LINKED: the later item continues the earlier one (lineage, 002 -> 000/003), or the two
plans of 2025-2029 do the same or a strongly related thing (overlap, 000 <-> 003).
NOT_LINKED: pairs that share words, actors or a theme, and still are not linked.
"""

from __future__ import annotations

from typing import NamedTuple


class GoldPair(NamedTuple):
    source_doc: str
    source: str
    target_doc: str
    target: str
    reason: str


LINKED: list[GoldPair] = [
    # lineage: 2016-2019 measures -> 2025-2029 actions
    GoldPair(
        "002",
        "We zetten in op deskundigheidsbevordering van hulpverleners",
        "000",
        "Actie 22",
        "the support teams for youth-care workers (OTA) carry on as the dOT support teams",
    ),
    GoldPair(
        "002",
        "We komen tegemoet aan de behoefte van lokale besturen",
        "000",
        "Actie 4",
        "social interpreting in public services, now made structural in the CAW",
    ),
    GoldPair(
        "002",
        "We komen tegemoet aan de behoefte van lokale besturen",
        "000",
        "Actie 1",
        "communication support with social interpreters returns in the agencies' language policy",
    ),
    GoldPair(
        "002",
        "We stimuleren andere vormen van Nederlands leren",
        "000",
        "Actie 3",
        "practice opportunities for Dutch outside class, now as a Brussels project call",
    ),
    GoldPair(
        "002",
        "Kwalitatief en kwantitatief behoeftedekkend aanbod NT2",
        "000",
        "Actie 10",
        "enough NT2 courses for those who need them; 2025 leads non-Dutch-speaking parents to them",
    ),
    GoldPair(
        "002",
        "Kwalitatief en kwantitatief behoeftedekkend aanbod NT2",
        "000",
        "Actie 2",
        "matching demand to the NT2 offer; 2025 maps who can refer people to it",
    ),
    GoldPair(
        "002",
        "Scholen aanmoedigen om een actief talenbeleid te voeren",
        "000",
        "Actie 6",
        "schools' language policy for Dutch continues in 'Ieder kind taalheld'",
    ),
    GoldPair(
        "002",
        "Opvolgen van recent ingevoerde vernieuwingen",
        "000",
        "Actie 6",
        "language screening and extra Dutch in compulsory education, continued by the same plan",
    ),
    GoldPair(
        "002",
        "We lanceren proeftuinen voor duurzame kwalitatieve kleuterparticipatie",
        "000",
        "Actie 6",
        "toddler participation with parents involved returns as entry classes for toddlers and parents",
    ),
    GoldPair(
        "002",
        "Uitbouw kinderopvang met aandacht voor bereik",
        "000",
        "Actie 7",
        "childcare that reaches children of foreign origin; 2025 adds language stimulation there",
    ),
    GoldPair(
        "002",
        "Expertendatabank wordt verder uitgebouwd",
        "000",
        "Actie 35",
        "both serve a nuanced public image of people of foreign origin in the media",
    ),
    GoldPair(
        "002",
        "Beleidsnetwerk Gelijke Kansen in de sport",
        "000",
        "Actie 36",
        "equal opportunities in sport, now anti-discrimination within sport's integrity policy",
    ),
    GoldPair(
        "002",
        "Het Masterplan ‘Diversiteit in/en het jeugdwerk’ zet in op het ontwikkelen",
        "000",
        "Actie 39",
        "networks and sensitisation on diversity in youth work, now antiracism for youth workers",
    ),
    GoldPair(
        "002",
        "Het Masterplan ‘Diversiteit in/en het jeugdwerk’ zet in op meer gelijke",
        "000",
        "Actie 28",
        "more diverse participation in youth work, now newcomers into animator training",
    ),
    GoldPair(
        "002",
        "Een decreet dat een geïntegreerd EVC-beleid regelt",
        "000",
        "Actie 14",
        "recognising foreign competences and qualifications, now through NARIC",
    ),
    GoldPair(
        "002",
        "Bijkomend onderzoek bij de participatiesurvey",
        "000",
        "Actie 30",
        "research into cultural participation of people of foreign origin, continued for adult work",
    ),
    GoldPair(
        "002",
        "Projectoproep Intersectionaliteit",
        "000",
        "Actie 26",
        "gender equality where gender and migration meet, again a supported project",
    ),
    GoldPair(
        "002",
        "Beleidsnetwerk Gelijke Kansen in de sport",
        "003",
        "Actie 48",
        "lowering thresholds to sport for vulnerable groups, now lgbti+ youth",
    ),
    # overlap: integration plan 2025-2029 <-> equal-opportunities plan 2025-2029
    GoldPair(
        "000",
        "Actie 41",
        "003",
        "Actie 14",
        "the same evaluation of the private rental action plan",
    ),
    GoldPair(
        "000",
        "Actie 25",
        "003",
        "Actie 39",
        "the same civic-integration exemption for people with a disability",
    ),
    GoldPair(
        "000",
        "Actie 38",
        "003",
        "Actie 8",
        "bystander training: one trains, the other maps the offer",
    ),
    GoldPair(
        "000", "Actie 35", "003", "Actie 40", "the same learning-network instrument on narratives"
    ),
    GoldPair(
        "000", "Actie 35", "003", "Actie 49", "the same learning-network instrument on narratives"
    ),
    GoldPair("000", "Actie 24", "003", "Actie 22", "local digital support points for citizens"),
    GoldPair(
        "000",
        "Actie 24",
        "003",
        "Actie 21",
        "digital inclusion policy, one vision across departments",
    ),
    GoldPair("000", "Actie 24", "003", "Actie 23", "digital inclusion at local government level"),
    GoldPair(
        "000",
        "Actie 36",
        "003",
        "Actie 12",
        "anti-discrimination added to the policy on transgressive behaviour",
    ),
    GoldPair(
        "000",
        "Actie 39",
        "003",
        "Actie 7",
        "teaching professionals about discrimination and racism",
    ),
    GoldPair(
        "000",
        "Actie 28",
        "003",
        "Actie 29",
        "lowering thresholds to a formal engagement in youth work",
    ),
    GoldPair(
        "000",
        "Actie 13",
        "003",
        "Actie 55",
        "bringing under-represented groups into childcare jobs",
    ),
    GoldPair("000", "HD 4", "003", "HD 2", "both main goals fight discrimination"),
    GoldPair(
        "000",
        "OD 4.1",
        "003",
        "OD 2.2",
        "knowledge about discrimination among citizens and services",
    ),
]

NOT_LINKED: list[GoldPair] = [
    # lineage look-alikes
    GoldPair(
        "002",
        "We stimuleren een actief gelijke kansen- en diversiteitsbeleid",
        "000",
        "Actie 23",
        "diverse staff in welfare services is not a central contact point for disability",
    ),
    GoldPair(
        "002",
        "Uitbouw kinderopvang met aandacht voor bereik",
        "000",
        "Actie 13",
        "reaching families is not recruiting staff, though both say childcare",
    ),
    GoldPair(
        "002",
        "Uitbouw kinderopvang met aandacht voor bereik",
        "000",
        "Actie 23",
        "accessibility words only",
    ),
    GoldPair(
        "002",
        "Vlam 2020",
        "000",
        "Actie 12",
        "VDAB job mediation is not recruitment by the government",
    ),
    GoldPair("002", "Vlam 2020", "000", "Actie 11", "job seekers are not labour migrants"),
    GoldPair("002", "Vlam 2020", "000", "Actie 19", "work words, but housing for labour migrants"),
    GoldPair(
        "002",
        "Monitoring van de standplaatsen",
        "000",
        "Actie 20",
        "monitoring caravan sites is not monitoring social-housing waiting times",
    ),
    GoldPair(
        "002",
        "Het creëren van bijkomende standplaatsen",
        "000",
        "Actie 21",
        "new caravan pitches are not the social-housing allocation system",
    ),
    GoldPair(
        "002",
        "Verzamelen en ontsluiten van alle informatie die nodig is",
        "000",
        "Actie 18",
        "information for caravan sites, not the temporary-housing notice",
    ),
    GoldPair(
        "002",
        "Sensibilisering van een gezonde woonomgeving",
        "000",
        "Actie 17",
        "healthy living on caravan sites is not shared housing",
    ),
    GoldPair(
        "002",
        "Optimalisering van de oriëntering en kwalificering",
        "000",
        "Actie 16",
        "both name the CLB, but study orientation is not trauma support",
    ),
    GoldPair(
        "002",
        "De Lokale Vrijetijdsmonitor",
        "000",
        "Actie 32",
        "a leisure data monitor is not a leisure access portal",
    ),
    GoldPair(
        "002",
        "Door tijdelijke maar gerichte maatregelen",
        "000",
        "Actie 10",
        "reception classes after the asylum inflow are not NT2 for parents",
    ),
    GoldPair(
        "002",
        "Een aantal STEM-acties ontwikkelen",
        "000",
        "Actie 13",
        "STEM for children is not childcare staff",
    ),
    GoldPair(
        "002",
        "We versterken de impact van het M-decreet",
        "000",
        "Actie 23",
        "inclusive schooling is not an information point on disability",
    ),
    GoldPair(
        "002",
        "Realiseren van een samenwerkingsverband geïntegreerd breed onthaal",
        "000",
        "Actie 24",
        "integrated welfare reception is not digital inclusion",
    ),
    GoldPair(
        "002",
        "We bevorderen actief en gedeeld burgerschap",
        "000",
        "Actie 15",
        "citizenship of third-country nationals is not school attainment targets",
    ),
    GoldPair(
        "002",
        "De Vlaamse overheid lanceert een projectoproep ter versterking",
        "000",
        "Actie 37",
        "an integration-pact call is not racism in aggression protocols",
    ),
    GoldPair(
        "002",
        "Het Agentschap Jongerenwelzijn organiseert een aanbod",
        "000",
        "Actie 18",
        "supported independent living for minors is not the temporary-housing notice",
    ),
    GoldPair(
        "002",
        "Naar een verbeterde ketenwerking tussen Fedasil",
        "000",
        "Actie 13",
        "the asylum-to-work chain is not childcare staff",
    ),
    GoldPair(
        "002",
        "We nemen de variabele ‘herkomst’ op",
        "000",
        "Actie 11",
        "an origin variable in welfare registration is not monitoring labour migrants",
    ),
    GoldPair(
        "002",
        "Het jeugdwerk en het jeugdbeleid bouwt door internationale",
        "000",
        "Actie 40",
        "international youth exchange is not the EU antiracism strategy",
    ),
    GoldPair(
        "002",
        "Projectoproep Intersectionaliteit",
        "003",
        "Actie 41",
        "two project calls on sexual identity, but one is about ethnicity, the other narratives",
    ),
    GoldPair(
        "002",
        "Beleidsnetwerk Gelijke Kansen in de sport",
        "003",
        "Actie 18",
        "sport words, but accessible marinas",
    ),
    # overlap look-alikes
    GoldPair("000", "Actie 5", "003", "Actie 5", "both name the VRT, for different things"),
    GoldPair(
        "000", "Actie 41", "003", "Actie 16", "two evaluations about housing, of different things"
    ),
    GoldPair("000", "Actie 16", "003", "Actie 31", "both support schools, for different needs"),
    GoldPair(
        "000",
        "Actie 26",
        "003",
        "Actie 56",
        "gender equality in families vs employers and parental leave",
    ),
    GoldPair("000", "Actie 26", "003", "Actie 30", "shared project words only"),
    GoldPair(
        "000", "Actie 20", "003", "Actie 36", "social-housing waiting times vs assisted housing"
    ),
    GoldPair("000", "Actie 17", "003", "Actie 37", "shared housing vs the adaptation grant"),
    GoldPair(
        "000",
        "Actie 7",
        "003",
        "Actie 55",
        "both say childcare: language stimulation vs men as staff",
    ),
    GoldPair(
        "000",
        "OD 1.1",
        "003",
        "OD 4.2",
        "a Flanders-wide support network, for language vs digital help",
    ),
    GoldPair(
        "000",
        "Actie 12",
        "003",
        "Actie 11",
        "both inside the Flemish government, recruitment vs training",
    ),
    GoldPair("000", "Actie 2", "003", "Actie 22", "referring to NT2 is not digital support points"),
    GoldPair(
        "000", "Actie 1", "003", "Actie 17", "learning networks on language policy vs accessibility"
    ),
]
