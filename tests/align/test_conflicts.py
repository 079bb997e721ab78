from __future__ import annotations

from newsweave.align.conflicts import (
    ConflictConfig,
    Figure,
    Statement,
    compare_values,
    disputed_statements,
    figures_of,
    find_conflicts,
)
from newsweave.model import Conflict, DateMention, Evidence
from tests.align.quantity_stand_in import stand_in_quantities


def statement(article: str, text: str, voice: str | None = None, day: str = "2020-12-15"):
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice or article, published=day)


def figures(statements: list[Statement], index: int) -> list[Figure]:
    s = statements[index]
    return figures_of(index, s, stand_in_quantities(s.evidence.text))


def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def conflicts_of(statements: list[Statement], labels: list[int]) -> tuple[Conflict, ...]:
    return find_conflicts("s-1", statements, labels, quantities=stand_in_quantities, dates=no_dates)


def test_approximate_figure_within_tolerance_is_rounding() -> None:
    st = [statement("a", "Officials counted about 300 deaths."), statement("b", "302 deaths.")]
    assert compare_values(figures(st, 0)[0], figures(st, 1)[0], st) == "rounding"
    st = [statement("a", "nearly 5,000 people fled."), statement("b", "4,870 people fled.")]
    assert compare_values(figures(st, 0)[0], figures(st, 1)[0], st) == "rounding"


def test_exact_figures_that_differ_conflict_and_approximate_far_ones_too() -> None:
    st = [statement("a", "306 electoral votes."), statement("b", "302 electoral votes.")]
    assert compare_values(figures(st, 0)[0], figures(st, 1)[0], st) == "conflict"
    st = [statement("a", "about 300 deaths."), statement("b", "400 deaths.")]
    assert compare_values(figures(st, 0)[0], figures(st, 1)[0], st) == "conflict"


def test_later_article_with_an_update_cue_is_an_update() -> None:
    st = [
        statement("a", "The storm killed 12 people.", day="2021-03-01"),
        statement("b", "The death toll rose to 15 people.", day="2021-03-03"),
    ]
    assert compare_values(figures(st, 0)[0], figures(st, 1)[0], st) == "update"
    same_day = [st[0], statement("b", "The death toll rose to 15 people.", day="2021-03-01")]
    assert compare_values(figures(same_day, 0)[0], figures(same_day, 1)[0], same_day) == "conflict"


def test_other_unit_or_subject_is_a_different_quantity() -> None:
    st = [statement("a", "the 538 electors met."), statement("b", "he won 306 votes.")]
    assert compare_values(figures(st, 0)[0], figures(st, 1)[0], st) == "different-quantity"
    st = [statement("a", "232 votes for Trump."), statement("b", "302 votes for Biden.")]
    assert compare_values(figures(st, 0)[0], figures(st, 1)[0], st) == "different-quantity"


def test_shared_figure_anchors_a_tally_conflict_across_unaligned_sentences() -> None:
    st = [
        statement("a", "Biden defeated Donald Trump 306-232 in the Electoral College."),
        statement("b", "Electors cast 302 electoral votes for Joe Biden on Monday."),
        statement("b", "Biden won 302 electoral votes in his favour against the 232 for Trump."),
    ]
    (conflict,) = conflicts_of(st, [0, 1, 2])
    assert conflict.kind == "conflict"
    assert conflict.topic == "electoral votes for Joe Biden"
    values = {v.value: {e.text for e in v.evidence} for v in conflict.values}
    assert values == {
        "306": {st[0].evidence.text},
        "302": {st[1].evidence.text, st[2].evidence.text},
    }
    assert disputed_statements(st, (conflict,)) == {0, 1, 2}


def test_unaligned_sentences_without_anchor_do_not_conflict() -> None:
    st = [
        statement("a", "Police arrested 12 people after the match."),
        statement("b", "Firefighters rescued 40 people from the building."),
    ]
    assert conflicts_of(st, [0, 1]) == ()


