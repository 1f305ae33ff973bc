"""Entity rules written from news the extractor had not seen, each on short texts written for
these tests (never text from the gold corpus)."""
from kg.extract.text import initials


def _labels(ctx, *kinds):
    return sorted(n.label for n in ctx.of_kind(*kinds))


def test_a_name_after_a_common_noun_of_a_body_is_that_body(extract):
    ctx = extract("Electric carmaker Voltora said it sold more cars this year. Voltora CEO "
                  "Annika Berglund praised the staff.")
    assert "Voltora" in _labels(ctx, "Organization", "Company")
    berglund = next(p for p in ctx.of_kind("Person") if p.label == "Annika Berglund")
    assert [o.label for o in berglund.get("leads")] == ["Voltora"]


def test_a_possessive_name_shortens_without_its_s():
    assert "PLA" in initials("People's Liberation Army")
    assert "LRA" in initials("Lord\u2019s Resistance Army")


def test_a_body_named_with_and_without_its_state_or_sea_head_is_one(extract):
    ctx = extract("Delegates met at the U.N. General Assembly in New York. The General Assembly "
                  "then voted. Boats crossed the Mediterranean Sea on Monday, and more will "
                  "cross the Mediterranean soon.")
    assert _labels(ctx, "Organization", "GovernmentBody").count("U.N. General Assembly") == 1
    assert "General Assembly" not in _labels(ctx, "Organization", "GovernmentBody")
    assert [p for p in _labels(ctx, "Place") if "Mediterranean" in p] == ["Mediterranean Sea"]


def test_a_department_named_with_and_without_the(extract):
    ctx = extract("The U.S. Department of the Treasury acted on Friday. The Department of "
                  "Treasury said more sanctions would follow.")
    bodies = [n for n in ctx.of_kind("Organization", "GovernmentBody") if "Treasury" in n.label]
    assert len(bodies) == 1


def test_hyphenated_names_and_titles_stay_whole(extract):
    ctx = extract("At the summit on Wednesday, Secretary-General Ban Ki-moon appealed for calm.")
    ban = next(p for p in ctx.of_kind("Person"))
    assert ban.label == "Ban Ki-moon"
    assert [p.label for p in ban.get("holdsPosition")] == ["Secretary-General"]


def test_an_acronym_of_an_order_is_not_a_place_or_a_body(extract):
    ctx = extract("The president signed a new Executive Order (E.O.) on Monday. This E.O. gives "
                  "the agency new tools.")
    assert not [n for n in ctx.nodes.values() if n.label == "E.O."]


def test_an_administration_of_an_unknown_leader_is_a_government_body(extract):
    ctx = extract("The Karlsson administration said the tariffs would stay.")
    assert _labels(ctx, "GovernmentBody") == ["Karlsson administration"]
