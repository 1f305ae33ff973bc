"""Each registered extractor on short texts written for these tests (not the seed articles)."""
from rdflib import Literal
from rdflib.namespace import XSD


def labels(ctx, kind):
    return sorted(n.label for n in ctx.of_kind(kind))


def one(ctx, kind):
    nodes = ctx.of_kind(kind)
    assert len(nodes) == 1, nodes
    return nodes[0]


def check_evidence(ctx):
    """Every fact's evidence offsets point at its sentence in the article text."""
    for n in ctx.nodes.values():
        for start, end in n.spans:
            assert ctx.text[start:end].strip() == ctx.text[start:end]
            assert 0 <= start < end <= len(ctx.text)


def test_entities_people_countries_bodies_substances(extract):
    ctx = extract("Mexican President Claudia Sheinbaum met Canadian officials in Ottawa. "
                  "Sheinbaum said the FBI and the Drug Enforcement Administration had seized "
                  "cocaine and methamphetamine. Ottawa has rejected the plan.")
    assert "Claudia Sheinbaum" in labels(ctx, "Person")
    assert len(ctx.of_kind("Person")) == 1  # "Sheinbaum" is the same person
    assert {"Mexico", "Canada"} <= set(labels(ctx, "Country"))
    assert {"Federal Bureau of Investigation", "Drug Enforcement Administration"} <= \
        set(labels(ctx, "GovernmentBody"))
    assert {"cocaine", "methamphetamine"} <= set(labels(ctx, "Substance"))
    canada = next(n for n in ctx.of_kind("Country") if n.label == "Canada")
    assert "Ottawa" in canada.aliases  # the capital acting as the government
    assert "Ottawa" in labels(ctx, "Place")  # and as a place
    check_evidence(ctx)


def test_entities_acronym_in_brackets_is_an_alias(extract):
    ctx = extract("The International Atomic Energy Agency (IAEA) sent inspectors. "
                  "The IAEA said the site was closed.")
    body = next(n for n in ctx.of_kind("Organization") if "Atomic" in n.label)
    assert "IAEA" in body.aliases or body.label == "International Atomic Energy Agency"
    assert len([n for n in ctx.of_kind("Organization") if "IAEA" in n.aliases]) <= 1


def test_positions_title_before_name_and_appositive(extract):
    ctx = extract("Britain's foreign secretary, David Lammy, met Japanese Prime Minister "
                  "Shigeru Ishiba in Tokyo.")
    posts = {p.label: p for p in ctx.of_kind("Position")}
    assert "Foreign Secretary" in posts and "Prime Minister" in posts
    assert posts["Prime Minister"].first("positionIn").label == "Japan"
    assert posts["Foreign Secretary"].first("positionIn").label == "United Kingdom"
    ishiba = next(p for p in ctx.of_kind("Person") if "Ishiba" in p.label)
    assert ishiba.first("represents").label == "Japan"
    for p in ctx.of_kind("Position"):
        assert p.spans and p.data["title"]
    check_evidence(ctx)


def test_post_states_fill_a_post_named_without_its_state(extract):
    ctx = extract("A German delegation led by Deputy Minister Anna Weber arrived in Paris on "
                  "Monday.")
    post = one(ctx, "Position")
    assert post.first("positionIn").label == "Germany"


def test_organizations_delegation_leader_members_and_working_group(extract):
    ctx = extract("An Indian delegation led by Commerce Secretary Sunil Barthwal arrived in "
                  "Washington. It includes officials from the Ministry of Finance and the "
                  "Reserve Bank. The two sides set up a joint India-US working group on "
                  "semiconductors.")
    d = one(ctx, "Delegation")
    assert d.first("represents").label == "India"
    leader = next(p for p in ctx.of_kind("Person") if "Barthwal" in p.label)
    assert d in leader.get("leads")
    members = [n.label for n in ctx.nodes.values() if d in n.get("memberOf")]
    assert any("Finance" in m for m in members)
    wg = one(ctx, "WorkingGroup")
    assert "working group" in wg.label


def test_organizations_substance_category_and_precursor(extract):
    ctx = extract("Carfentanil is a synthetic opioid far stronger than morphine. Police seized "
                  "precursor chemicals used to make methamphetamine.")
    carf = next(n for n in ctx.of_kind("Substance") if n.label == "carfentanil")
    assert "synthetic opioid" in carf.get("category")
    pre = next(n for n in ctx.of_kind("Substance") if "precursor" in n.label)
    assert pre.first("precursorOf").label == "methamphetamine"


def test_events_meeting_with_participants_place_and_date(extract):
    ctx = extract("Iranian and European negotiators held talks in Geneva on Friday. "
                  "The meeting ended without a deal.", published="2025-05-12")
    m = one(ctx, "Meeting")  # "talks" and "the meeting" are one event
    assert m.first("location").label == "Geneva"
    assert m.first("date") == Literal("2025-05-09", datatype=XSD.date)
    assert any(p.label == "Iran" for p in m.get("participant"))
    check_evidence(ctx)


