"""One configuration: printed with its notes, loaded from TOML, checked, and named in the report."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

import newsweave
from newsweave.api import analysis_stages, default_stages
from newsweave.cli import main
from newsweave.config import Config, config_from_dict, load_config
from newsweave.errors import ConfigError, PipelineError
from newsweave.executors import Executor
from newsweave.pipeline import Corpus, Pipeline
from tests.conftest import EXAMPLES

SECTIONS = {
    "ingest", "clean", "describe", "copies", "dates", "stories", "entities", "speakers", "claims",
    "conflicts", "timeline", "brief",
}  # fmt: skip


def test_the_printed_configuration_loads_back_to_the_defaults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["config"]) == 0
    text = capsys.readouterr().out
    assert config_from_dict(tomllib.loads(text)) == Config()
    assert set(tomllib.loads(text)) >= SECTIONS
    # Thresholds carry their calibration note as a comment.
    stories = text[text.index("[stories]") :]
    assert "calibrated" in stories[: stories.index("threshold =")].lower()
    assert f"config hash: {Config().hash()}" in text


def test_a_toml_file_changes_a_setting_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[stories]\nthreshold = 0.45\n\n[brief]\nmax_sentences = 2\n", "utf-8")
    config = load_config(path)
    assert config.stories.threshold == 0.45
    assert config.brief.max_sentences == 2
    assert config.hash() != Config().hash()
    assert main(["config", "--config", str(path)]) == 0
    printed = tomllib.loads(capsys.readouterr().out)
    assert printed["stories"]["threshold"] == 0.45
    # The stages the product builds read it.
    stages = {stage.name: stage for stage in default_stages(config)}
    assert stages["stories"].config.threshold == 0.45  # type: ignore[attr-defined]
    assert stages["brief"].config.max_sentences == 2  # type: ignore[attr-defined]


def test_the_brief_counts_reprints_by_the_claims_section(tmp_path: Path) -> None:
    # One rule, one value: the brief stage reads [claims] reprint_sentences / near_identical;
    # [brief] has no copy of them to drift apart.
    path = tmp_path / "settings.toml"
    path.write_text("[claims]\nreprint_sentences = 5\nnear_identical = 95.0\n", "utf-8")
    stages = {stage.name: stage for stage in default_stages(load_config(path))}
    assert stages["brief"].claims.reprint_sentences == 5  # type: ignore[attr-defined]
    assert stages["brief"].claims.near_identical == 95.0  # type: ignore[attr-defined]
    for key in ("reprint_sentences", "near_identical"):
        assert key not in Config().to_dict()["brief"]
        path.write_text(f"[brief]\n{key} = 3\n", "utf-8")
        with pytest.raises(ConfigError, match=f"unknown setting 'brief.{key}'"):
            load_config(path)


@pytest.mark.slow
def test_the_report_names_the_settings_that_produced_it(tmp_path: Path) -> None:
    brief = dataclasses.replace(Config().brief, max_sentences=1, max_conflicts=0)
    config = dataclasses.replace(Config(), brief=brief)
    report = newsweave.analyze(EXAMPLES, config=config)
    assert report.provenance is not None
    assert report.provenance.config_hash == config.hash()
    assert report.provenance.version == newsweave.__version__
    assert report.summaries
    assert all(len(s.sentences) <= 1 for s in report.summaries)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[stories]\nthreshhold = 0.4\n", "unknown setting 'stories.threshhold'"),
        ("[storys]\nthreshold = 0.4\n", "unknown setting 'storys'"),
        ("[stories]\nthreshold = 'high'\n", "stories.threshold: expected a number"),
        ("[clean]\nrepair = 1\n", "clean.repair: expected true or false"),
        ("[claims.conflicts]\nrounding_tolerance = 0.2\n", "set it in the [conflicts] section"),
        ("[stories\n", "not valid TOML"),
    ],
)
def test_a_bad_config_file_is_a_one_line_error_naming_the_key(
    text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(path)
    assert main(["analyze", str(EXAMPLES), "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_a_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(tmp_path / "nope.toml")


def test_every_setting_of_a_config_class_has_a_section() -> None:
    # A stage's config class is reachable from Config, so every threshold can be set from TOML.
    configured = {type(getattr(Config(), f.name)) for f in dataclasses.fields(Config)}
    for stage in analysis_stages():
        config = getattr(stage, "config", None)
        if config is not None:
            assert type(config) in configured, stage.name


def test_speaker_settings_load_from_their_section(tmp_path: Path) -> None:
    path = tmp_path / "speakers.toml"
    path.write_text("[speakers]\npronoun_sentences = 4\nmax_unmarked_paragraphs = 2\n")
    config = load_config(path)
    assert config.speakers.pronoun_sentences == 4
    assert config.speakers.max_unmarked_paragraphs == 2
    assert config.hash() != Config().hash()
    mentions = next(s for s in analysis_stages(config) if s.name == "entities")
    assert getattr(mentions, "speakers", None) == config.speakers
    with pytest.raises(ConfigError, match="speakers"):
        config_from_dict({"speakers": {"pronoun_sentences": 0}})


class _Claims:
    name = "claims"
    requires = ("stories", "voices", "articles.dates")
    provides = ("claims", "conflicts")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        return corpus


def test_claims_cannot_be_placed_before_dates() -> None:
    stages = [s for s in analysis_stages() if s.name != "claims"]
    dates_at = next(i for i, s in enumerate(stages) if s.name == "dates")
    with pytest.raises(PipelineError, match=r"'claims' requires .*articles\.dates"):
        Pipeline([_Given(), *stages[:dates_at], _Claims(), *stages[dates_at:]])


def test_the_shipped_order_is_accepted() -> None:
    Pipeline(default_stages())


class _Given:
    name = "given"
    requires: tuple[str, ...] = ()
    provides = ("articles", "voices", "stories")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        return corpus


class _Sneaky:
    name = "sneaky"
    requires = ("articles",)
    provides = ("claims",)

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        return corpus.evolve(claims=(), voices={"a": "b"})


def test_a_stage_that_changes_what_it_does_not_provide_is_stopped() -> None:
    with pytest.raises(PipelineError, match="'sneaky' changed voices"):
        Pipeline([_Given(), _Sneaky()]).run(Corpus())


def test_isolation_leaves_out_only_the_units_that_fail() -> None:
    from newsweave.pipeline import isolate

    def total(units: list[int]) -> int:
        if 13 in units:
            raise ValueError("unlucky")
        return sum(units)

    result, problems = isolate("sum", list(range(20)), total, source_of=str)
    assert result == sum(range(20)) - 13
    assert [(p.source, p.error) for p in problems] == [("13", "sum failed: ValueError: unlucky")]


def test_a_stage_that_fails_even_on_nothing_is_a_bug_that_propagates() -> None:
    from newsweave.pipeline import isolate

    def broken(units: list[int]) -> int:
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError, match="bug"):
        isolate("broken", [1, 2, 3], broken, source_of=str)


@pytest.mark.parametrize("value", [1, 65, 10_000])
def test_corpus_min_docs_outside_what_line_counts_reach_is_a_one_line_error(
    tmp_path: Path, value: int
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"[clean]\ncorpus_min_docs = {value}\n", "utf-8")
    with pytest.raises(ConfigError, match="corpus_min_docs") as caught:
        load_config(path)
    assert "\n" not in str(caught.value)
    assert load_config_text("[clean]\ncorpus_min_docs = 64\n", tmp_path).clean.corpus_min_docs == 64


def load_config_text(text: str, folder: Path) -> Config:
    path = folder / "ok.toml"
    path.write_text(text, "utf-8")
    return load_config(path)