def test_one_outlet_repeating_itself_with_other_numbers_is_no_conflict() -> None:
    st = [
        statement("a", "Officials said 12 people died in the blast."),
        statement("a2", "Officials said 15 people died in the blast.", voice="a"),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_negated_claim_from_another_outlet_disputes_it() -> None:
    st = [
        statement("a", "The ministry confirmed that troops crossed the border on Sunday."),
        statement("b", "The ministry denied that troops crossed the border on Sunday."),
    ]
    (conflict,) = conflicts_of(st, [0, 0])
    assert conflict.kind == "conflict"
    assert {v.value for v in conflict.values} == {"affirmed", "negated"}
    assert disputed_statements(st, (conflict,)) == {0, 1}


def test_negation_elsewhere_in_a_long_sentence_does_not_dispute() -> None:
    st = [
        statement("a", "Cooperation would serve the interests of the whole world."),
        statement("b", "Cooperation would serve not only the US and Russia but the whole world."),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_hedged_report_against_firm_statement_is_a_hedge_conflict() -> None:
    st = [
        statement("a", "Hackers linked to Russian intelligence breached several US agencies."),
        statement("b", "Hackers linked to Russian intelligence reportedly breached US agencies."),
    ]
    (conflict,) = conflicts_of(st, [0, 0])
    assert conflict.kind == "hedge"
    assert {v.value for v in conflict.values} == {"hedged", "stated as fact"}


def test_differing_day_dates_of_one_claim_conflict() -> None:
    def dates(text: str, published: str | None) -> tuple[DateMention, ...]:
        value = "2020-12-14" if "Monday" in text else "2020-12-13"
        return (DateMention(text="x", span=(0, 1), value=value, precision="day"),)

    st = [
        statement("a", "The electors met on Monday to confirm the result."),
        statement("b", "The electors met on Sunday to confirm the result."),
    ]
    found = find_conflicts("s-1", st, [0, 0], quantities=stand_in_quantities, dates=dates)
    assert [c.topic.startswith("date of:") for c in found] == [True]


def test_rounding_is_reported_but_does_not_dispute() -> None:
    st = [
        statement("a", "The flood displaced about 300 people in the valley."),
        statement("b", "The flood displaced 302 people in the valley."),
    ]
    (conflict,) = conflicts_of(st, [0, 0])
    assert conflict.kind == "rounding"
    assert disputed_statements(st, (conflict,)) == set()


def test_conflicts_do_not_depend_on_statement_order() -> None:
    st = [
        statement("a", "Biden defeated Donald Trump 306-232 in the Electoral College."),
        statement("b", "Biden won 302 electoral votes in his favour against the 232 for Trump."),
        statement("c", "The storm killed 12 people."),
    ]
    forward = conflicts_of(st, [0, 1, 2])
    backward = conflicts_of(st[::-1], [2, 1, 0])
    assert forward == backward


def test_config_tolerance_is_used() -> None:
    st = [statement("a", "about 300 deaths."), statement("b", "340 deaths.")]
    a, b = figures(st, 0)[0], figures(st, 1)[0]
    assert compare_values(a, b, st) == "conflict"
    assert compare_values(a, b, st, config=ConflictConfig(rounding_tolerance=0.15)) == "rounding"


def test_an_extractor_failing_on_one_sentence_does_not_stop_the_rest() -> None:
    def fragile(text: str):
        if "boom" in text:
            raise ValueError("extractor bug")
        return stand_in_quantities(text)

    st = [
        statement("a", "306 electoral votes."),
        statement("b", "302 electoral votes."),
        statement("c", "boom 300 electoral votes."),
    ]
    found = find_conflicts("s-1", st, [0, 0, 0], quantities=fragile, dates=no_dates)
    assert [sorted(v.value for v in c.values) for c in found] == [["302", "306"]]
