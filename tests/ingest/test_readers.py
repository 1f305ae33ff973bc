"""Readers: datelines, headlines, front matter, JSON records, and bad files named and skipped."""
import json
from datetime import date

import pytest

from kg.errors import InputError
from kg.ingest.readers import read_file, split_dateline


def test_dateline_gives_date_place_and_publisher():
    meta, body = split_dateline("date 2024-01-30 Beijing, (APP - UrduPoint / Pakistan Point "
                                "News - 30th Jan, 2024) China and the US met.")
    assert meta == {"published": date(2024, 1, 30), "dateline": "Beijing",
                    "publisher": "UrduPoint / Pakistan Point News"}
    assert body == "China and the US met."


def test_wire_dateline():
    meta, body = split_dateline("GENEVA, March 3, 2025 (Reuters) - Talks resumed.")
    assert meta["dateline"] == "Geneva" and meta["publisher"] == "Reuters"
    assert meta["published"] == date(2025, 3, 3)
    assert body == "Talks resumed."


@pytest.mark.parametrize("text, place, published", [
    ("Washington, D.C., Dec. 15, 2008 - The agency settled.", "Washington, D.C.",
     date(2008, 12, 15)),
    ("WASHINGTON \u2013 The agency settled.", "Washington", None),
    ("Nairobi -- The agency settled.", "Nairobi", None),
])
def test_press_release_dateline(text, place, published):
    meta, body = split_dateline(text)
    assert meta.get("dateline") == place and meta.get("published") == published
    assert body == "The agency settled."


@pytest.mark.parametrize("text", ["Israel - Hamas talks resumed.", "The talks - which began"])
def test_a_title_word_and_a_dash_is_not_a_dateline(text):
    assert split_dateline(text) == ({}, text)


def test_text_file_headline(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Ministers agree on grain deal\nThe ministers met on Friday.\n")
    art = read_file(f)[0]
    assert art.title == "Ministers agree on grain deal"
    assert art.text.startswith("Ministers agree")


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Grain deal\ndate: 2025-05-09\nurl: https://example.org/a\n"
                 "publisher: Example News\n---\nThe ministers met on Friday.\n")
    art = read_file(f)[0]
    assert (art.title, art.published, art.url, art.publisher) == (
        "Grain deal", date(2025, 5, 9), "https://example.org/a", "Example News")
    assert art.text.strip() == "The ministers met on Friday."


def test_front_matter_is_yaml_read_as_written(tmp_path):
    f = tmp_path / "q.md"
    f.write_text("---\ntitle: \"Strike 'officially over'\"\nDate: 2014-06-23\n---\n\n  Body.\n")
    art = read_file(f)[0]
    assert (art.title, art.published) == ("Strike 'officially over'", date(2014, 6, 23))
    assert art.text == "  Body.\n"


def test_bad_front_matter_is_named_with_its_line_and_the_body_still_read(tmp_path):
    f = tmp_path / "fm.md"
    f.write_text("---\ntitle: Talks\nno colon here\n---\nAna Lima met Bo Chen.\n")
    art = read_file(f)[0]
    assert art.text == "Ana Lima met Bo Chen.\n"
    assert len(art.notes) == 1 and f"{f}:3: front matter" in art.notes[0]


def test_json_and_jsonl_records(tmp_path):
    f = tmp_path / "a.json"
    f.write_text(json.dumps([{"text": "One.", "date": "2025-01-02"}, {"text": "Two."}]))
    assert [a.text for a in read_file(f)] == ["One.", "Two."]
    g = tmp_path / "b.jsonl"
    g.write_text('{"text": "One.", "title": "T"}\n\n{"text": "Two."}\n')
    arts = read_file(g)
    assert [a.title for a in arts] == ["T", None]


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"   \n", "empty"),
    ("bin.txt", b"\x00\x01\x02abc", "binary"),
    ("latin.txt", "caf\u00e9 cr\u00e8me".encode("latin-1"), "not UTF-8"),
    ("bad.json", b'{"text": "x",', "malformed JSON"),
    ("bad.jsonl", b'{"text": \n', ":1: malformed JSON"),
    ("notext.json", b'{"title": "no body"}', "no 'text'"),
    ("baddate.json", b'{"text": "x y z", "date": "someday"}', "cannot read the date"),
])
def test_bad_files_raise_an_error_naming_the_file(tmp_path, name, content, message):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_file(f)
    assert name in str(info.value) and message in str(info.value)


def test_a_bad_jsonl_line_is_noted_and_the_good_lines_read(tmp_path):
    from kg.ingest.readers import read_file

    f = tmp_path / "mixed.jsonl"
    f.write_text('{"text": "One good line."}\n{"text": \n{"text": "Another good one."}\n')
    arts = read_file(f)
    assert [a.text for a in arts] == ["One good line.", "Another good one."]
    assert any("mixed.jsonl:2: malformed JSON" in n for n in arts[0].notes)
