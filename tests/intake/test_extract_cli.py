"""`sooth extract FILE`: readable and JSON output, and clear refusals. It needs no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.cli import app
from service.demo import demo_article


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "second-march.txt"
    path.write_text(demo_article(), encoding="utf-8")
    return path


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["extract", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_extract_prints_each_candidate_readably(article: Path) -> None:
    code, out, _ = _run(str(article), "--published-at", "2023-08-01T16:00:00Z")
    assert code == 0, out
    assert out.startswith(f"5 candidate claims in {article}")
    assert "2. Oleksiy Danilov: 2% from “not possible”; no deadline phrase" in out
    assert "1. the writer: 70% from “will likely”" in out
    assert "predicts: A second mutiny would “not be much delayed”" in out


def test_extract_json_is_what_the_api_returns(article: Path) -> None:
    url = "https://example.com/second-march"
    code, out, _ = _run(str(article), "--json", "--url", url)
    assert code == 0, out
    candidates = json.loads(out)["candidates"]
    assert [c["speaker"] for c in candidates] == [None, *["Oleksiy Danilov"] * 4]
    text = demo_article()
    assert all(text[c["start"] : c["end"]] == c["sentence"] for c in candidates)
    assert {c["url"] for c in candidates} == {url}


def test_extract_resolves_deadlines_with_published_at_and_reads_stdin() -> None:
    text = "The minister said inflation will probably fall below 3% within six months."
    code, out, _ = _run("-", "--json", "--published-at", "2024-01-15T10:00:00+01:00", stdin=text)
    assert code == 0, out
    (candidate,) = json.loads(out)["candidates"]
    assert candidate["deadline_phrase"] == "within six months"
    assert candidate["deadline"] == "2024-07-15T09:00:00Z"


def test_extract_says_when_there_is_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The council met on Tuesday. It approved the budget.", encoding="utf-8")
    code, out, _ = _run(str(path))
    assert code == 0
    assert out.strip() == f"no candidate claims in {path}"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--published-at", "2023-08-01T16:00:00"], "must include a timezone"),
        (["--published-at", "last Tuesday"], "is not a date and time"),
        (["--url", "ftp://example.com/a"], "https://"),
    ],
)
def test_extract_refuses_bad_options(article: Path, args: list[str], words: str) -> None:
    code, _, err = _run(str(article), *args)
    assert code == 2
    assert words in " ".join(err.split())


def test_extract_refuses_a_missing_file(tmp_path: Path) -> None:
    code, _, err = _run(str(tmp_path / "absent.txt"))
    assert code == 2
    assert "there is no such file" in err