def test_events_enforcement_action_agent_target_date(extract):
    ctx = extract("In March, the Treasury imposed sanctions on three Mexican companies.",
                  published="2025-06-01")
    e = one(ctx, "EnforcementAction")
    assert e.first("agent").label == "Treasury"
    assert "Mexican companies" in [t.label for t in e.get("target")]
    assert e.first("date") == Literal("2025-03", datatype=XSD.gYearMonth)


def test_events_hypothetical_meetings_are_not_events(extract):
    ctx = extract("Both sides hope future meetings will bring progress.")
    assert not ctx.of_kind("Meeting")


def test_quotes_speaker_by_pronoun_and_split_quote(extract):
    ctx = extract("Health Minister Mark Holland spoke on Monday. \u201cWe are ready. The "
                  "vaccines are here,\u201d he said.\n\n\u201cPeople should book now,\u201d "
                  "Holland added.")
    quotes = {n.first("quote"): n.first("speaker").label for n in ctx.of_kind("Statement")}
    assert quotes == {"We are ready. The vaccines are here": "Mark Holland",
                      "People should book now": "Mark Holland"}
    for st in ctx.of_kind("Statement"):
        (start, end), = st.spans
        assert st.first("quote").split(".")[0] in ctx.text[start:end]
    check_evidence(ctx)


def test_quotes_unnamed_official(extract):
    ctx = extract("\u201cThe talks were useful,\u201d an official told reporters.")
    st = one(ctx, "Statement")
    assert st.first("speaker").label == "unnamed official"


def test_claims_assertion_and_denial(extract):
    ctx = extract("Ukraine has said Russia launched the drones from Belarus. Russia has denied "
                  "the Ukrainian claim.")
    claim = next(c for c in ctx.of_kind("Claim") if c.first("claimant").label == "Ukraine")
    assert "launched the drones" in claim.first("claimText")
    assert claim.first("disputedBy").label == "Russia"
    check_evidence(ctx)


def test_agreements_parties_description_event_and_substance(extract):
    ctx = extract("At a summit in Lima on Saturday, Peru and Chile agreed to share intelligence "
                  "on cocaine trafficking.", published="2025-04-14")
    ag = one(ctx, "Agreement")
    assert {p.label for p in ag.get("party")} == {"Peru", "Chile"}
    assert "share intelligence" in ag.first("description")
    assert ag.first("reachedAt").kind == "Summit"
    assert ag.first("concerns").label == "cocaine"
    check_evidence(ctx)


def test_statistics_value_qualifier_period_place_source(extract):
    ctx = extract("About 1.2 million tonnes of grain were harvested in Ukraine in 2024, according "
                  "to the United Nations. Prices rose 15 percent.")
    stats = {str(s.first("value")): s for s in ctx.of_kind("Statistic")}
    grain = stats["1200000"]
    assert grain.first("qualifier") == "about"
    assert grain.first("measure") == "grain" and grain.first("unit") == "tonnes"
    assert str(grain.first("period")) == "2024"
    assert grain.first("place").label == "Ukraine"
    assert grain.first("reportedBy").label == "United Nations"
    assert grain.first("value").datatype == XSD.decimal
    prices = stats["15"]
    assert prices.first("unit") == "percent" and prices.first("measure") == "Prices"
    assert prices.first("qualifier") is None  # the unit is not a hedge
    check_evidence(ctx)


def test_statistics_ratio_and_non_numbers(extract):
    ctx = extract("Nitazenes can be 40 times more potent than fentanyl. Dozens of people "
                  "attended the hearing in 2023.")
    (ratio,) = [s for s in ctx.of_kind("Statistic")]
    assert str(ratio.first("value")) == "40" and "times" in ratio.get("qualifier")
    assert ratio.first("comparedTo").label == "fentanyl"
    assert ratio.first("about").label == "nitazenes"
    assert ratio.first("measure") == "potency"


def test_positions_appositive_with_possessive_state(extract):
    ctx = extract("Mexico's foreign minister, Alicia B\u00e1rcena, met US Secretary of State "
                  "Antony Blinken in Mexico City on Friday (May 9).", published="2025-05-12")
    posts = {p.label: p.first("positionIn").label for p in ctx.of_kind("Position")}
    assert posts == {"Foreign Minister": "Mexico", "Secretary of State": "United States"}
    assert not [o for o in ctx.of_kind("Organization") if o.label == "State"]
    m = one(ctx, "Meeting")
    assert m.first("date") == Literal("2025-05-09", datatype=XSD.date)


def test_agreements_two_sides_in_reported_speech(extract):
    ctx = extract("Mexico's foreign minister, Alicia B\u00e1rcena, met US Secretary of State "
                  "Antony Blinken in Mexico City on Friday. B\u00e1rcena said the two sides "
                  "agreed to expand cooperation on fentanyl.", published="2025-05-12")
    ag = one(ctx, "Agreement")
    assert {p.label for p in ag.get("party")} == {"Mexico", "United States"}
    assert ag.first("reachedAt").kind == "Meeting"


