"""Filter: the JSON form (dict or text), datahub-actions configs, matches and filter_ndjson."""

from __future__ import annotations

import json

import pytest

import metaevents
from metaevents import FilterError

VALIDATION = '{"atlan-webhook": "Hello"}'


@pytest.fixture
def ndjson(datahub_text: str, atlan_text: str) -> str:
    return (
        "\n".join([datahub_text, atlan_text, "{broken", VALIDATION, datahub_text.replace("snowflake", "bigquery")])
        + "\n"
    )


def test_filter_forms(datahub_text: str) -> None:
    spec = {"kind": "tag.*", "entity.platform": "snowflake"}
    event = metaevents.parse(datahub_text)
    for compiled in (metaevents.Filter(spec), metaevents.Filter(json.dumps(spec))):
        assert compiled.spec == spec
        assert compiled.matches(event)
    assert repr(metaevents.Filter({"kind": "tag.added"})) == 'Filter({"kind":"tag.added"})'
    assert not metaevents.Filter({"source": "atlan"}).matches(event)
    assert metaevents.Filter({}).matches(event)


def test_filter_ndjson_equals_matches(ndjson: str) -> None:
    lines = ndjson.split("\n")
    for spec in (
        {"kind": "tag.added"},
        {"entity.platform": "snowflake"},
        {"source": "atlan"},
        {"not": {"kind": "tag.added"}},
        {},
    ):
        compiled = metaevents.Filter(spec)
        by_event = []
        for index, line in enumerate(lines):
            try:
                parsed = metaevents.parse(line)
            except metaevents.MetaeventsError:
                continue
            if compiled.matches(parsed):
                by_event.append(index)
        assert compiled.filter_ndjson(ndjson.encode()) == by_event, spec
        assert compiled.filter_ndjson(ndjson) == by_event
        assert compiled.filter_ndjson(ndjson, metaevents.Parser()) == by_event


def test_filter_ndjson_with_a_parser(datahub_text: str) -> None:
    compiled = metaevents.Filter({"kind": "tag.added"})
    assert compiled.filter_ndjson(datahub_text) == [0]
    assert compiled.filter_ndjson(datahub_text, metaevents.Parser(max_event_bytes=50)) == []


def test_validation_requests_never_match() -> None:
    request = metaevents.parse(VALIDATION)
    assert not metaevents.Filter({}).matches(request)
    with pytest.raises(TypeError, match="needs an Event"):
        metaevents.Filter({}).matches({"kind": "tag.added"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spec", "path"),
    [
        ({"kind": {"regexx": "x"}}, "filter.kind.regexx"),
        ({"any": [{"kind": "tag.added"}, {"kind": {"gt": []}}]}, "filter.any[1].kind.gt"),
        ('{"kind": ', "filter"),
        ([1, 2], "filter"),
    ],
)
def test_bad_filters_say_where(spec: object, path: str) -> None:
    with pytest.raises(FilterError) as raised:
        metaevents.Filter(spec)  # type: ignore[arg-type]
    error = raised.value
    assert isinstance(error, ValueError)
    assert error.kind == "filter"
    assert error.path == path
    assert str(error).startswith(path)


def test_datahub_actions_configs(datahub_text: str, atlan_text: str) -> None:
    config = {
        "filter": {
            "event_type": "EntityChangeEvent_v1",
            "event": {"category": "TAG", "operation": "ADD", "modifier": "urn:li:tag:PII"},
        }
    }
    yaml_text = """
name: pii-alerts
source:
  type: kafka
filter:
  event_type: EntityChangeEvent_v1
  event:
    category: TAG
    operation: ADD
    modifier: urn:li:tag:PII
action:
  type: slack
"""
    datahub, atlan = metaevents.parse(datahub_text), metaevents.parse(atlan_text)
    for compiled in (metaevents.Filter.from_datahub_actions(config), metaevents.Filter.from_datahub_actions(yaml_text)):
        assert compiled.matches(datahub)
        assert not compiled.matches(atlan)  # datahub-actions filters see DataHub events only
    assert metaevents.Filter.from_datahub_actions(config).spec == config
    with pytest.raises(FilterError):
        metaevents.Filter.from_datahub_actions("filter: [unclosed")
