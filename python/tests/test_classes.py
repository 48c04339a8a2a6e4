"""The typed classes: one per kind, each under its family's class, with the catalog's
parameters as typed attributes; the stub agrees with both."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import metaevents
from metaevents._typed import MATCH_ARGS_TAIL, attribute_name, class_name, family_class_name

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def kinds() -> list[dict[str, Any]]:
    return metaevents.catalog()["kinds"]  # type: ignore[no-any-return]


def properties_of(cls: type) -> set[str]:
    return {name for name, value in vars(cls).items() if isinstance(value, property)}


def test_one_class_per_catalog_kind() -> None:
    catalog_kinds = [entry["kind"] for entry in kinds()]
    assert list(metaevents.KINDS) == catalog_kinds
    native = {kind: cls for kind, cls, _ in metaevents._native._kind_classes()}
    assert set(native) == set(catalog_kinds), "a kind without a class (add it to bindings/python/src/event.rs)"
    for kind in catalog_kinds:
        cls = getattr(metaevents, class_name(kind))
        assert native[kind] is cls
        assert cls.__name__ == class_name(kind)
        assert cls.__module__ == "metaevents"
        assert class_name(kind) in metaevents.__all__
        assert kind in (cls.__doc__ or "")


def test_families() -> None:
    for entry in kinds():
        cls = getattr(metaevents, class_name(entry["kind"]))
        family = getattr(metaevents, family_class_name(entry["family"]))
        assert issubclass(cls, family)
        assert issubclass(family, metaevents.Event)
        assert family_class_name(entry["family"]) in metaevents.__all__
    assert metaevents.UnknownEvent.__bases__ == (metaevents.Event,)
    assert metaevents.TagAdded.__mro__[1:3] == (metaevents.TagEvent, metaevents.Event)


def test_typed_attributes_are_the_catalog_params() -> None:
    reserved = set(dir(metaevents.Event))
    for entry in kinds():
        cls = getattr(metaevents, class_name(entry["kind"]))
        names = [attribute_name(param["name"]) for param in entry["params"]]
        assert not reserved & set(names), f"{entry['kind']}: a parameter shadows an Event attribute"
        assert properties_of(cls) == set(names), entry["kind"]
        assert cls.__match_args__ == (*names, *MATCH_ARGS_TAIL)
        for param in entry["params"]:
            assert param["name"] in getattr(cls, attribute_name(param["name"])).__doc__


def test_stub_matches_the_catalog() -> None:
    spec = importlib.util.spec_from_file_location("gen_kind_stubs", TOOLS / "gen_kind_stubs.py")
    assert spec is not None
    assert spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.STUB.read_text(encoding="utf-8")
    assert module.updated(text) == text, (
        "the kind classes of _native.pyi are stale: run python python/tools/gen_kind_stubs.py"
    )


@pytest.mark.parametrize(
    ("param", "name"),
    [
        ("tagUrn", "tag_urn"),
        ("viaUi", "via_ui"),
        ("end1", "end1"),
        ("expiresAtMs", "expires_at_ms"),
        ("sourceURL", "source_url"),
        ("URLPath", "url_path"),
    ],
)
def test_attribute_names(param: str, name: str) -> None:
    assert attribute_name(param) == name


def test_class_names() -> None:
    assert class_name("schema.field_added") == "SchemaFieldAdded"
    assert class_name("unknown") == "UnknownEvent"
    assert family_class_name("custom_metadata") == "CustomMetadataEvent"


def test_typed_attributes_read_details(datahub_text: str, atlan_text: str) -> None:
    event = metaevents.parse(datahub_text)
    assert isinstance(event, metaevents.TagAdded)
    assert event.tag_urn == "urn:li:tag:PII" == event.details["tagUrn"] == event.detail("tagUrn")
    assert event.field_path is None
    assert event.tags is None
    assert event.detail("nope", 7) == 7
    atlan = metaevents.parse(atlan_text)
    assert isinstance(atlan, metaevents.TagAdded)
    assert atlan.tag_urn is None
    assert atlan.tags == atlan.details["tags"]
    assert atlan.tags
    assert atlan.propagated is False


def test_match(datahub_text: str, atlan_text: str) -> None:
    def describe(event: metaevents.Event | metaevents.ValidationRequest) -> str:
        match event:
            case metaevents.ValidationRequest():
                return "validation"
            case metaevents.TagAdded(tag, entity=metaevents.Entity(platform="snowflake")) if tag:
                return f"datahub tag {tag}"
            case metaevents.TagAdded(entity=metaevents.Entity(type="Column", name=name), subjects=[tag_id]):
                return f"atlan tag {tag_id} on {name}"
            case metaevents.TagEvent():
                return "another tag event"
            case metaevents.Event(kind, entity, subjects):
                return f"{kind} on {entity.id} {subjects}"
        return "?"

    assert describe(metaevents.parse(datahub_text)) == "datahub tag urn:li:tag:PII"
    assert describe(metaevents.parse(atlan_text)) == "atlan tag kQzPiiTagHash0000000001 on EMAIL"
    assert describe(metaevents.parse('{"atlan-webhook": "hi"}')) == "validation"
    unknown = json.loads(datahub_text) | {"category": "SOMETHING_NEW"}
    event = metaevents.parse(unknown)
    assert isinstance(event, metaevents.UnknownEvent)
    assert event.kind == "unknown"
    assert describe(event).startswith("unknown on urn:li:dataset:")


def test_event_attributes(datahub_text: str) -> None:
    event = metaevents.parse(datahub_text)
    assert isinstance(event, metaevents.Event)
    contract = event.to_dict()
    assert list(contract) == ["id", "source", "kind", "time", "actor", "entity", "subjects", "details", "native", "raw"]
    assert event.id == contract["id"]
    assert len(event.id) == 32
    assert (event.source, event.kind, event.family, event.time) == ("datahub", "tag.added", "tag", 1717171717171)
    assert event.actor == "urn:li:corpuser:jane.doe"
    assert event.subjects == ["urn:li:tag:PII"]
    assert (
        event.native
        == contract["native"]
        == {"format": "entity-change-event", "category": "TAG", "operation": "ADD", "envelope": []}
    )
    assert event.raw == json.loads(datahub_text) == json.loads(event.raw_json)
    assert event.raw is event.raw
    assert "raw" not in event.to_dict(raw=False)
    assert json.loads(event.to_json()) == contract
    assert json.loads(event.to_json(raw=False)) == event.to_dict(raw=False)
    entity = event.entity
    assert (
        entity.id,
        entity.type,
        entity.name,
        entity.qualified_name,
        entity.platform,
        entity.parent,
        entity.field_path,
    ) == (
        "urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.public.customers,PROD)",
        "dataset",
        "customers",
        "analytics.public.customers",
        "snowflake",
        None,
        None,
    )
    assert entity.to_dict() == contract["entity"]
    assert entity == event.entity
    assert hash(entity) == hash(event.entity)
    assert repr(entity).startswith("Entity(id='urn:li:dataset:")


def test_events_are_immutable_values(datahub_text: str) -> None:
    event = metaevents.parse(datahub_text)
    with pytest.raises(AttributeError):
        event.kind = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        event.tag_urn = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        metaevents.TagAdded()  # type: ignore[call-arg]
    again = metaevents.parse(json.dumps(json.loads(datahub_text), indent=2))
    assert again == event
    assert hash(again) == hash(event)
    assert len({again, event}) == 1
    assert again.raw_json != event.raw_json
    other = metaevents.parse(datahub_text.replace("jane.doe", "john.smith"))
    assert other != event
    assert event != "tag.added"
    assert event != metaevents.parse('{"atlan-webhook": "hi"}')
    assert copy.copy(event) is event
    assert copy.deepcopy(event) is event
    assert repr(event) == (
        "TagAdded(kind='tag.added', "
        "entity='urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.public.customers,PROD)', "
        "subjects=['urn:li:tag:PII'])"
    )


def test_classes_report_the_metaevents_module() -> None:
    for name in (
        "Event",
        "Entity",
        "Filter",
        "Parser",
        "ValidationRequest",
        "EventIterator",
        "TagAdded",
        "MetaeventsError",
        "FilterError",
    ):
        assert getattr(metaevents, name).__module__ == "metaevents"


def test_import_is_light() -> None:
    import subprocess

    heavy = ("json", "typing", "re", "dataclasses", "enum")
    code = f"import sys, metaevents; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True).stdout
    for module in ("json", "typing", "dataclasses"):
        assert module not in out, out
