"""Reported speech and memberships in forms the corpus showed kg missing, each on short texts
written for these tests (never text from the gold corpus)."""


def _claims(extract, text):
    ctx = extract(text)
    return {(c.first("claimant").label, c.first("claimText")) for c in ctx.of_kind("Claim")}


def test_what_a_speaker_calls_or_describes_something_is_a_claim(extract):
    got = _claims(extract, "The Red Cross called the operation a complete failure. Amnesty "
                           "International has described the trial as deeply unfair. He called on "
                           "the mayor to resign. The minister called for calm. The ship, called "
                           "the Northern Star, was described as seaworthy by its owners.")
    assert ("Red Cross", "the operation a complete failure") in got
    assert ("Amnesty International", "the trial as deeply unfair") in got
    assert len(got) == 2  # not 'called on', 'called for', a name or a passive without a speaker


def test_unnamed_insiders_voters_and_negotiators_are_claimants(extract):
    got = _claims(extract, "Some insiders said the chairman had quit in anger. Several voters said "
                           "they would stay at home. Union negotiators said the talks had failed.")
    assert ("unnamed insider", "the chairman had quit in anger") in got
    assert ("unnamed voter", "they would stay at home") in got
    assert ("unnamed Union negotiator", "the talks had failed") in got
