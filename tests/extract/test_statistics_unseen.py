"""Figures from news the extractor had not seen, each on short texts written for these tests
(never text from the gold corpus)."""


def _stats(extract, text):
    ctx = extract(text)
    return {(str(s.first("value")), s.first("unit"), s.first("measure"))
            for s in ctx.of_kind("Statistic")}


def test_a_change_reported_by_a_participle_or_up_down_is_of_the_subject(extract):
    got = _stats(extract, "Among older women, infections fell sharply, decreasing 31 percent. "
                          "Infections among teenagers kept rising and were up 12 percent.")
    assert ("31", "percent", "infections") in got
    assert ("12", "percent", "Infections") in got


def test_ages_years_in_names_spans_of_time_and_ratio_bases_are_not_figures(extract):
    got = _stats(extract, "Girls ages 10-14 were surveyed. The stadium hosted judo during the "
                          "1996 Olympics. Crime fell in the 18-month period ending in May. "
                          "Today 1 in 4 adults owns a bicycle.")
    values = {v for v, _, _ in got}
    assert not values & {"10", "14", "1996", "18", "4"}


def test_hyphenated_number_words_money_verbs_and_what_a_sum_totals(extract):
    got = _stats(extract, "Thirty-six people were detained in Peru. Police say they seized about "
                          "$1.2 million in the raids. The firm will pay fines totaling $845,000.")
    assert ("36", None, "people detained") in got
    assert ("1200000", "USD", "money seized") in got
    assert ("845000", "USD", "fines") in got


def test_a_figure_set_on_an_object_and_the_near_end_of_a_range(extract):
    got = _stats(extract, "The decree raises the annual quota to 48,000 this year. The bank may "
                          "lower rates by 25 to 50 basis points. The court upheld its 2019 ruling.")
    assert ("48000", None, "annual quota") in got
    assert ("25", "basis points", "rates") in got
    assert "2019" not in {v for v, _, _ in got}


def test_a_rate_named_before_over_and_the_aid_a_sum_is(extract):
    got = _stats(extract, "The economy is imploding with inflation over 900%, joblessness over "
                          "70% and unrest widespread. The agency is providing an additional "
                          "$12.5 million for the people of Chad.")
    assert ("900", "percent", "inflation") in got
    assert ("70", "percent", "joblessness") in got
    assert ("12500000", "USD", "additional assistance for the people of Chad") in got


def test_a_negated_hedge_reads_the_other_way(extract):
    ctx = extract("The party won no less than 115 seats. Not more than 40 people attended.")
    quals = {str(s.first("value")): s.first("qualifier") for s in ctx.of_kind("Statistic")}
    assert quals == {"115": "at least", "40": "at most"}


def test_a_unit_joined_by_a_hyphen_measures_the_noun_after_it(extract):
    got = _stats(extract, "The 6.1-magnitude quake struck at dawn. She pulled away at the "
                          "15-kilometer mark of the 21-kilometer race.")
    assert ("6.1", "magnitude", "earthquake magnitude") in got
    assert ("15", "kilometers", "mark") in got
    assert ("21", "kilometers", "race") in got


def test_a_unit_alone_is_no_measure_and_set_scores_name_no_side(extract):
    got = _stats(extract, "Bread will cost about 80 cents a loaf. Serena Williams beat Maria "
                          "Sharapova in the final, winning 6-4, 3-6, 7-5. Earlier the match was "
                          "tied 1-1 after two sets.")
    assert not any(m in ("cents", "score") and v in ("80", "6", "4", "3", "7", "5")
                   for v, _, m in got)
    assert ("1", None, "score") in got


def test_a_sum_in_words_the_tagger_took_for_a_date(extract):
    got = _stats(extract, "The regulator ordered a fine of more than two hundred forty million "
                          "euros.")
    assert ("240000000", "EUR", "fine") in got


def test_a_share_in_brackets_after_x_among_y(extract):
    got = _stats(extract, "Deaths fell 12%, driven by steep declines among teenagers (41%).")
    assert ("41", "percent", "steep declines among teenagers") in got


def test_how_far_along_a_thing_is(extract):
    got = _stats(extract, "Officials say work on the new dam is about 70 percent complete.")
    assert ("70", "percent", "work on the new dam complete") in got


def test_a_rank_and_a_number_in_a_name_are_not_figures(extract):
    got = _stats(extract, "She is ranked the No. 1 female player in the world. Envoys of the "
                          "so-called G7+1 group met. Nine people died.")
    assert {v for v, _, _ in got} == {"9"}


def test_pounds_of_a_thing_weigh_it_and_each_seizure_is_about_its_own_drug(extract):
    ctx = extract("Police seized 12 kilos of heroin and 9 pounds of cocaine. The council won "
                  "two million pounds of funding.")
    got = {(str(s.first("value")), s.first("unit"), s.first("about").label
            if s.first("about") else None) for s in ctx.of_kind("Statistic")}
    assert ("12", "kilograms", "heroin") in got and ("9", "pounds", "cocaine") in got
    assert ("2000000", "GBP", None) in got


def test_a_year_told_in_words_is_no_figure(extract):
    got = _stats(extract, "She says the two thousand six ruling was unfair. The firm then paid "
                          "two thousand dollars.")
    assert {v for v, _, _ in got} == {"2000"}


def test_a_noun_of_a_number_is_what_the_number_measures(extract):
    got = _stats(extract, "Brazil won before a crowd of 41,200 in Recife. The town has a "
                          "population of 8,000.")
    assert ("41200", None, "crowd") in got and ("8000", None, "population") in got


def test_a_word_that_only_points_at_a_figure_measures_nothing(extract):
    got = _stats(extract, "In 1991, 70 percent of pupils had tried it. By 2001, that number had "
                          "fallen to 64 percent. The rocket flew two times in six days.")
    assert {v for v, _, _ in got} == {"70"}
