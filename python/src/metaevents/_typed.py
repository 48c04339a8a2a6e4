"""Typed attributes for the event classes, from the catalog.

Each kind's class gets one read-only attribute per catalog parameter of that kind (the union
over every platform), named in snake_case (``tagUrn`` → ``tag_urn``). It reads the value from
``details`` when asked and is ``None`` when the event does not carry it. ``__match_args__`` lists
those attributes first, then ``entity`` and ``subjects``.
"""

from __future__ import annotations

from operator import methodcaller

from metaevents import _native

#: What every kind class matches positionally after its typed attributes.
MATCH_ARGS_TAIL = ("entity", "subjects")


def attribute_name(param: str) -> str:
    """The snake_case attribute name of a catalog parameter (``tagUrn`` → ``tag_urn``,
    ``viaUi`` → ``via_ui``, ``sourceURL`` → ``source_url``)."""
    out: list[str] = []
    for index, char in enumerate(param):
        if char.isupper():
            previous = param[index - 1] if index else ""
            following = param[index + 1] if index + 1 < len(param) else ""
            if previous and (previous.islower() or previous.isdigit() or (previous.isupper() and following.islower())):
                out.append("_")
            out.append(char.lower())
        else:
            out.append(char)
    return "".join(out)


def class_name(kind: str) -> str:
    """The class of a kind: its words in CamelCase (``schema.field_added`` → ``SchemaFieldAdded``);
    ``unknown`` → ``UnknownEvent``."""
    if kind == "unknown":
        return "UnknownEvent"
    return "".join(word[:1].upper() + word[1:] for word in kind.replace(".", "_").split("_"))


def family_class_name(family: str) -> str:
    """The base class of a kind family (``custom_metadata`` → ``CustomMetadataEvent``)."""
    return class_name(family) + "Event" if family != "unknown" else "UnknownEvent"


def install() -> None:
    """Gives every kind class its typed attributes and ``__match_args__``."""
    reserved = set(dir(_native.Event))
    for kind, cls, params in _native._kind_classes():
        if kind != "unknown":
            cls.__doc__ = f"An event of kind ``{kind}``; its typed attributes read ``details``."
            family = kind.partition(".")[0]
            cls.__mro__[1].__doc__ = f"Base class of the ``{family}.*`` kinds."
        names = []
        for param, _type, description in params:
            name = attribute_name(param)
            if name in reserved:
                # Never shadow a common attribute; the value stays reachable by event.detail(param).
                continue
            setattr(cls, name, property(methodcaller("detail", param), doc=f"``details.{param}``: {description}"))
            names.append(name)
        # setattr: mypy rejects assigning __match_args__ on a class, and the tuple is built at run time.
        setattr(cls, "__match_args__", (*names, *MATCH_ARGS_TAIL))  # noqa: B010