def test_quotes_according_to_a_source(extract):
    ctx = extract("Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on "
                  "Monday.\n\n\u201cWe will not let smugglers decide,\u201d said Starmer.\n\n"
                  "\u201cThis is a shared challenge,\u201d according to a statement from the "
                  "Elysee Palace.", published="2025-01-20")
    quotes = {n.first("quote"): n.first("speaker").label for n in ctx.of_kind("Statement")}
    assert quotes == {"We will not let smugglers decide": "Keir Starmer",
                      "This is a shared challenge": "Elysee Palace"}


def test_agreements_the_two_leaders_who_met(extract):
    ctx = extract("Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on "
                  "Monday. The two leaders signed a deal to return migrants who cross the "
                  "Channel in small boats.", published="2025-01-20")
    ag = one(ctx, "Agreement")
    assert {p.label for p in ag.get("party")} == {"Keir Starmer", "Emmanuel Macron"}
    assert ag.first("description").startswith("a deal to return migrants")


def test_claims_written_assertion(extract):
    ctx = extract("Emmanuel Macron wrote on X that the talks had been constructive.")
    claim = one(ctx, "Claim")
    assert claim.first("claimant").label == "Emmanuel Macron"
    assert claim.first("claimText") == "the talks had been constructive"


def test_positions_head_of_a_named_body_leads_it(extract):
    ctx = extract("IAEA Director General Rafael Grossi met DEA Administrator Anne Milgram and "
                  "Deputy DEA Administrator Louis Milione in Vienna.")
    leads = {p.label: [o.label for o in p.get("leads")] for p in ctx.of_kind("Person")}
    assert leads["Rafael Grossi"] == ["International Atomic Energy Agency"]
    assert leads["Anne Milgram"] == ["Drug Enforcement Administration"]
    assert leads.get("Louis Milione", []) == []


def test_entities_a_lone_surname_of_a_known_office_holder(extract):
    ctx = extract("In November, Biden and Xi agreed at a summit to cooperate on fentanyl, the "
                  "White House and Chinese state media said.", published="2024-04-20")
    people = {p.label: p.wikidata for p in ctx.of_kind("Person")}
    assert people == {"Joe Biden": "Q6279", "Xi Jinping": "Q15031"}
    ctx = extract("Johnson said the bill would pass.")  # several Johnsons in office: unlinked
    assert [p.label for p in ctx.of_kind("Person")] in ([], ["Johnson"])


def test_quotes_paragraph_left_open_runs_into_the_attributed_one(extract):
    ctx = extract("Officials met on Monday.\n\n\u201cWe came here to listen. We will be back next "
                  "month.\n\n\u201cThe work has only started,\u201d said Health Minister Mark "
                  "Holland.")
    speakers = {n.first("quote"): n.first("speaker").label for n in ctx.of_kind("Statement")}
    assert speakers == {"We came here to listen. We will be back next month": "Mark Holland",
                        "The work has only started": "Mark Holland"}


def test_statistics_money_rates_and_changes(extract):
    ctx = extract("Tesla reported revenue of $25.2 billion for the third quarter, up 8% from a "
                  "year earlier. The overdose death rate fell to 22.8 per 100,000 people in 2024, "
                  "the CDC said.", published="2024-10-24")
    stats = {str(s.first("value")): s for s in ctx.of_kind("Statistic")}
    assert {"25200000000", "22.8"} <= set(stats)  # the rate's base is not a count
    assert "100000" not in stats
    revenue = stats["25200000000"]
    assert (revenue.first("measure"), revenue.first("unit")) == ("revenue", "USD")
    if "8" in stats:  # a change kept only with what it measures
        assert stats["8"].first("measure") and stats["8"].first("period") is None
    assert stats["22.8"].first("measure") == "overdose death rate per 100,000 people"
    assert stats["22.8"].first("reportedBy").label == "Centers for Disease Control and Prevention"


def test_agreements_deal_with_another_party(extract):
    ctx = extract("Canada reached a deal with the European Union to lift tariffs on steel.")
    ag = one(ctx, "Agreement")
    assert {p.label for p in ag.get("party")} == {"Canada", "European Union"}
    assert "lift tariffs on steel" in ag.first("description")


def test_quotes_the_minister_is_the_minister_named_before(extract):
    ctx = extract("Health Minister Mark Holland visited Ottawa on Monday.\n\n\u201cWe are ready,"
                  "\u201d the minister said.")
    st = one(ctx, "Statement")
    assert st.first("speaker").label == "Mark Holland"


def test_claims_rejected_accusations_become_disputed_claims(extract):
    ctx = extract("China has rejected US accusations that it supplies the chemicals used to make "
                  "fentanyl.")
    claim = one(ctx, "Claim")
    assert claim.first("claimant").label == "United States"
    assert claim.first("disputedBy").label == "China"
    assert claim.first("claimText").startswith("it supplies the chemicals")


def test_organizations_substance_category_from_an_appositive(extract):
    ctx = extract("Xylazine, an animal tranquilizer, is increasingly mixed with fentanyl.")
    xyl = next(n for n in ctx.of_kind("Substance") if n.label == "xylazine")
    assert xyl.get("category") == ["animal tranquilizer"]
