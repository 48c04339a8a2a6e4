#!/usr/bin/env python3
"""Deterministic generator of realistic Atlan, DataHub, Apache Atlas and OpenMetadata change events,
as NDJSON.

Standard library only. The same seed always gives the same bytes.

    python3 bench/gen_corpus.py --platform datahub --count 100000 --out bench/corpus/datahub.ndjson
    python3 bench/gen_corpus.py --platform atlan --documented-only --count 10000 --out atlan.ndjson
    python3 bench/gen_corpus.py --platform mixed --count 50000 --out mixed.ndjson
    python3 bench/gen_corpus.py --platform atlas --count 10000 --out atlas.ndjson
    python3 bench/gen_corpus.py --platform openmetadata --format mixed --count 10000 --out openmetadata.ndjson
    python3 bench/gen_corpus.py --preset demo --out crates/metaevents-cli/demo/corpus.ndjson

What the events look like follows the platforms' own producers and docs (see the format notes
in the project's design material): DataHub Entity Change Events are 200-600 bytes, with urns,
`parameters` (JSON-in-string `context`, numbers for `attempt`, ...) and `auditStamp`; Atlan
notifications are 1-3 KB envelopes whose `entity` carries the many attributes Atlan sends
(qualified names, connector, counts, certificate, owners, sync run, popularity, ...), hashed
tag and custom-metadata ids, and `mutatedDetails` shaped per operation type. OpenMetadata
ChangeEvents follow `EntityRepository.EntityUpdater`: list values (tags, owners, domains,
columns) as JSON text, descriptions as raw strings, `entity` as the entity's JSON text, and
sometimes several changes in one event.

Formats (`--format`):
  datahub: ece (bare Entity Change Events; the default), platform-event (Kafka PlatformEvent
           records, `payload.value` = the event as JSON text; Relationship Change Events too),
           actions (datahub-actions envelopes), mcl (bare MetadataChangeLogs), mixed (all of these, and poll responses)
  atlan:   envelope (the webhook notification envelope; the default), lambda (an AWS Lambda
           function URL request around it), mixed (envelopes, Lambda, EventBridge, GZIP)
  atlas:   envelope (Kafka records of ATLAS_ENTITIES, the current envelope; the default), legacy
           (the older envelope without source nor spooled, as Purview writes), gzip
           (compressed messages), mixed (all three)
  openmetadata: change-event (bare ChangeEvents, one webhook body each; the default), mixed
           (also AWS Lambda requests with an X-OM-Signature header, and the {data, paging}
           lists servers before 1.3 posted)
  mixed:   DataHub and Atlan in their mixed formats, interleaved in time order (the benchmark's
           mixed corpus; Apache Atlas and OpenMetadata have their own)

`--documented-only` keeps to what each platform documents and its webhooks/actions deliver:
the six Atlan operation types pyatlan models (no CLASSIFICATION_UPDATE, RELATIONSHIP_*, nor
unknown ones), and no unknown DataHub categories. Use it for corpora that third-party models
(pyatlan, datahub-actions) must accept.

`--preset demo` writes the command-line program's demo corpus: every kind of every platform
in every input format (bare ECE, PlatformEvent, actions envelope, poll response, Relationship
Change Event, Atlan envelope, GZIP and split messages, Lambda and EventBridge wrappers, the
webhook validation request, Apache Atlas and Purview notifications (current and older envelopes,
gzip and split), OpenMetadata ChangeEvents alone, in lists and in Lambda requests,
its webhook test message, unknown events of each platform), one working day in time order.

Other scripts import this module for its constants (the PII tag of each platform, the
selective filters the benchmarks use).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import gzip
import hashlib
import hmac
import json
import os
import random
import sys
import uuid
from collections.abc import Iterator
from typing import Any

# --------------------------------------------------------------------------------------------
# Constants shared with the benchmark scripts
# --------------------------------------------------------------------------------------------

START_MS = 1777881600000  # 2026-05-04T08:00:00Z
DATAHUB_PII_TAG = "urn:li:tag:PII"
WEBHOOK_VALIDATION = '{"atlan-webhook": "Hello, humans of data! It worked. Excited to see what you build!"}'
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def atlan_hashed_id(name: str) -> str:
    """Atlan's 22-character internal id of a tag or custom-metadata set/attribute, derived
    deterministically from a display name (real ids are random; these only look alike)."""
    number = int.from_bytes(hashlib.sha256(name.encode()).digest()[:17], "big")
    out = []
    for _ in range(22):
        number, digit = divmod(number, 62)
        out.append(B62[digit])
    return "".join(out)


ATLAN_PII_TAG = atlan_hashed_id("tag:PII")

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def dumps(obj: Any) -> str:
    """Compact JSON, as the platforms' Java/Go producers write it."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


ATLAS_MESSAGE_VERSION = {"version": "1.0.0", "versionParts": [1]}


def atlas_gzip_base64(text: str) -> str:
    """`AtlasNotificationBaseMessage.gzipCompressAndEncodeBase64` of the UTF-8 text."""
    return base64.b64encode(gzip.compress(text.encode(), mtime=0)).decode()


def atlas_string_message(message: str, msg_id: str, kind: str, index: int = 1, count: int = 1) -> dict:
    """`AtlasNotificationStringMessage`: what carries a compressed message or one split part."""
    return {
        "version": ATLAS_MESSAGE_VERSION,
        "msgId": msg_id,
        "msgCompressionKind": kind,
        "msgSplitIdx": index,
        "msgSplitCount": count,
        "message": message,
    }


class Rng(random.Random):
    def uuid(self) -> str:
        return str(uuid.UUID(int=self.getrandbits(128), version=4))

    def hex(self, n: int) -> str:
        return "".join(self.choice("0123456789abcdef") for _ in range(n))

    def weighted(self, table: list[tuple[Any, float]]) -> Any:
        total = sum(w for _, w in table)
        x = self.random() * total
        for item, w in table:
            x -= w
            if x < 0:
                return item
        return table[-1][0]

    def zipf(self, items: list[Any], s: float = 1.1) -> Any:
        """Picks from `items`, the first ones far more often (a few assets change a lot)."""
        n = len(items)
        # inverse-CDF of a truncated power law, cheap and good enough
        u = self.random()
        index = int(n * (u ** (1.0 + 2.0 * s)))
        return items[min(index, n - 1)]


class Clock:
    """Event time: strictly ordered, gaps drawn from an exponential distribution."""

    def __init__(self, rng: Rng, start: int = START_MS, mean_gap_ms: float = 1800.0):
        self.rng = rng
        self.now = start
        self.mean = mean_gap_ms

    def tick(self, mean: float | None = None) -> int:
        self.now += 1 + int(self.rng.expovariate(1.0 / (mean or self.mean)))
        return self.now


# --------------------------------------------------------------------------------------------
# The world: people, tags, terms, domains and assets both platforms talk about
# --------------------------------------------------------------------------------------------

PEOPLE = [
    "jane.doe",
    "raj.patel",
    "mei.chen",
    "lucas.martin",
    "amara.okafor",
    "sofia.rossi",
    "tom.nguyen",
    "olga.ivanova",
    "diego.alvarez",
    "hannah.schmidt",
    "kenji.sato",
    "fatima.zahra",
    "noah.kim",
    "emma.larsen",
    "samuel.mensah",
    "chloe.dubois",
]
GROUPS = ["data-platform", "analytics-engineering", "finance-data", "governance", "marketing-analytics", "security"]
TAGS = [  # (name, weight): PII is ~10% of tag picks, so "PII tag added" is ~1% of all events
    ("PII", 10),
    ("Sensitive", 14),
    ("Gold", 12),
    ("Silver", 8),
    ("Bronze", 6),
    ("GDPR", 7),
    ("Email", 6),
    ("Finance", 9),
    ("Deprecated", 5),
    ("Legacy", 5),
    ("Certified", 9),
    ("Tier1", 6),
    ("Marketing", 6),
    ("Confidential", 7),
]
TERMS = [
    "Finance.Revenue",
    "Finance.NetRevenue",
    "Finance.ARR",
    "Customer.CustomerId",
    "Customer.Email",
    "Customer.LifetimeValue",
    "Sales.Order",
    "Sales.OrderLine",
    "Marketing.Campaign",
    "Marketing.Attribution",
    "Product.SKU",
    "Privacy.PersonalData",
    "Privacy.SpecialCategory",
    "Operations.Shipment",
]
DOMAINS = ["Finance", "Marketing", "Sales", "Customer Success", "Operations", "Product", "People"]
STRUCTURED_PROPERTIES = [
    ("io.acryl.privacy.retentionTime", lambda r: [str(r.choice([30, 90, 180, 365, 730]))]),
    ("io.acryl.dataManagement.replicationSLA", lambda r: [float(r.choice([1, 4, 12, 24]))]),
    (
        "io.acryl.privacy.enumerations.piiCategory",
        lambda r: r.sample(["EMAIL", "PHONE", "ADDRESS", "SSN", "NAME"], r.randint(1, 2)),
    ),
    ("io.acryl.dataQuality.certified", lambda r: [r.choice(["true", "false"])]),
    ("com.acme.costCenter", lambda r: [r.choice(["CC-1001", "CC-2040", "CC-3310"])]),
]
BUSINESS_ATTRIBUTES = ["CustomerEmail", "PhoneNumber", "PostalAddress", "DateOfBirth", "OrderAmount", "CurrencyCode"]
WORDS_A = ["dim", "fct", "stg", "int", "raw", "agg", "rpt", "src", "snap"]
WORDS_B = [
    "orders",
    "customers",
    "payments",
    "invoices",
    "shipments",
    "products",
    "sessions",
    "events",
    "campaigns",
    "subscriptions",
    "refunds",
    "accounts",
    "users",
    "inventory",
    "returns",
    "leads",
    "opportunities",
    "page_views",
    "clicks",
    "ledger",
    "transactions",
    "tickets",
    "contracts",
    "vendors",
    "employees",
]
WORDS_C = ["", "", "", "_daily", "_hourly", "_v2", "_history", "_latest", "_snapshot", "_enriched"]
COLUMNS = [
    ("id", "NUMBER", "NUMBER(38,0)"),
    ("customer_id", "NUMBER", "NUMBER(38,0)"),
    ("order_id", "NUMBER", "NUMBER(38,0)"),
    ("email", "VARCHAR", "VARCHAR(256)"),
    ("phone_number", "VARCHAR", "VARCHAR(32)"),
    ("first_name", "VARCHAR", "VARCHAR(128)"),
    ("last_name", "VARCHAR", "VARCHAR(128)"),
    ("created_at", "TIMESTAMP_NTZ", "TIMESTAMP_NTZ(9)"),
    ("updated_at", "TIMESTAMP_NTZ", "TIMESTAMP_NTZ(9)"),
    ("amount", "NUMBER", "NUMBER(18,2)"),
    ("currency", "VARCHAR", "VARCHAR(3)"),
    ("status", "VARCHAR", "VARCHAR(32)"),
    ("country_code", "VARCHAR", "VARCHAR(2)"),
    ("is_active", "BOOLEAN", "BOOLEAN"),
    ("quantity", "NUMBER", "NUMBER(10,0)"),
    ("sku", "VARCHAR", "VARCHAR(64)"),
    ("discount_pct", "FLOAT", "FLOAT"),
    ("shipping_address", "VARCHAR", "VARCHAR(512)"),
    ("ip_address", "VARCHAR", "VARCHAR(45)"),
    ("event_ts", "TIMESTAMP_TZ", "TIMESTAMP_TZ(9)"),
    ("payload", "VARIANT", "VARIANT"),
    ("region", "VARCHAR", "VARCHAR(16)"),
]
DESCRIPTIONS = [
    "One row per customer order, deduplicated from the raw Shopify feed.",
    "Daily snapshot of active subscriptions; late-arriving changes are merged for 3 days.",
    "Payments captured by Stripe, in the settlement currency.",
    "Customer master data. Contains personal data: access restricted to the governance group.",
    "Clickstream sessions stitched across devices (30 minute inactivity window).",
    "Ledger entries exported nightly from NetSuite; amounts in cents.",
    "Inventory levels per SKU and warehouse, refreshed hourly.",
    "Marketing campaigns and their spend, joined from Google Ads and Meta.",
    "Refunds issued by support, with the reason code chosen by the agent.",
    "Revenue recognised per contract line (ASC 606). Owned by Finance – do not edit.",  # noqa: RUF001 (real text)
    "Employee directory synced from Workday; names are pseudonymised in non-prod.",
    "Shipments and carrier tracking events, one row per parcel scan.",
    "Produits vendus par magasin et par jour — données fournies par l'équipe Retail.",
    "Kundenstammdaten (Müller-Import), bereinigt und dedupliziert.",
]
DH_PLATFORMS = [  # (platform, weight, how dataset names look)
    ("snowflake", 30, "db.schema.table"),
    ("bigquery", 14, "project.dataset.table"),
    ("redshift", 8, "db.schema.table"),
    ("databricks", 10, "catalog.schema.table"),
    ("postgres", 6, "db.schema.table"),
    ("dbt", 12, "db.schema.table"),
    ("kafka", 6, "topic"),
    ("s3", 5, "path"),
    ("hive", 4, "db.table"),
    ("mysql", 5, "db.table"),
]
ENVS = [("PROD", 85), ("DEV", 8), ("STAGING", 7)]
BI_TOOLS = ["looker", "tableau", "powerbi", "superset"]
FLOW_TOOLS = ["airflow", "dagster", "prefect"]


def _dataset_name(rng: Rng, style: str) -> tuple[str, str, str]:
    """(qualified dataset name, leaf name, container path) for a dataset of a platform style."""
    table = f"{rng.choice(WORDS_A)}_{rng.choice(WORDS_B)}{rng.choice(WORDS_C)}"
    if style == "topic":
        name = f"prod.{rng.choice(WORDS_B)}.{rng.choice(['v1', 'v2', 'cdc', 'events'])}"
        return name, name, "prod"
    if style == "path":
        name = (
            f"acme-data-lake/{rng.choice(['raw', 'curated', 'exports'])}/{rng.choice(WORDS_B)}"
            f"/{rng.choice(['2025', '2026'])}"
        )
        return name, name.rsplit("/", 1)[-1], name.rsplit("/", 1)[0]
    if style == "db.table":
        db = rng.choice(["default", "warehouse", "app", "legacy"])
        return f"{db}.{table}", table, db
    if style == "project.dataset.table":
        project = rng.choice(["acme-prod", "acme-analytics", "acme-marketing-1234"])
        dataset = rng.choice(["sales", "marketing", "finance", "core", "staging"])
        return f"{project}.{dataset}.{table}", table, f"{project}.{dataset}"
    db = rng.choice(["analytics", "raw", "finance", "marketing", "prod"])
    schema = rng.choice(["public", "core", "sales", "staging", "marts", "reporting"])
    return f"{db}.{schema}.{table}", table, f"{db}.{schema}"


class DhDataset:
    __slots__ = ("container", "fields", "leaf", "name", "platform", "urn")

    def __init__(self, urn: str, platform: str, name: str, leaf: str, fields: list[str], container: str):
        self.urn, self.platform, self.name, self.leaf, self.fields, self.container = (
            urn,
            platform,
            name,
            leaf,
            fields,
            container,
        )

    def field_urn(self, path: str) -> str:
        return f"urn:li:schemaField:({self.urn},{path})"


class World:
    """Everything both platforms' events refer to, built once from the seed."""

    def __init__(self, rng: Rng, datasets: int = 600, atlan_tables: int = 500):
        self.rng = rng
        # DataHub
        self.dh_people = [f"urn:li:corpuser:{p}@acme.com" for p in PEOPLE]
        self.dh_groups = [f"urn:li:corpGroup:{g}" for g in GROUPS]
        self.dh_system = [
            "urn:li:corpuser:datahub",
            "urn:li:corpuser:__datahub_system",
            "urn:li:corpuser:ingestion-bot",
        ]
        self.dh_tags = [(f"urn:li:tag:{name}", w) for name, w in TAGS]
        self.dh_terms = [f"urn:li:glossaryTerm:{t}" for t in TERMS] + [
            f"urn:li:glossaryTerm:{rng.uuid()}" for _ in range(4)
        ]
        self.dh_domains = [f"urn:li:domain:{rng.uuid()}" for _ in DOMAINS[:4]] + [
            f"urn:li:domain:{d.lower().replace(' ', '-')}" for d in DOMAINS[4:]
        ]
        self.dh_containers = [f"urn:li:container:{rng.hex(32)}" for _ in range(40)]
        self.dh_properties = [(f"urn:li:structuredProperty:{name}", values) for name, values in STRUCTURED_PROPERTIES]
        self.dh_business_attributes = [f"urn:li:businessAttribute:{rng.uuid()}" for _ in BUSINESS_ATTRIBUTES]
        self.dh_datasets: list[DhDataset] = []
        seen = set()
        while len(self.dh_datasets) < datasets:
            platform, style = rng.weighted([((p, s), w) for p, w, s in DH_PLATFORMS])
            name, leaf, container = _dataset_name(rng, style)
            env = rng.weighted(ENVS)
            urn = f"urn:li:dataset:(urn:li:dataPlatform:{platform},{name},{env})"
            if urn in seen:
                continue
            seen.add(urn)
            fields = [c[0] for c in rng.sample(COLUMNS, rng.randint(4, 12))]
            self.dh_datasets.append(DhDataset(urn, platform, name, leaf, fields, container))
        rng.shuffle(self.dh_datasets)
        self.dh_dashboards = []
        self.dh_charts = []
        for _ in range(60):
            tool = rng.choice(BI_TOOLS)
            ident = rng.choice([str(rng.randint(1, 999)), rng.uuid()[:8]])
            self.dh_dashboards.append(f"urn:li:dashboard:({tool},dashboards.{ident})")
            self.dh_charts.append(
                f"urn:li:chart:({tool},{rng.choice(['dashboard_elements', 'charts'])}.{rng.randint(1, 9999)})"
            )
        self.dh_flows = []
        self.dh_jobs = []
        for _ in range(40):
            tool = rng.choice(FLOW_TOOLS)
            flow_id = (
                f"{rng.choice(['daily', 'hourly', 'weekly', 'backfill'])}_{rng.choice(WORDS_B)}"
                f"_{rng.choice(['etl', 'sync', 'export', 'dbt_run'])}"
            )
            flow = f"urn:li:dataFlow:({tool},{flow_id},{rng.choice(['prod', 'prod', 'PROD', 'dev'])})"
            self.dh_flows.append(flow)
            for _ in range(rng.randint(1, 4)):
                self.dh_jobs.append(
                    (
                        f"urn:li:dataJob:({flow},{rng.choice(['extract', 'load', 'transform', 'test', 'publish'])}"
                        f"_{rng.choice(WORDS_B)})",
                        flow,
                    )
                )
        self.dh_assertions = [(f"urn:li:assertion:{rng.hex(32)}", rng.zipf(self.dh_datasets)) for _ in range(120)]
        # Atlan
        self.at_people = PEOPLE[:12] + ["service-account-apikey-" + rng.uuid() for _ in range(2)]
        self.at_crawler = "service-account-atlan-argo"
        self.at_tags = [(atlan_hashed_id(f"tag:{name}"), w) for name, w in TAGS]
        self.at_cm_sets = []
        for set_name, attrs in [
            ("Data Quality", ["Score", "Last Checked", "Owner Team", "Freshness SLA"]),
            ("Privacy", ["Contains PII", "Retention Days", "Legal Basis"]),
            ("Cost", ["Monthly Cost USD", "Cost Center"]),
            ("Lifecycle", ["Sunset Date", "Replacement", "Stage"]),
        ]:
            self.at_cm_sets.append(
                (
                    atlan_hashed_id(f"cm:{set_name}"),
                    set_name,
                    [(atlan_hashed_id(f"cm:{set_name}:{a}"), a) for a in attrs],
                )
            )
        self.at_connections = []
        for connector, count in [
            ("snowflake", 3),
            ("bigquery", 1),
            ("databricks", 1),
            ("redshift", 1),
            ("postgres", 1),
        ]:
            for i in range(count):
                epoch = 1660000000 + rng.randint(0, 40_000_000)
                self.at_connections.append(
                    (connector, f"default/{connector}/{epoch}", f"{connector}-{['prod', 'analytics', 'dev'][i % 3]}")
                )
        self.at_bi = []
        for connector, type_name in [
            ("tableau", "TableauDashboard"),
            ("looker", "LookerDashboard"),
            ("powerbi", "PowerBIReport"),
        ]:
            epoch = 1660000000 + rng.randint(0, 40_000_000)
            for _ in range(12):
                name = (
                    f"{rng.choice(['Executive', 'Weekly', 'Regional', 'Finance', 'Growth', 'Ops'])} "
                    f"{rng.choice(['Revenue', 'Orders', 'Churn', 'Pipeline', 'Inventory', 'Funnel'])} "
                    f"{rng.choice(['Overview', 'Dashboard', 'Report', 'KPIs'])}"
                )
                self.at_bi.append(
                    AtAsset(
                        type_name,
                        rng.uuid(),
                        name,
                        f"default/{connector}/{epoch}/{rng.hex(12)}",
                        connector,
                        f"default/{connector}/{epoch}",
                        None,
                        rng,
                    )
                )
        self.at_tables: list[AtAsset] = []
        seen = set()
        while len(self.at_tables) < atlan_tables:
            connector, conn_qn, conn_name = rng.choice(self.at_connections)
            db = rng.choice(["ANALYTICS", "RAW", "FINANCE", "MARKETING", "PROD_DB"])
            schema = rng.choice(["PUBLIC", "CORE", "SALES", "STAGING", "MARTS", "REPORTING"])
            table = f"{rng.choice(WORDS_A)}_{rng.choice(WORDS_B)}{rng.choice(WORDS_C)}".upper()
            qn = f"{conn_qn}/{db}/{schema}/{table}"
            if qn in seen:
                continue
            seen.add(qn)
            type_name = rng.weighted([("Table", 80), ("View", 15), ("MaterialisedView", 5)])
            asset = AtAsset(type_name, rng.uuid(), table, qn, connector, conn_qn, conn_name, rng)
            asset.db, asset.schema = db, schema
            asset.columns = [(c, t, raw) for c, t, raw in rng.sample(COLUMNS, rng.randint(5, 14))]
            asset.column_guids = [rng.uuid() for _ in asset.columns]
            self.at_tables.append(asset)
        rng.shuffle(self.at_tables)
        self.at_glossary_qn = f"{rng.hex(21)}"
        self.at_terms = [
            AtAsset(
                "AtlasGlossaryTerm",
                rng.uuid(),
                t.split(".")[1],
                f"{rng.hex(21)}@{self.at_glossary_qn}",
                None,
                None,
                None,
                rng,
            )
            for t in TERMS
        ]
        self.at_glossary_guid = rng.uuid()


class AtAsset:
    __slots__ = (
        "certificate",
        "column_guids",
        "columns",
        "conn_name",
        "conn_qn",
        "connector",
        "created",
        "db",
        "description",
        "guid",
        "name",
        "owners",
        "qn",
        "schema",
        "tags",
        "type_name",
    )

    def __init__(self, type_name, guid, name, qn, connector, conn_qn, conn_name, rng: Rng):
        self.type_name, self.guid, self.name, self.qn = type_name, guid, name, qn
        self.connector, self.conn_qn, self.conn_name = connector, conn_qn, conn_name
        self.db = self.schema = None
        self.columns = []
        self.column_guids = []
        self.tags: list[str] = []
        self.created = START_MS - rng.randint(1, 400) * 86_400_000 - rng.randint(0, 86_399_999)
        self.description = rng.choice(DESCRIPTIONS) if rng.random() < 0.5 else None
        self.owners = rng.sample(PEOPLE[:12], rng.randint(0, 2))
        self.certificate = rng.weighted([(None, 60), ("VERIFIED", 25), ("DRAFT", 12), ("DEPRECATED", 3)])


# --------------------------------------------------------------------------------------------
# DataHub
# --------------------------------------------------------------------------------------------

DH_KINDS: list[tuple[str, float]] = [
    ("process.run_started", 9),
    ("process.run_completed", 9),
    ("assertion.run_completed", 8),
    ("tag.added", 10.5),
    ("tag.removed", 3),
    ("term.added", 6),
    ("term.removed", 2),
    ("owner.added", 6),
    ("owner.removed", 2),
    ("domain.added", 3),
    ("domain.removed", 1),
    ("documentation.added", 4),
    ("documentation.modified", 4),
    ("documentation.removed", 1),
    ("schema.field_added", 5),
    ("schema.field_removed", 2),
    ("schema.field_modified", 3),
    ("entity.created", 5),
    ("entity.deleted", 2),
    ("entity.restored", 0.5),
    ("deprecation.changed", 1),
    ("business_attribute.added", 1),
    ("business_attribute.removed", 0.5),
    ("structured_property.added", 2),
    ("structured_property.modified", 1),
    ("structured_property.removed", 0.5),
    ("proposal.created", 1),
    ("proposal.status_changed", 1),
    ("incident.status_changed", 1),
    ("relationship.created", 4),
    ("relationship.updated", 1),
    ("relationship.deleted", 1),
    ("unknown", 0.5),
]
DH_RELATIONSHIP_KINDS = {"relationship.created", "relationship.updated", "relationship.deleted"}


class DataHub:
    def __init__(self, rng: Rng, world: World):
        self.rng = rng
        self.w = world
        self.pending_runs: list[tuple[str, str, str | None, int]] = []
        self.open_incidents: list[tuple[str, list[str]]] = []
        self.open_proposals: list[tuple[str, str, str]] = []
        self.offset = rng.randint(1_000_000, 9_000_000)

    # -- pieces --------------------------------------------------------------------------------
    def actor(self, human: float = 0.7) -> str:
        r = self.rng
        return r.choice(self.w.dh_people) if r.random() < human else r.choice(self.w.dh_system)

    def dataset(self) -> DhDataset:
        return self.rng.zipf(self.w.dh_datasets)

    def taggable(self) -> tuple[str, str, dict]:
        """(entityType, entityUrn, extra parameters) of something tags/terms land on."""
        r = self.rng
        choice = r.weighted(
            [
                ("dataset", 55),
                ("schemaField", 25),
                ("dashboard", 6),
                ("chart", 5),
                ("dataJob", 4),
                ("container", 3),
                ("dataFlow", 2),
            ]
        )
        if choice == "dataset":
            return "dataset", self.dataset().urn, {}
        if choice == "schemaField":
            ds = self.dataset()
            path = r.choice(ds.fields)
            return "schemaField", ds.field_urn(path), {"fieldPath": path, "parentUrn": ds.urn}
        if choice == "dashboard":
            return "dashboard", r.choice(self.w.dh_dashboards), {}
        if choice == "chart":
            return "chart", r.choice(self.w.dh_charts), {}
        if choice == "dataJob":
            return "dataJob", r.choice(self.w.dh_jobs)[0], {}
        if choice == "dataFlow":
            return "dataFlow", r.choice(self.w.dh_flows), {}
        return "container", r.choice(self.w.dh_containers), {}

    def entity(self, allowed=("dataset", "dashboard", "chart", "dataJob", "dataFlow", "container")) -> tuple[str, str]:
        etype, urn, extra = self.taggable()
        while etype not in allowed or extra:
            etype, urn, extra = self.taggable()
        return etype, urn

    def source_details(self) -> str:
        r = self.rng
        if r.random() < 0.8:
            return "{}"
        return dumps(
            {
                "origin": "urn:li:dataHubAction:tag_propagation",
                "propagated": "true",
                "actor": "urn:li:corpuser:__datahub_system",
            }
        )

    @staticmethod
    def ece(
        etype: str,
        urn: str,
        category: str,
        operation: str,
        modifier: str | None,
        parameters: dict | None,
        actor: str,
        time: int,
    ) -> dict:
        event: dict[str, Any] = {"entityType": etype, "entityUrn": urn, "category": category, "operation": operation}
        if modifier is not None:
            event["modifier"] = modifier
        if parameters is not None:
            event["parameters"] = parameters
        event["auditStamp"] = {"actor": actor, "time": time}
        event["version"] = 0
        return event

    # -- one event of a kind ---------------------------------------------------------------
    def make(self, kind: str, time: int, fmt: str = "mixed", old_owner_category: bool = False) -> tuple[str, dict]:
        """Returns ("ece" | "rce" | "platform-event" | "mcl", payload) for one event of `kind`, to be
        written in line format `fmt`."""
        r = self.rng
        w = self.w
        actor = self.actor()
        if kind in ("tag.added", "tag.removed"):
            etype, urn, extra = self.taggable()
            tag = r.weighted(w.dh_tags)
            params = {**extra, "tagUrn": tag, "context": "{}"}
            if etype != "schemaField":
                params["sourceDetails"] = self.source_details()
            return "ece", self.ece(
                etype, urn, "TAG", "ADD" if kind == "tag.added" else "REMOVE", tag, params, actor, time
            )
        if kind in ("term.added", "term.removed"):
            etype, urn, extra = self.taggable()
            term = r.choice(w.dh_terms)
            params = {**extra, "termUrn": term, "context": "{}"}
            if etype != "schemaField":
                params["sourceDetails"] = self.source_details()
            return "ece", self.ece(
                etype, urn, "GLOSSARY_TERM", "ADD" if kind == "term.added" else "REMOVE", term, params, actor, time
            )
        if kind in ("domain.added", "domain.removed"):
            etype, urn = self.entity()
            domain = r.choice(w.dh_domains)
            params = {"domainUrn": domain, "context": "{}", "sourceDetails": "{}"}
            return "ece", self.ece(
                etype, urn, "DOMAIN", "ADD" if kind == "domain.added" else "REMOVE", domain, params, actor, time
            )
        if kind in ("owner.added", "owner.removed"):
            etype, urn = self.entity(("dataset", "dashboard", "chart", "dataJob", "dataFlow", "container"))
            if r.random() < 0.08:
                etype, urn = "glossaryTerm", r.choice(w.dh_terms)
            owner = r.choice(w.dh_people) if r.random() < 0.75 else r.choice(w.dh_groups)
            owner_type = r.weighted(
                [("TECHNICAL_OWNER", 45), ("BUSINESS_OWNER", 30), ("DATA_STEWARD", 20), ("NONE", 5)]
            )
            params = {"ownerUrn": owner, "ownerType": owner_type}
            if r.random() < 0.6:
                params["ownerTypeUrn"] = f"urn:li:ownershipType:__system__{owner_type.lower()}"
            params["sourceDetails"] = "{}"
            category = "OWNER" if old_owner_category else "OWNERSHIP"
            return "ece", self.ece(
                etype, urn, category, "ADD" if kind == "owner.added" else "REMOVE", owner, params, actor, time
            )
        if kind.startswith("documentation."):
            op = {"documentation.added": "ADD", "documentation.modified": "MODIFY", "documentation.removed": "REMOVE"}[
                kind
            ]
            ds = self.dataset()
            text = r.choice(DESCRIPTIONS)
            if r.random() < 0.3:
                path = r.choice(ds.fields)
                params = {"description": text, "fieldPath": path, "parentUrn": ds.urn}
                return "ece", self.ece(
                    "schemaField", ds.field_urn(path), "DOCUMENTATION", op, path, params, actor, time
                )
            if r.random() < 0.15:
                return "ece", self.ece(
                    "dataset", ds.urn, "DOCUMENTATION", op, None, {"documentation": text}, actor, time
                )
            return "ece", self.ece("dataset", ds.urn, "DOCUMENTATION", op, None, {"description": text}, actor, time)
        if kind == "deprecation.changed":
            etype, urn = self.entity()
            if r.random() < 0.7:
                params = {
                    "status": "DEPRECATED",
                    "timestamp": str(time + r.randint(7, 90) * 86_400_000),
                    "note": f"Replaced by {self.dataset().name}; scheduled for removal.",
                }
            else:
                params = {"status": "ACTIVE"}
            return "ece", self.ece(etype, urn, "DEPRECATION", "MODIFY", None, params, actor, time)
        if kind.startswith("schema."):
            op = {"schema.field_added": "ADD", "schema.field_removed": "REMOVE", "schema.field_modified": "MODIFY"}[
                kind
            ]
            ds = self.dataset()
            path = (
                r.choice(ds.fields)
                if op != "ADD"
                else r.choice(COLUMNS)[0] + r.choice(["", "_v2", "_raw", "_normalized"])
            )
            params = {"fieldUrn": ds.field_urn(path), "fieldPath": path, "nullable": r.random() < 0.7}
            if op == "MODIFY":
                params["modificationCategory"] = r.weighted([("TYPE_CHANGE", 50), ("RENAME", 20), ("OTHER", 30)])
            return "ece", self.ece(
                "dataset", ds.urn, "TECHNICAL_SCHEMA", op, ds.field_urn(path), params, self.actor(0.2), time
            )
        if kind in ("entity.created", "entity.deleted", "entity.restored"):
            etype = r.weighted(
                [
                    ("dataset", 70),
                    ("dashboard", 6),
                    ("chart", 6),
                    ("dataJob", 5),
                    ("dataFlow", 3),
                    ("container", 4),
                    ("glossaryTerm", 2),
                    ("tag", 2),
                    ("domain", 1),
                    ("businessAttribute", 1),
                ]
            )
            urn = {
                "dataset": lambda: self.dataset().urn,
                "dashboard": lambda: r.choice(w.dh_dashboards),
                "chart": lambda: r.choice(w.dh_charts),
                "dataJob": lambda: r.choice(w.dh_jobs)[0],
                "dataFlow": lambda: r.choice(w.dh_flows),
                "container": lambda: r.choice(w.dh_containers),
                "glossaryTerm": lambda: r.choice(w.dh_terms),
                "tag": lambda: r.weighted(w.dh_tags),
                "domain": lambda: r.choice(w.dh_domains),
                "businessAttribute": lambda: r.choice(w.dh_business_attributes),
            }[etype]()
            op = {"entity.created": "CREATE", "entity.restored": "REINSTATE"}.get(kind) or r.weighted(
                [("SOFT_DELETE", 80), ("HARD_DELETE", 20)]
            )
            return "ece", self.ece(etype, urn, "LIFECYCLE", op, None, None, self.actor(0.4), time)
        if kind == "assertion.run_completed":
            urn, ds = r.choice(w.dh_assertions)
            result = r.weighted([("SUCCESS", 85), ("FAILURE", 12), ("ERROR", 3)])
            params = {
                "runResult": "COMPLETE",
                "runId": str(time - r.randint(1000, 90_000)),
                "asserteeUrn": ds.urn,
                "assertionResult": result,
            }
            return "ece", self.ece(
                "assertion", urn, "RUN", "COMPLETED", None, params, "urn:li:corpuser:__datahub_system", time
            )
        if kind == "process.run_started":
            job, _flow = r.choice(w.dh_jobs)
            urn = f"urn:li:dataProcessInstance:{r.hex(32)}"
            attempt = 1 if r.random() < 0.9 else r.randint(2, 3)
            params: dict[str, Any] = {"attempt": attempt, "dataJobUrn": job}
            if r.random() < 0.3:
                params["parentInstanceUrn"] = f"urn:li:dataProcessInstance:{r.hex(32)}"
            self.pending_runs.append((urn, job, params.get("parentInstanceUrn"), attempt))
            if len(self.pending_runs) > 50:
                self.pending_runs.pop(0)
            return "ece", self.ece(
                "dataProcessInstance", urn, "RUN", "STARTED", None, params, "urn:li:corpuser:datahub", time
            )
        if kind == "process.run_completed":
            if self.pending_runs:
                urn, job, parent, attempt = self.pending_runs.pop(r.randrange(len(self.pending_runs)))
            else:
                job = r.choice(w.dh_jobs)[0]
                urn, parent, attempt = f"urn:li:dataProcessInstance:{r.hex(32)}", None, 1
            params = {
                "runResult": r.weighted([("SUCCESS", 88), ("FAILURE", 8), ("SKIPPED", 2), ("UP_FOR_RETRY", 2)]),
                "attempt": attempt,
                "dataJobUrn": job,
            }
            if parent:
                params["parentInstanceUrn"] = parent
            return "ece", self.ece(
                "dataProcessInstance", urn, "RUN", "COMPLETED", None, params, "urn:li:corpuser:datahub", time
            )
        if kind in ("business_attribute.added", "business_attribute.removed"):
            ds = self.dataset()
            path = r.choice(ds.fields)
            attribute = r.choice(w.dh_business_attributes)
            params = {"businessAttributeUrn": attribute, "parentUrn": ds.urn, "datasetUrn": ds.urn}
            op = "ADD" if kind.endswith("added") else "REMOVE"
            return "ece", self.ece(
                "schemaField", ds.field_urn(path), "BUSINESS_ATTRIBUTE", op, attribute, params, actor, time
            )
        if kind.startswith("structured_property."):
            op = {
                "structured_property.added": "ADD",
                "structured_property.modified": "MODIFY",
                "structured_property.removed": "REMOVE",
            }[kind]
            etype, urn = self.entity()
            prop, values = r.choice(w.dh_properties)
            params = {"propertyUrn": prop, "propertyValues": dumps(values(r))}
            if op == "REMOVE" and r.random() < 0.5:
                return "ece", self.ece(etype, urn, "STRUCTURED_PROPERTY", op, prop, None, actor, time)
            return "ece", self.ece(etype, urn, "STRUCTURED_PROPERTY", op, prop, params, actor, time)
        if kind == "proposal.created":
            urn = f"urn:li:actionRequest:{r.uuid()}"
            ds = self.dataset()
            request_type = r.weighted(
                [
                    ("TAG_ASSOCIATION", 40),
                    ("TERM_ASSOCIATION", 30),
                    ("UPDATE_DESCRIPTION", 20),
                    ("DOMAIN_ASSOCIATION", 10),
                ]
            )
            params = {"actionRequestType": request_type, "resourceType": "dataset", "resourceUrn": ds.urn}
            if r.random() < 0.3:
                path = r.choice(ds.fields)
                params.update({"subResourceType": "DATASET_FIELD", "subResource": path})
            if request_type == "TAG_ASSOCIATION":
                params["tagUrn"] = r.weighted(w.dh_tags)
            elif request_type == "TERM_ASSOCIATION":
                params["glossaryTermUrn"] = r.choice(w.dh_terms)
            elif request_type == "UPDATE_DESCRIPTION":
                params["description"] = r.choice(DESCRIPTIONS)
            else:
                params["domains"] = dumps([r.choice(w.dh_domains)])
            self.open_proposals.append((urn, request_type, ds.urn))
            operation = "CREATE" if r.random() < 0.6 else "CREATED"
            return "ece", self.ece("actionRequest", urn, "LIFECYCLE", operation, None, params, actor, time)
        if kind == "proposal.status_changed":
            if self.open_proposals:
                urn, request_type, resource = self.open_proposals.pop(0)
            else:
                urn, request_type, resource = f"urn:li:actionRequest:{r.uuid()}", "TAG_ASSOCIATION", self.dataset().urn
            if r.random() < 0.15:
                params = {"actionRequestStatus": "PENDING", "actionRequestType": request_type, "resourceUrn": resource}
                return "ece", self.ece("actionRequest", urn, "LIFECYCLE", "PENDING", None, params, actor, time)
            params = {
                "actionRequestStatus": "COMPLETED",
                "actionRequestResult": r.weighted([("ACCEPTED", 75), ("REJECTED", 25)]),
                "actionRequestType": request_type,
                "resourceUrn": resource,
            }
            return "ece", self.ece("actionRequest", urn, "LIFECYCLE", "COMPLETED", None, params, actor, time)
        if kind == "incident.status_changed":
            if self.open_incidents and r.random() < 0.5:
                urn, entities = self.open_incidents.pop(0)
                op = "RESOLVED"
            else:
                urn = f"urn:li:incident:{r.uuid()}"
                entities = [self.dataset().urn for _ in range(r.randint(1, 2))]
                self.open_incidents.append((urn, entities))
                op = "ACTIVE"
            params = {"entities": "[" + ", ".join(entities) + "]"}
            return "ece", self.ece("incident", urn, "INCIDENT", op, None, params, actor, time)
        if kind in DH_RELATIONSHIP_KINDS:
            op = {"relationship.created": "ADD", "relationship.updated": "RESTATE", "relationship.deleted": "REMOVE"}[
                kind
            ]
            rtype = r.weighted(
                [
                    ("DownstreamOf", 45),
                    ("IsPartOf", 15),
                    ("Consumes", 12),
                    ("Produces", 12),
                    ("OwnedBy", 8),
                    ("TaggedWith", 8),
                ]
            )
            ds = self.dataset()
            if rtype == "DownstreamOf":
                source, dest = ds.urn, self.dataset().urn
            elif rtype == "IsPartOf":
                source, dest = ds.urn, r.choice(w.dh_containers)
            elif rtype in ("Consumes", "Produces"):
                source, dest = r.choice(w.dh_jobs)[0], ds.urn
            elif rtype == "OwnedBy":
                source, dest = ds.urn, r.choice(w.dh_people)
            else:
                source, dest = ds.urn, r.weighted(w.dh_tags)
            event: dict[str, Any] = {
                "sourceUrn": source,
                "destinationUrn": dest,
                "operation": op,
                "relationshipType": rtype,
            }
            if rtype in ("DownstreamOf", "Consumes", "Produces"):
                event["lifecycleOwner"] = (rtype == "DownstreamOf" and "upstreamLineage") or "dataJobInputOutput"
            if rtype == "DownstreamOf" and r.random() < 0.3:
                event["via"] = f"urn:li:query:{r.hex(16)}"
            if r.random() < 0.4:
                event["properties"] = {
                    "aspectName": r.choice(
                        ["upstreamLineage", "dataJobInputOutput", "container", "ownership", "globalTags"]
                    )
                }
            event["auditStamp"] = {"actor": self.actor(0.3), "time": time}
            return "rce", event
        if kind == "unknown":
            # Something this version of the catalog does not know, in a shape the line's format
            # can carry: a future ECE category, another PlatformEvent name, or a MetadataChangeLog.
            choices = {
                "ece": ["category"],
                "platform-event": ["category", "platform-event"],
                "actions": ["category", "mcl"],
                "mcl": ["mcl"],
            }.get(fmt, ["category", "platform-event", "mcl"])
            ds = self.dataset()
            which = r.choice(choices)
            if which == "category":
                app = f"urn:li:application:{r.choice(['churn-model', 'revenue-forecast', 'fraud-scoring'])}"
                return "ece", self.ece(
                    "dataset", ds.urn, "APPLICATION", "ADD", app, {"applicationUrn": app, "context": "{}"}, actor, time
                )
            if which == "platform-event":
                value = {
                    "message": {
                        "template": "BROADCAST_ENTITY_CHANGE",
                        "parameters": {"entityUrn": ds.urn, "entityName": ds.leaf, "actorUrn": actor},
                    },
                    "recipients": [{"type": "SLACK_CHANNEL", "id": "#data-alerts"}],
                }
                return "platform-event", {
                    "header": {"timestampMillis": time},
                    "name": "notificationRequestEvent",
                    "payload": {"value": dumps(value), "contentType": "application/json"},
                }
            aspect = {
                "name": ds.leaf,
                "description": r.choice(DESCRIPTIONS),
                "customProperties": {"owner_team": r.choice(GROUPS)},
                "tags": [],
            }
            return "mcl", {
                "entityType": "dataset",
                "entityUrn": ds.urn,
                "changeType": "UPSERT",
                "aspectName": "datasetProperties",
                "aspect": {"value": dumps(aspect), "contentType": "application/json"},
                "systemMetadata": {
                    "lastObserved": time,
                    "runId": f"snowflake-{r.hex(8)}",
                    "lastRunId": "no-run-id-provided",
                    "properties": {"appSource": "ui"},
                },
                "created": {"time": time, "actor": actor},
            }
        raise ValueError(f"unknown DataHub kind {kind}")

    # -- envelopes ---------------------------------------------------------------------------
    def wrap(self, shape: str, payload: dict, fmt: str) -> str:
        """The NDJSON line of `payload` in format `fmt` (ece | platform-event | actions)."""
        if shape == "platform-event":
            return dumps(payload)
        if shape == "mcl":
            self.offset += self.rng.randint(1, 40)
            meta = {
                "kafka": {
                    "topic": "MetadataChangeLog_Versioned_v1",
                    "offset": self.offset,
                    "partition": self.rng.randint(0, 2),
                }
            }
            return (
                f'{{ "event_type": "MetadataChangeLogEvent_v1", "event": {json.dumps(payload)}, '
                f'"meta": {json.dumps(meta)} }}'
            )
        time = payload["auditStamp"]["time"]
        if fmt == "ece":
            return dumps(payload)
        if fmt == "platform-event":
            name = "entityChangeEvent" if shape == "ece" else "relationshipChangeEvent"
            return dumps(
                {
                    "header": {"timestampMillis": time},
                    "name": name,
                    "payload": {"value": dumps(payload), "contentType": "application/json"},
                }
            )
        if fmt == "actions":
            self.offset += self.rng.randint(1, 40)
            meta = {"kafka": {"topic": "PlatformEvent_v1", "offset": self.offset, "partition": self.rng.randint(0, 2)}}
            return '{{ "event_type": "{}", "event": {}, "meta": {} }}'.format(
                "EntityChangeEvent_v1" if shape == "ece" else "RelationshipChangeEvent_v1",
                json.dumps(actions_event(shape, payload)),
                json.dumps(meta),
            )
        raise ValueError(fmt)

    def poll_response(self, payloads: list[tuple[str, dict]]) -> str:
        """An Events API poll response holding PlatformEvents as Avro-JSON text (non-ASCII
        text rendered one code point per UTF-8 byte, as Avro's JSON encoder does)."""
        self.offset += len(payloads)
        events = []
        for shape, payload in payloads:
            name = "entityChangeEvent" if shape == "ece" else "relationshipChangeEvent"
            inner = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8").decode("latin-1")
            record = {
                "header": {"timestampMillis": payload["auditStamp"]["time"]},
                "name": name,
                "payload": {"value": inner, "contentType": "application/json"},
            }
            events.append({"contentType": "application/json", "value": dumps(record)})
        offset = base64.b64encode(dumps({"PlatformEvent_v1-0": self.offset}).encode()).decode()
        return dumps({"offsetId": offset, "count": len(events), "events": events})


def actions_event(shape: str, payload: dict) -> dict:
    """The event as datahub-actions' `as_json()` writes it (its field order, `parameters` last)."""
    if shape == "rce":
        return payload
    out = {k: payload[k] for k in ("entityType", "entityUrn", "category", "operation") if k in payload}
    if "modifier" in payload:
        out["modifier"] = payload["modifier"]
    out["auditStamp"] = {"time": payload["auditStamp"]["time"], "actor": payload["auditStamp"]["actor"]}
    out["version"] = payload.get("version", 0)
    if payload.get("parameters"):
        out["parameters"] = payload["parameters"]
    return out


# --------------------------------------------------------------------------------------------
# Atlan
# --------------------------------------------------------------------------------------------

AT_KINDS: list[tuple[str, float]] = [
    ("entity.updated", 38),
    ("entity.created", 24),
    ("lineage.created", 4),
    ("tag.added", 10.5),
    ("tag.removed", 3),
    ("custom_metadata.updated", 8),
    ("entity.deleted", 5),
    ("tag.updated", 1),
    ("relationship.created", 1.5),
    ("relationship.updated", 0.5),
    ("relationship.deleted", 0.5),
    ("unknown", 0.3),
]
AT_UNDOCUMENTED = {"tag.updated", "relationship.created", "relationship.updated", "relationship.deleted", "unknown"}
AT_OPERATION = {
    "entity.created": "ENTITY_CREATE",
    "lineage.created": "ENTITY_CREATE",
    "entity.updated": "ENTITY_UPDATE",
    "entity.deleted": "ENTITY_DELETE",
    "custom_metadata.updated": "BUSINESS_ATTRIBUTE_UPDATE",
    "tag.added": "CLASSIFICATION_ADD",
    "tag.removed": "CLASSIFICATION_DELETE",
    "tag.updated": "CLASSIFICATION_UPDATE",
    "relationship.created": "RELATIONSHIP_CREATE",
    "relationship.updated": "RELATIONSHIP_UPDATE",
    "relationship.deleted": "RELATIONSHIP_DELETE",
    "unknown": "LABEL_ADD",
}


class Atlan:
    def __init__(self, rng: Rng, world: World):
        self.rng = rng
        self.w = world
        self.ips = [f"10.{rng.randint(100, 130)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}" for _ in range(4)]

    def user(self) -> str:
        return self.rng.choice(self.w.at_people)

    def pick_asset(self) -> tuple[AtAsset, int | None]:
        """An asset and, for a column, its index in the table."""
        r = self.rng
        roll = r.random()
        if roll < 0.55:
            return r.zipf(self.w.at_tables), None
        if roll < 0.88:
            table = r.zipf(self.w.at_tables)
            return table, r.randrange(len(table.columns))
        if roll < 0.95:
            return r.choice(self.w.at_bi), None
        return r.choice(self.w.at_terms), None

    # -- the entity header -------------------------------------------------------------------
    def header(self, asset: AtAsset, column: int | None, time: int, updated_by: str, full: bool = True) -> dict:
        r = self.rng
        if column is not None:
            name, data_type, raw_type = asset.columns[column]
            name = name.upper()
            guid = asset.column_guids[column]
            type_name = "Column"
            qn = f"{asset.qn}/{name}"
        else:
            name, guid, type_name, qn = asset.name, asset.guid, asset.type_name, asset.qn
        attributes: dict[str, Any] = {"qualifiedName": qn, "name": name}
        if not full:
            return {"typeName": type_name, "attributes": attributes, "guid": guid}
        if asset.connector:
            attributes.update({"connectorName": asset.connector, "connectionQualifiedName": asset.conn_qn})
            if asset.conn_name:
                attributes["connectionName"] = asset.conn_name
        if type_name == "Column":
            precision = 38 if data_type == "NUMBER" else None
            attributes.update(
                {
                    "dataType": data_type,
                    "rawDataTypeDefinition": raw_type,
                    "order": column + 1,
                    "isNullable": name not in ("ID", "ORDER_ID"),
                    "isPrimary": name == "ID",
                    "isForeign": name.endswith("_ID") and name != "ID",
                    "isPartition": False,
                    "isClustered": False,
                    "isSort": False,
                    "isDist": False,
                    "isIndexed": name == "ID",
                    "precision": precision,
                    "numericScale": 0 if precision else None,
                    "maxLength": int(raw_type.split("(")[1].rstrip(")")) if data_type == "VARCHAR" else None,
                    "tableName": asset.name,
                    "tableQualifiedName": asset.qn,
                    "schemaName": asset.schema,
                    "schemaQualifiedName": asset.qn.rsplit("/", 1)[0],
                    "databaseName": asset.db,
                    "databaseQualifiedName": asset.qn.rsplit("/", 2)[0],
                }
            )
            if asset.type_name == "View":
                attributes.update({"viewName": asset.name, "viewQualifiedName": asset.qn})
        elif type_name in ("Table", "View", "MaterialisedView"):
            attributes.update(
                {
                    "columnCount": len(asset.columns),
                    "schemaName": asset.schema,
                    "schemaQualifiedName": asset.qn.rsplit("/", 1)[0],
                    "databaseName": asset.db,
                    "databaseQualifiedName": asset.qn.rsplit("/", 2)[0],
                    "isQueryPreview": False,
                    "isTemporary": False,
                }
            )
            if type_name == "Table":
                attributes.update(
                    {
                        "rowCount": r.randint(1_000, 900_000_000),
                        "sizeBytes": r.randint(100_000, 90_000_000_000),
                        "isPartitioned": r.random() < 0.2,
                    }
                )
                if r.random() < 0.05:
                    attributes["tableType"] = "ICEBERG"
            else:
                attributes["definition"] = (
                    f"create or replace view {asset.name} as select * from "
                    f"{asset.db}.{asset.schema}.STG_{asset.name.split('_', 1)[-1]}"
                )
        elif type_name == "AtlasGlossaryTerm":
            attributes.update({"shortDescription": r.choice(DESCRIPTIONS)[:60], "abbreviation": None})
        else:
            attributes.update({"sourceURL": f"https://{asset.connector}.acme.com/{r.hex(8)}"})
        attributes.update(
            {
                "description": asset.description if type_name != "Column" else None,
                "userDescription": None,
                "displayName": None,
                "tenantId": "default",
                "certificateStatus": asset.certificate,
                "ownerUsers": list(asset.owners),
                "ownerGroups": [],
                "adminUsers": [],
                "adminGroups": [],
                "viewerUsers": [],
                "viewerGroups": [],
                "announcementType": None,
                "announcementTitle": None,
                "announcementMessage": None,
                "popularityScore": 1.17549435e-38 if r.random() < 0.6 else round(r.random() * 3, 6),
                "viewScore": 1.17549435e-38,
                "sourceReadCount": r.randint(0, 5000),
                "sourceReadUserCount": r.randint(0, 40),
                "isDiscoverable": True,
                "isEditable": True,
                "isAIGenerated": False,
                "hasLineage": r.random() < 0.4,
                "sourceCreatedBy": r.choice(["TRANSFORMER", "DBT_USER", "SYSADMIN", "LOADER"])
                if asset.connector
                else None,
                "sourceCreatedAt": asset.created,
                "sourceUpdatedAt": asset.created + r.randint(0, 30) * 86_400_000,
                "lastSyncWorkflowName": (
                    f"atlan-{asset.connector}-default-{asset.connector}-{r.randint(1660000000, 1700000000)}"
                )
                if asset.connector
                else None,
                "lastSyncRun": f"atlan-{asset.connector}-default-{asset.connector}-{r.hex(5)}"
                if asset.connector
                else None,
                "lastSyncRunAt": time - r.randint(60_000, 86_400_000),
            }
        )
        header: dict[str, Any] = {
            "typeName": type_name,
            "attributes": attributes,
            "guid": guid,
            "status": "ACTIVE",
            "displayText": name,
            "isIncomplete": False,
            "createdBy": self.w.at_crawler,
            "updatedBy": updated_by,
            "createTime": asset.created,
            "updateTime": time,
        }
        if asset.tags and column is None:
            header["classificationNames"] = list(asset.tags)
            header["classifications"] = [self.tag_object(t, guid, propagate=True) for t in asset.tags]
        if type_name == "AtlasGlossaryTerm":
            header["relationshipAttributes"] = {
                "anchor": {
                    "guid": self.w.at_glossary_guid,
                    "typeName": "AtlasGlossary",
                    "uniqueAttributes": {"qualifiedName": self.w.at_glossary_qn},
                }
            }
        return header

    def tag_object(self, tag_id: str, entity_guid: str, propagate: bool, full: bool = True) -> dict:
        tag = {
            "typeName": tag_id,
            "entityGuid": entity_guid,
            "entityStatus": "ACTIVE",
            "propagate": propagate,
            "removePropagationsOnEntityDelete": True,
            "restrictPropagationThroughLineage": False,
        }
        if full:
            tag["restrictPropagationThroughHierarchy"] = False
        return tag

    def message(
        self,
        operation: str,
        time: int,
        entity: dict | None,
        mutated: Any = None,
        headers: dict | None = None,
        relationship: dict | None = None,
    ) -> dict:
        message: dict[str, Any] = {"type": "ENTITY_NOTIFICATION_V2"}
        if entity is not None:
            message["entity"] = entity
        if relationship is not None:
            message["relationship"] = relationship
        message["operationType"] = operation
        message["eventTime"] = time
        if mutated is not None:
            message["mutatedDetails"] = mutated
        if headers is not None:
            message["headers"] = headers
        return message

    # -- one event of a kind ---------------------------------------------------------------
    def make(self, kind: str, time: int) -> dict:
        """The notification `message` of one event of `kind`."""
        r = self.rng
        op = AT_OPERATION[kind]
        user = self.user()
        if kind == "entity.created":
            table = r.zipf(self.w.at_tables)
            column = r.randrange(len(table.columns)) if r.random() < 0.7 else None
            header = self.header(table, column, time, self.w.at_crawler)
            header["createTime"] = header["updateTime"] = time
            header["createdBy"] = self.w.at_crawler
            return self.message(op, time, header)
        if kind == "lineage.created":
            source = r.zipf(self.w.at_tables)
            target = r.zipf(self.w.at_tables)
            column_level = r.random() < 0.3
            type_name = "ColumnProcess" if column_level else r.choice(["Process", "Process", "DbtProcess"])
            refs_in = [source, *(r.zipf(self.w.at_tables) for _ in range(r.randint(0, 2)))]

            def ref(asset: AtAsset) -> dict:
                if column_level:
                    i = r.randrange(len(asset.columns))
                    return {
                        "guid": asset.column_guids[i],
                        "typeName": "Column",
                        "uniqueAttributes": {"qualifiedName": f"{asset.qn}/{asset.columns[i][0].upper()}"},
                    }
                return {
                    "guid": asset.guid,
                    "typeName": asset.type_name,
                    "uniqueAttributes": {"qualifiedName": asset.qn},
                }

            inputs = [ref(a) for a in refs_in]
            outputs = [ref(target)]
            qn = f"{source.conn_qn}/{r.hex(32)}"
            sql = (
                f"insert into {target.db}.{target.schema}.{target.name} "
                f"select * from {source.db}.{source.schema}.{source.name} where updated_at > current_date - 1"
            )
            attributes = {
                "qualifiedName": qn,
                "name": f"{source.name} → {target.name}",
                "connectorName": source.connector,
                "connectionQualifiedName": source.conn_qn,
                "code": sql,
                "sql": sql,
                "inputs": inputs,
                "outputs": outputs,
                "tenantId": "default",
                "certificateStatus": None,
                "ownerUsers": [],
                "ownerGroups": [],
                "popularityScore": 1.17549435e-38,
                "isDiscoverable": True,
                "isEditable": True,
                "lastSyncRunAt": time - 30_000,
                "lastSyncRun": f"atlan-{source.connector}-lineage-{r.hex(5)}",
            }
            header = {
                "typeName": type_name,
                "attributes": attributes,
                "guid": r.uuid(),
                "status": "ACTIVE",
                "displayText": attributes["name"],
                "isIncomplete": False,
                "createdBy": self.w.at_crawler,
                "updatedBy": self.w.at_crawler,
                "createTime": time,
                "updateTime": time,
            }
            return self.message(op, time, header)
        if kind == "entity.updated":
            asset, column = self.pick_asset()
            header = self.header(asset, column, time, user)
            if r.random() < 0.5:
                header.pop("status", None)  # missing in both ENTITY_UPDATE samples of the docs
            change = r.weighted(
                [
                    ("description", 30),
                    ("certificate", 20),
                    ("owners", 15),
                    ("announcement", 8),
                    ("meanings", 12),
                    ("readme", 5),
                    ("sync", 10),
                ]
            )
            changed: dict[str, Any] = {"tenantId": "default"}
            relationship_attributes = None
            if change == "description":
                changed["userDescription"] = r.choice(DESCRIPTIONS)
            elif change == "certificate":
                status = r.choice(["VERIFIED", "DRAFT", "DEPRECATED"])
                changed.update(
                    {
                        "certificateStatus": status,
                        "certificateUpdatedBy": user,
                        "certificateUpdatedAt": time,
                        "certificateStatusMessage": r.choice(
                            [None, "Reviewed by governance", "Pending owner sign-off"]
                        ),
                    }
                )
            elif change == "owners":
                changed["ownerUsers"] = r.sample(PEOPLE[:12], r.randint(1, 3))
                if r.random() < 0.4:
                    changed["ownerGroups"] = r.sample(GROUPS, 1)
            elif change == "announcement":
                changed.update(
                    {
                        "announcementType": r.choice(["information", "warning", "issue"]),
                        "announcementTitle": r.choice(
                            ["Migration to new warehouse", "Data delayed", "Schema change on Friday"]
                        ),
                        "announcementMessage": "See #data-announcements for details.",
                        "announcementUpdatedBy": user,
                        "announcementUpdatedAt": time,
                    }
                )
            elif change == "meanings":
                term = r.choice(self.w.at_terms)
                relationship_attributes = {
                    "meanings": [
                        {
                            "guid": term.guid,
                            "typeName": "AtlasGlossaryTerm",
                            "uniqueAttributes": {"qualifiedName": term.qn},
                        }
                    ]
                }
            elif change == "readme":
                changed["readme"] = None
                relationship_attributes = {"readme": {"guid": r.uuid(), "typeName": "Readme"}}
            else:
                changed.update(
                    {
                        "lastSyncRunAt": time - 5000,
                        "lastSyncRun": f"atlan-{asset.connector or 'glossary'}-{r.hex(5)}",
                        "sourceUpdatedAt": time - r.randint(60_000, 3_600_000),
                    }
                )
            guid = header["guid"]
            mutated: dict[str, Any] = {
                "typeName": header["typeName"],
                "attributes": changed,
                "guid": guid,
                "isIncomplete": False,
                "provenanceType": 0,
                "updatedBy": user,
                "updateTime": time,
                "version": 0,
                "proxy": False,
            }
            if relationship_attributes:
                mutated["relationshipAttributes"] = relationship_attributes
            if change == "description":
                header["attributes"]["userDescription"] = changed["userDescription"]
            headers = (
                {
                    "x-atlan-request-id": r.hex(32),
                    "x-atlan-via-ui": "true" if not user.startswith("service") else "false",
                }
                if r.random() < 0.6
                else None
            )
            return self.message(op, time, header, mutated, headers)
        if kind == "entity.deleted":
            asset, column = self.pick_asset()
            header = self.header(asset, column, time, user, full=False)
            handler = r.weighted([("SOFT", 40), ("DEFAULT", 25), ("HARD", 25), ("PURGE", 10)])
            header.update(
                {
                    "status": "DELETED",
                    "displayText": header["attributes"]["qualifiedName"],
                    "isIncomplete": False,
                    "createdBy": self.w.at_crawler,
                    "updatedBy": user,
                    "createTime": asset.created,
                    "updateTime": time,
                    "deleteHandler": handler,
                }
            )
            return self.message(op, time, header)
        if kind == "custom_metadata.updated":
            asset, column = self.pick_asset()
            header = self.header(asset, column, time, user)
            set_id, _set_name, attrs = r.choice(self.w.at_cm_sets)
            chosen = r.sample(attrs, r.randint(1, len(attrs)))
            values: dict[str, Any] = {}
            removing = r.random() < 0.2
            for attr_id, attr_name in chosen:
                if removing:
                    values[attr_id] = None
                elif attr_name in ("Score", "Monthly Cost USD", "Retention Days"):
                    values[attr_id] = (
                        round(r.random() * 100, 2) if attr_name != "Retention Days" else r.choice([30, 90, 365])
                    )
                elif attr_name in ("Last Checked", "Sunset Date"):
                    values[attr_id] = time + r.randint(-30, 120) * 86_400_000
                elif attr_name == "Contains PII":
                    values[attr_id] = r.random() < 0.4
                elif attr_name == "Owner Team":
                    values[attr_id] = r.sample(GROUPS, r.randint(1, 2))
                else:
                    values[attr_id] = r.choice(
                        [
                            "Legitimate interest",
                            "Consent",
                            "CC-1001",
                            "Production",
                            "Beta",
                            "Retired",
                            "DIM_CUSTOMER_V2",
                        ]
                    )
            mutated = {set_id: values}
            return self.message(op, time, header, mutated)
        if kind in ("tag.added", "tag.removed", "tag.updated"):
            asset, column = self.pick_asset()
            tag_ids = [r.weighted(self.w.at_tags)]
            if r.random() < 0.1:
                tag_ids.append(r.weighted(self.w.at_tags))
            entity_guid = asset.column_guids[column] if column is not None else asset.guid
            propagated = r.random() < 0.35
            origin = r.zipf(self.w.at_tables).guid if propagated else entity_guid
            tags = [
                self.tag_object(t, origin, propagate=r.random() < 0.8, full=r.random() < 0.7)
                for t in dict.fromkeys(tag_ids)
            ]
            if kind == "tag.added" and column is None:
                for t in tag_ids:
                    if t not in asset.tags:
                        asset.tags.append(t)
                del asset.tags[:-3]  # an asset carries a few tags, not all of them
            header = self.header(asset, column, time, user if not propagated else self.w.at_crawler)
            if kind == "tag.removed":
                if column is None:
                    asset.tags = [t for t in asset.tags if t not in tag_ids]
                header.pop("classifications", None)
                header.pop("classificationNames", None)
                if asset.tags and column is None:
                    header["classificationNames"] = list(asset.tags)
            elif kind == "tag.added" and column is not None:
                header["classificationNames"] = list(dict.fromkeys(tag_ids))
                header["classifications"] = tags
            if kind == "tag.updated":
                for tag in tags:
                    tag["restrictPropagationThroughLineage"] = True
            return self.message(op, time, header, tags)
        if kind.startswith("relationship."):
            term = r.choice(self.w.at_terms)
            table = r.zipf(self.w.at_tables)
            rtype, end1, end2, label = r.choice(
                [
                    (
                        "AtlasGlossarySemanticAssignment",
                        {
                            "guid": term.guid,
                            "typeName": "AtlasGlossaryTerm",
                            "uniqueAttributes": {"qualifiedName": term.qn},
                        },
                        {
                            "guid": table.guid,
                            "typeName": table.type_name,
                            "uniqueAttributes": {"qualifiedName": table.qn},
                        },
                        "r:AtlasGlossarySemanticAssignment",
                    ),
                    (
                        "table_columns",
                        {
                            "guid": table.guid,
                            "typeName": table.type_name,
                            "uniqueAttributes": {"qualifiedName": table.qn},
                        },
                        {
                            "guid": table.column_guids[0],
                            "typeName": "Column",
                            "uniqueAttributes": {"qualifiedName": f"{table.qn}/{table.columns[0][0].upper()}"},
                        },
                        "__Table.columns",
                    ),
                    (
                        "asset_readme",
                        {
                            "guid": table.guid,
                            "typeName": table.type_name,
                            "uniqueAttributes": {"qualifiedName": table.qn},
                        },
                        {
                            "guid": r.uuid(),
                            "typeName": "Readme",
                            "uniqueAttributes": {"qualifiedName": f"{table.guid}/readme"},
                        },
                        "__Asset.readme",
                    ),
                ]
            )
            status = "DELETED" if kind == "relationship.deleted" else "ACTIVE"
            relationship = {
                "typeName": rtype,
                "guid": r.uuid(),
                "status": status,
                "propagateTags": "ONE_TO_TWO" if rtype.startswith("Atlas") else "NONE",
                "label": label,
                "end1": end1,
                "end2": end2,
                "createdBy": user,
                "updatedBy": user,
                "createTime": time - r.randint(0, 3) * 86_400_000,
                "updateTime": time,
                "version": 0,
            }
            return self.message(op, time, None, relationship=relationship)
        if kind == "unknown":
            asset, column = self.pick_asset()
            header = self.header(asset, column, time, user)
            header["labels"] = [r.choice(["quarterly-close", "needs-review", "gdpr-2026"])]
            return self.message(op, time, header, mutated={"labels": header["labels"]})
        raise ValueError(f"unknown Atlan kind {kind}")

    # -- envelopes ---------------------------------------------------------------------------
    def envelope(self, message: dict, compression: str = "NONE") -> dict:
        """The notification envelope; GZIP as Atlas's producer (which Atlan kept) writes it: the
        whole envelope's JSON gzipped and base64-encoded into the `message` of a string message
        (`AbstractNotification.createNotificationMessages`)."""
        r = self.rng
        time = message["eventTime"]
        msg_id = r.uuid() if compression == "GZIP" else None
        env: dict[str, Any] = {
            "source": {},
            "version": ATLAS_MESSAGE_VERSION,
            "msgCompressionKind": "NONE",
            "msgSplitIdx": 1,
            "msgSplitCount": 1,
            "msgSourceIP": r.choice(self.ips),
            "msgCreatedBy": "",
            "msgCreationTime": time + r.randint(60, 2000),
            "spooled": False,
            "message": message,
        }
        if msg_id is None:
            return env
        return atlas_string_message(atlas_gzip_base64(dumps(env)), f"{msg_id}_0", "GZIP")

    def split(self, message: dict, parts: int = 2) -> list[dict]:
        """A notification too large for one Kafka message, as Atlas's producer splits it: the
        base64 of the gzipped envelope cut into `parts` chunks, numbered from 0."""
        r = self.rng
        msg_id = f"{r.uuid()}_0"
        created = message["eventTime"] + r.randint(60, 2000)
        env = {
            "source": {},
            "version": ATLAS_MESSAGE_VERSION,
            "msgCompressionKind": "NONE",
            "msgSplitIdx": 1,
            "msgSplitCount": 1,
            "msgSourceIP": self.ips[0],
            "msgCreatedBy": "",
            "msgCreationTime": created,
            "spooled": False,
            "message": message,
        }
        text = atlas_gzip_base64(dumps(env))
        size = -(-len(text) // parts)
        return [atlas_string_message(text[i * size : (i + 1) * size], msg_id, "GZIP", i, parts) for i in range(parts)]

    def lambda_request(self, body: str, time: int, signed: bool = True) -> dict:
        r = self.rng
        host = f"{r.choice(['x7k2m9', 'q4n8p1'])}{r.hex(20)}.lambda-url.us-east-1.on.aws"
        headers = {
            "content-length": str(len(body.encode())),
            "x-amzn-tls-version": "TLSv1.3",
            "x-forwarded-proto": "https",
            "x-forwarded-port": "443",
            "x-forwarded-for": f"52.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
            "accept-encoding": "gzip",
            "x-amzn-tls-cipher-suite": "TLS_AES_128_GCM_SHA256",
            "x-amzn-trace-id": f"Root=1-{time // 1000:08x}-{r.hex(24)}",
            "host": host,
            "content-type": "text/plain; charset=utf-8",
            "user-agent": "go-resty/1.12.0 (https://github.com/go-resty/resty)",
        }
        if signed:
            headers["x-atlan-signing-secret"] = "wh-7f3c9a1e5b2d4c6a8e0f1a2b3c4d5e6f"
        return {
            "version": "2.0",
            "routeKey": "$default",
            "rawPath": "/",
            "rawQueryString": "",
            "headers": headers,
            "requestContext": {
                "accountId": "anonymous",
                "apiId": host.split(".")[0],
                "domainName": host,
                "domainPrefix": host.split(".")[0],
                "http": {
                    "method": "POST",
                    "path": "/",
                    "protocol": "HTTP/1.1",
                    "sourceIp": headers["x-forwarded-for"],
                    "userAgent": headers["user-agent"],
                },
                "requestId": r.uuid(),
                "routeKey": "$default",
                "stage": "$default",
                "time": _clf_time(time + 150),
                "timeEpoch": time + 150,
            },
            "body": body,
            "isBase64Encoded": False,
        }

    def event_bridge(self, envelope: dict) -> dict:
        r = self.rng
        time = envelope["msgCreationTime"]
        return {
            "version": "0",
            "id": r.uuid(),
            "detail-type": "Atlan Event",
            "source": "com.atlan.webhook",
            "account": "123456789012",
            "time": _iso_time(time + 300),
            "region": "eu-west-1",
            "resources": [],
            "detail": envelope,
        }

    def line(self, message: dict, fmt: str) -> str:
        if fmt == "envelope":
            return dumps(self.envelope(message))
        if fmt == "lambda":
            return dumps(self.lambda_request(dumps(self.envelope(message)), message["eventTime"]))
        if fmt == "eventbridge":
            return dumps(self.event_bridge(self.envelope(message)))
        if fmt == "gzip":
            return dumps(self.envelope(message, "GZIP"))
        raise ValueError(fmt)


def _clf_time(ms: int) -> str:
    import datetime as dt

    t = dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc)
    return t.strftime("%d/%b/%Y:%H:%M:%S +0000")


def _iso_time(ms: int) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------------------------
# OpenMetadata: ChangeEvents as its webhooks deliver them
# --------------------------------------------------------------------------------------------

OM_TEST_MESSAGE = json.dumps(
    {"message": "This is a test message from OpenMetadata to confirm your webhook destination is configured correctly."}
)
OM_WEBHOOK_SECRET = "demo-webhook-secret"
OM_DB_SERVICES = [
    ("Snowflake", "snowflake_prod"),
    ("BigQuery", "bq_analytics"),
    ("Postgres", "pg_app"),
    ("Redshift", "redshift_dw"),
    ("Databricks", "dbx_lakehouse"),
]
OM_KINDS = [  # (kind, weight)
    ("tag.added", 14),
    ("tag.removed", 5),
    ("term.added", 6),
    ("term.removed", 2),
    ("owner.added", 6),
    ("owner.removed", 3),
    ("domain.added", 3),
    ("domain.removed", 1),
    ("documentation.added", 4),
    ("documentation.modified", 8),
    ("documentation.removed", 1),
    ("deprecation.changed", 1),
    ("schema.field_added", 3),
    ("schema.field_removed", 2),
    ("schema.field_modified", 3),
    ("entity.created", 10),
    ("entity.updated", 10),
    ("entity.deleted", 3),
    ("entity.restored", 1),
    ("several", 5),
    ("unknown", 1),
]
OM_FORMATS = [("change-event", 85), ("lambda", 10), ("list", 5)]


def om_signature(body: str, secret: str = OM_WEBHOOK_SECRET) -> str:
    """X-OM-Signature: `sha256=` and base64 of HMAC-SHA256 over the body (CommonUtil.calculateHMAC)."""
    digest = hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()


class OmTable:
    def __init__(self, rng: Rng, service_type: str, service: str):
        self.id = rng.uuid()
        self.service_type, self.service = service_type, service
        self.name = f"{rng.choice(WORDS_A)}_{rng.choice(WORDS_B)}{rng.choice(WORDS_C)}"
        database = rng.choice(["analytics", "warehouse", "app", "finance"])
        self.schema_fqn = f"{service}.{database}.{rng.choice(['public', 'core', 'staging', 'marts'])}"
        self.fqn = f"{self.schema_fqn}.{self.name}"
        self.version = 0.1
        self.columns = [
            self.column(name, data_type, display, index + 1)
            for index, (name, data_type, display) in enumerate(rng.sample(COLUMNS, rng.randint(4, 9)))
        ]

    def column(self, name: str, data_type: str, display: str, position: int) -> dict:
        column = {
            "name": name,
            "dataType": data_type,
            "dataTypeDisplay": display.lower(),
            "fullyQualifiedName": f"{self.fqn}.{name}",
            "tags": [],
            "ordinalPosition": position,
        }
        if data_type == "VARCHAR":
            column["dataLength"] = int(display.split("(")[1].rstrip(")")) if "(" in display else 256
        return column


class OpenMetadata:
    """ChangeEvents the way OpenMetadata's server fills them (see the module docstring)."""

    def __init__(self, rng: Rng):
        self.rng = rng
        self.tables = [OmTable(rng, *rng.choice(OM_DB_SERVICES)) for _ in range(60)]
        self.users = [
            {
                "id": rng.uuid(),
                "type": "user",
                "name": p.replace(".", "_"),
                "fullyQualifiedName": p.replace(".", "_"),
                "displayName": p.replace(".", " ").title(),
                "deleted": False,
            }
            for p in PEOPLE
        ]
        self.teams = [
            {"id": rng.uuid(), "type": "team", "name": g, "fullyQualifiedName": g, "deleted": False} for g in GROUPS
        ]
        self.domains = [
            {"id": rng.uuid(), "type": "domain", "name": d, "fullyQualifiedName": d, "deleted": False} for d in DOMAINS
        ]
        self.glossary_terms = [(rng.uuid(), "Business Glossary." + t.split(".")[-1]) for t in TERMS]

    def tag(self, glossary: bool = False) -> dict:
        if glossary:
            fqn = self.rng.choice(self.glossary_terms)[1]
            return {
                "tagFQN": fqn,
                "name": fqn.split(".")[-1],
                "source": "Glossary",
                "labelType": "Manual",
                "state": "Confirmed",
            }
        name = self.rng.weighted(TAGS)
        classification = (
            "PII"
            if name in ("PII", "Sensitive", "Email", "GDPR", "Confidential")
            else ("Tier" if name == "Tier1" else "Quality")
        )
        label = "Propagated" if self.rng.random() < 0.1 else "Manual"
        return {
            "tagFQN": f"{classification}.{name}",
            "name": name,
            "source": "Classification",
            "labelType": label,
            "state": "Confirmed",
        }

    def snapshot(self, table: OmTable, time: int, user: str, deleted: bool = False) -> str:
        return dumps(
            {
                "id": table.id,
                "name": table.name,
                "fullyQualifiedName": table.fqn,
                "version": round(table.version, 1),
                "updatedAt": time,
                "updatedBy": user,
                "tableType": "Regular",
                "columns": table.columns,
                "databaseSchema": {"type": "databaseSchema", "fullyQualifiedName": table.schema_fqn},
                "service": {"type": "databaseService", "name": table.service, "fullyQualifiedName": table.service},
                "serviceType": table.service_type,
                "deleted": deleted,
            }
        )

    def change(self, kind: str, table: OmTable) -> tuple[str, list, list, list]:
        """(eventType, fieldsAdded, fieldsUpdated, fieldsDeleted) of one kind of change."""
        rng = self.rng
        column = rng.choice(table.columns)
        on_column = rng.random() < 0.4
        prefix = f"columns.{column['name']}." if on_column else ""
        added: list = []
        updated: list = []
        deleted: list = []
        if kind in ("tag.added", "term.added"):
            added.append({"name": prefix + "tags", "newValue": dumps([self.tag(kind == "term.added")])})
        elif kind in ("tag.removed", "term.removed"):
            deleted.append({"name": prefix + "tags", "oldValue": dumps([self.tag(kind == "term.removed")])})
        elif kind in ("owner.added", "owner.removed"):
            owner = rng.choice(self.users + self.teams)
            target = added if kind == "owner.added" else deleted
            target.append({"name": "owners", ("newValue" if kind == "owner.added" else "oldValue"): dumps([owner])})
        elif kind in ("domain.added", "domain.removed"):
            domain = rng.choice(self.domains)
            target = added if kind == "domain.added" else deleted
            target.append({"name": "domains", ("newValue" if kind == "domain.added" else "oldValue"): dumps([domain])})
        elif kind == "documentation.added":
            updated.append({"name": prefix + "description", "oldValue": "", "newValue": rng.choice(DESCRIPTIONS)})
        elif kind == "documentation.modified":
            old, new = rng.sample(DESCRIPTIONS, 2)
            updated.append({"name": prefix + "description", "oldValue": old, "newValue": new})
        elif kind == "documentation.removed":
            deleted.append({"name": prefix + "description", "oldValue": rng.choice(DESCRIPTIONS)})
        elif kind == "deprecation.changed":
            updated.append({"name": "entityStatus", "oldValue": "Approved", "newValue": "Deprecated"})
        elif kind == "schema.field_added":
            name, data_type, display = rng.choice(COLUMNS)
            new = table.column(
                name + "_" + rng.choice(["v2", "new", "raw", "norm"]), data_type, display, len(table.columns) + 1
            )
            table.columns.append(new)
            added.append({"name": "columns", "newValue": dumps([new])})
        elif kind == "schema.field_removed" and len(table.columns) > 2:
            table.columns.remove(column)
            deleted.append({"name": "columns", "oldValue": dumps([column])})
        elif kind in ("schema.field_modified", "schema.field_removed"):
            if column.get("dataLength") and rng.random() < 0.5:
                updated.append(
                    {
                        "name": f"columns.{column['name']}.dataLength",
                        "oldValue": column["dataLength"],
                        "newValue": column["dataLength"] * 2,
                    }
                )
                column["dataLength"] *= 2
            else:
                new = dict(column, dataType="TEXT", dataTypeDisplay="text")
                new.pop("dataLength", None)
                deleted.append({"name": "columns", "oldValue": dumps([column])})
                added.append({"name": "columns", "newValue": dumps([new])})
                table.columns[table.columns.index(column)] = new
        else:  # entity.updated: what no other kind describes
            user = rng.choice(self.users)
            added.append(
                rng.choice(
                    [
                        {"name": "followers", "newValue": [user]},
                        {"name": "displayName", "newValue": table.name.replace("_", " ").title()},
                        {"name": "extension", "newValue": dumps([{"costCenter": rng.choice(["CC-1001", "CC-2040"])}])},
                    ]
                )
            )
        return "entityUpdated", added, updated, deleted

    def make(self, kind: str, time: int) -> dict:
        rng = self.rng
        table = rng.zipf(self.tables)
        user = rng.choice(self.users)["name"] if rng.random() < 0.8 else "ingestion-bot"
        event = {
            "id": rng.uuid(),
            "eventType": "entityUpdated",
            "entityType": "table",
            "entityId": table.id,
            "entityFullyQualifiedName": table.fqn,
            "userName": user,
            "timestamp": time,
        }
        previous = round(table.version, 1)
        if kind == "entity.created":
            event["eventType"] = "entityCreated"
            table.version = 0.1
        elif kind == "entity.deleted" and rng.random() < 0.3:
            event["eventType"] = "entityDeleted"  # hard: the entity's last, stale changeDescription goes along
            event["changeDescription"] = {
                "fieldsAdded": [],
                "fieldsUpdated": [{"name": "description", "oldValue": "", "newValue": rng.choice(DESCRIPTIONS)}],
                "fieldsDeleted": [],
                "previousVersion": previous,
            }
        elif kind in ("entity.deleted", "entity.restored"):
            event["eventType"] = "entitySoftDeleted" if kind == "entity.deleted" else "entityRestored"
            flag = kind == "entity.deleted"
            event["changeDescription"] = {
                "fieldsAdded": [],
                "fieldsUpdated": [{"name": "deleted", "oldValue": not flag, "newValue": flag}],
                "fieldsDeleted": [],
                "previousVersion": previous,
            }
            table.version += 0.1
        elif kind == "unknown":
            event.update(
                {
                    "eventType": rng.choice(["threadCreated", "taskCreated", "postCreated"]),
                    "entityType": "THREAD",
                    "entityId": rng.uuid(),
                }
            )
            event.pop("entityFullyQualifiedName")
            event["entity"] = dumps(
                {
                    "id": event["entityId"],
                    "message": "Can someone add a description?",
                    "about": f"<#E::table::{table.fqn}>",
                }
            )
            return event
        else:
            changes = [rng.weighted(OM_KINDS[:17]) for _ in range(rng.randint(2, 3))] if kind == "several" else [kind]
            added, updated, deleted = [], [], []
            for change in changes:
                _, a, u, d = self.change(change, table)
                added += a
                updated += u
                deleted += d
            event["changeDescription"] = {
                "fieldsAdded": added,
                "fieldsUpdated": updated,
                "fieldsDeleted": deleted,
                "previousVersion": previous,
            }
            table.version += 1.0 if any(c["name"] == "columns" for c in deleted) else 0.1
        event["currentVersion"] = round(table.version, 1)
        event["entity"] = self.snapshot(table, time, user, deleted=event["eventType"] == "entitySoftDeleted")
        return event

    def line(self, events: list[dict], fmt: str, time: int) -> str:
        if fmt == "list":
            return dumps({"data": events, "paging": {"total": len(events)}})
        body = dumps(events[0])
        if fmt == "lambda":
            headers = {
                "content-type": "application/json",
                "x-om-signature": om_signature(body),
                "user-agent": "Jersey/2.41 (HttpUrlConnection 17.0.11)",
            }
            return dumps(
                {
                    "version": "2.0",
                    "routeKey": "$default",
                    "rawPath": "/openmetadata",
                    "rawQueryString": "",
                    "headers": headers,
                    "requestContext": {
                        "http": {
                            "method": "POST",
                            "path": "/openmetadata",
                            "protocol": "HTTP/1.1",
                            "sourceIp": "10.0.3.17",
                        },
                        "requestId": self.rng.uuid(),
                        "time": _clf_time(time),
                        "timeEpoch": time,
                    },
                    "body": body,
                    "isBase64Encoded": False,
                }
            )
        return body


def openmetadata_lines(rng: Rng, count: int, fmt: str, clock: Clock) -> Iterator[tuple[int, str]]:
    om = OpenMetadata(rng)
    for _ in range(count):
        time = clock.tick()
        line_fmt = rng.weighted(OM_FORMATS) if fmt == "mixed" else fmt
        events = [om.make(rng.weighted(OM_KINDS), time)]
        if line_fmt == "list":
            events.append(om.make(rng.weighted(OM_KINDS), clock.tick(300)))
        yield time, om.line(events, line_fmt, time)


def openmetadata_demo(seed: int, start: int, end: int) -> list[tuple[int, str]]:
    """The demo's OpenMetadata events: the webhook test message, then every kind at least twice,
    bare, in lists and in signed Lambda requests, spread over [start, end]."""
    rng = Rng(seed)
    om = OpenMetadata(rng)
    plan = [k for k, _ in OM_KINDS for _ in range(2)]
    rng.shuffle(plan)
    gap = max(1, (end - start) // (len(plan) + 2))
    clock = Clock(rng, start=start, mean_gap_ms=gap)
    lines = [(clock.tick(), OM_TEST_MESSAGE)]
    formats = ["change-event", "change-event", "lambda", "change-event", "change-event", "list", "change-event"]
    index = 0
    while index < len(plan):
        time = clock.tick()
        fmt = formats[index % len(formats)]
        events = [om.make(plan[index], time)]
        index += 1
        if fmt == "list" and index < len(plan):
            events.append(om.make(plan[index], clock.tick(500)))
            index += 1
        lines.append((time, om.line(events, fmt, time)))
    return lines


# --------------------------------------------------------------------------------------------
# Streams
# --------------------------------------------------------------------------------------------

DH_FORMATS = [("ece", 50), ("platform-event", 30), ("actions", 20)]
AT_FORMATS = [("envelope", 80), ("lambda", 15), ("eventbridge", 3), ("gzip", 2)]


def datahub_lines(
    rng: Rng, world: World, count: int, fmt: str, documented_only: bool, clock: Clock
) -> Iterator[tuple[int, str]]:
    dh = DataHub(rng, world)
    if fmt == "mcl":
        # Bare MetadataChangeLogs (a datasetProperties UPSERT each), as consumers read them off
        # the MetadataChangeLog topics in JSON: what the core normalizes as kind `unknown`.
        for _ in range(count):
            time = clock.tick()
            yield time, dumps(dh.make("unknown", time, "mcl")[1])
        return
    kinds = [(k, w) for k, w in DH_KINDS if not (documented_only and k == "unknown")]
    if fmt == "ece":
        kinds = [(k, w) for k, w in kinds if k not in DH_RELATIONSHIP_KINDS]
    produced = 0
    while produced < count:
        kind = rng.weighted(kinds)
        time = clock.tick()
        line_fmt = rng.weighted(DH_FORMATS) if fmt == "mixed" else fmt
        shape, payload = dh.make(kind, time, line_fmt)
        if fmt == "ece" and shape != "ece":
            continue
        if fmt == "mixed" and shape in ("ece", "rce") and rng.random() < 0.01 and produced + 3 <= count:
            # An Events API poll response: several events on one line.
            batch = [(shape, payload)]
            while len(batch) < 3:
                k = rng.weighted([(k, w) for k, w in kinds if k != "unknown"])
                batch.append(dh.make(k, clock.tick(200)))
            yield time, dh.poll_response(batch)
            produced += 1
            continue
        yield time, dh.wrap(shape, payload, line_fmt)
        produced += 1


def atlan_lines(
    rng: Rng, world: World, count: int, fmt: str, documented_only: bool, clock: Clock
) -> Iterator[tuple[int, str]]:
    at = Atlan(rng, world)
    kinds = [(k, w) for k, w in AT_KINDS if not (documented_only and k in AT_UNDOCUMENTED)]
    for _ in range(count):
        kind = rng.weighted(kinds)
        time = clock.tick()
        message = at.make(kind, time)
        line_fmt = rng.weighted(AT_FORMATS) if fmt == "mixed" else fmt
        yield time, at.line(message, line_fmt)


def mixed_lines(rng: Rng, world: World, count: int, documented_only: bool) -> Iterator[str]:
    """Both platforms interleaved in time order (DataHub ~60% of the events)."""
    dh_count = count * 6 // 10
    dh = datahub_lines(
        Rng(rng.getrandbits(64)),
        world,
        dh_count,
        "mixed",
        documented_only,
        Clock(Rng(rng.getrandbits(64)), mean_gap_ms=3000),
    )
    at = atlan_lines(
        Rng(rng.getrandbits(64)),
        world,
        count - dh_count,
        "mixed",
        documented_only,
        Clock(Rng(rng.getrandbits(64)), mean_gap_ms=4500),
    )
    a, b = next(dh, None), next(at, None)
    while a or b:
        if b is None or (a is not None and a[0] <= b[0]):
            yield a[1]
            a = next(dh, None)
        else:
            yield b[1]
            b = next(at, None)


# --------------------------------------------------------------------------------------------
# Apache Atlas and Microsoft Purview: entity notifications on ATLAS_ENTITIES
# --------------------------------------------------------------------------------------------

AS_KINDS: list[tuple[str, float]] = [
    ("entity.created", 14),
    ("lineage.created", 4),
    ("entity.updated", 28),
    ("entity.deleted", 5),
    ("tag.added", 14),
    ("tag.removed", 6),
    ("tag.updated", 3),
    ("relationship.created", 3),
    ("relationship.updated", 1),
    ("relationship.deleted", 1),
    ("unknown", 1),
]
AS_OPERATIONS = {
    "entity.created": "ENTITY_CREATE",
    "lineage.created": "ENTITY_CREATE",
    "entity.updated": "ENTITY_UPDATE",
    "entity.deleted": "ENTITY_DELETE",
    "tag.added": "CLASSIFICATION_ADD",
    "tag.removed": "CLASSIFICATION_DELETE",
    "tag.updated": "CLASSIFICATION_UPDATE",
    "relationship.created": "RELATIONSHIP_CREATE",
    "relationship.updated": "RELATIONSHIP_UPDATE",
    "relationship.deleted": "RELATIONSHIP_DELETE",
    "unknown": "ENTITY_CREATE",
}
# Classification types with their supertypes, as Atlas lists them (each supertype as one more).
AS_CLASSIFICATIONS = {
    "EMAIL": ["PII", "SENSITIVE"],
    "PII": ["SENSITIVE"],
    "SENSITIVE": [],
    "FINANCE": [],
    "GDPR": [],
    "DEPRECATED": [],
}
PV_CLASSIFICATIONS = {
    "MICROSOFT.PERSONAL.EMAIL": [],
    "MICROSOFT.FINANCIAL.CREDIT_CARD_NUMBER": [],
    "MICROSOFT.GOVERNMENT.US.SOCIAL_SECURITY_NUMBER": [],
}


class Atlas:
    """Apache Atlas (a Hive, Kafka and HDFS estate, cluster `prod`) and Microsoft Purview (Azure
    SQL) notifications as their servers write them (`EntityNotificationListenerV2`): no user, the
    classifications after the change, `<name>@<cluster>` and `mssql://` qualified names."""

    def __init__(self, rng: Rng):
        self.rng = rng
        self.ips = [f"10.40.{rng.randint(0, 255)}.{rng.randint(1, 254)}" for _ in range(3)]
        self.msg_counter = 0
        self.msg_prefix = rng.uuid()
        self.tables = []  # (guid, db, table, columns [(guid, name)])
        for db in ["sales", "finance", "marketing", "staging"]:
            for _ in range(5):
                table = f"{rng.choice(WORDS_A)}_{rng.choice(WORDS_B)}"
                columns = [(rng.uuid(), name) for name, _, _ in rng.sample(COLUMNS, 4)]
                self.tables.append((rng.uuid(), db, table, columns))
        self.servers = ["acme-sql-prod", "acme-sql-finance"]
        self.pv_tables = [
            (
                rng.uuid(),
                rng.choice(self.servers),
                rng.choice(["salesdb", "financedb"]),
                "dbo",
                rng.choice(WORDS_B).title(),
            )
            for _ in range(8)
        ]
        self.classified: dict[str, list[str]] = {}  # entity guid → its classification names

    def header(
        self,
        type_name: str,
        guid: str,
        attributes: dict,
        status: str | None = "ACTIVE",
        names: list[str] | None = None,
        propagated_from: str | None = None,
        purview: bool = False,
    ) -> dict:
        head: dict[str, Any] = {"typeName": type_name, "attributes": attributes, "guid": guid}
        if status:
            head["status"] = status
        head["displayText"] = attributes.get("name") or attributes["qualifiedName"]
        if names:
            classes = []
            for name in names:
                supers = (PV_CLASSIFICATIONS if purview else AS_CLASSIFICATIONS).get(name, [])
                for each in [name, *supers]:
                    tag: dict[str, Any] = {"typeName": each}
                    if purview:
                        tag["lastModifiedTS"] = "1"
                    tag.update({"entityGuid": propagated_from or guid, "entityStatus": "ACTIVE"})
                    if not purview:
                        tag.update({"propagate": True, "removePropagationsOnEntityDelete": False})
                    classes.append(tag)
            head["classificationNames"] = [tag["typeName"] for tag in classes]
            head["classifications"] = classes
        if not purview:
            head["isIncomplete"] = False
        return head

    def entity(self, purview: bool) -> tuple[str, str, dict]:
        """(guid, typeName, attributes) of an entity to talk about."""
        r = self.rng
        if purview:
            guid, server, db, schema, table = r.choice(self.pv_tables)
            qn = f"mssql://{server}.database.windows.net/{db}/{schema}/{table}"
            if r.random() < 0.4:
                column = r.choice(COLUMNS)[0]
                return (
                    f"{guid[:-4]}{hashlib.sha256(column.encode()).hexdigest()[:4]}",
                    "azure_sql_column",
                    {"qualifiedName": f"{qn}#{column}", "name": column},
                )
            return (
                guid,
                "azure_sql_table",
                {
                    "owner": "admin",
                    "createTime": 0,
                    "qualifiedName": qn,
                    "name": table,
                    "description": f"{table} table",
                },
            )
        guid, db, table, columns = r.choice(self.tables)
        roll = r.random()
        if roll < 0.35:
            column_guid, column = r.choice(columns)
            return (
                column_guid,
                "hive_column",
                {"owner": "etl", "qualifiedName": f"{db}.{table}.{column}@prod", "name": column},
            )
        if roll < 0.8:
            return (
                guid,
                "hive_table",
                {
                    "owner": "etl",
                    "createTime": START_MS - r.randint(1, 400) * 86_400_000,
                    "qualifiedName": f"{db}.{table}@prod",
                    "name": table,
                    "description": r.choice(DESCRIPTIONS),
                },
            )
        if roll < 0.9:
            topic = f"{db}.{table}"
            return f"{guid[:-4]}0a0a", "kafka_topic", {"owner": "etl", "qualifiedName": f"{topic}@prod", "name": topic}
        path = f"hdfs://nn1.acme.internal:8020/warehouse/{db}.db/{table}"
        return (
            f"{guid[:-4]}0b0b",
            "hdfs_path",
            {
                "owner": "hive",
                "qualifiedName": f"{path}@prod",
                "name": f"/warehouse/{db}.db/{table}",
                "path": path,
                "clusterName": "prod",
            },
        )

    def make(self, kind: str, time: int, purview: bool = False) -> dict:
        """The `message` of one notification of `kind`."""
        r = self.rng
        op = AS_OPERATIONS[kind]
        message: dict[str, Any] = {"type": "ENTITY_NOTIFICATION_V2"}
        if kind.startswith("relationship."):
            guid, db, table, columns = r.choice(self.tables)
            column_guid, column = r.choice(columns)
            message["relationship"] = {
                "typeName": "hive_table_columns",
                "guid": r.uuid(),
                "status": "DELETED" if kind == "relationship.deleted" else "ACTIVE",
                "propagateTags": "NONE",
                "label": "__hive_table.columns",
                "end1": {
                    "guid": guid,
                    "typeName": "hive_table",
                    "uniqueAttributes": {"qualifiedName": f"{db}.{table}@prod"},
                },
                "end2": {
                    "guid": column_guid,
                    "typeName": "hive_column",
                    "uniqueAttributes": {"qualifiedName": f"{db}.{table}.{column}@prod"},
                },
            }
        elif kind == "lineage.created":
            guid, db, table, _ = r.choice(self.tables)
            qn = f"{db}.{table}_daily@prod:{time - r.randint(1, 5000)}"
            message["entity"] = self.header(
                "hive_process", r.uuid(), {"owner": "etl", "qualifiedName": qn, "name": qn, "clusterName": "prod"}
            )
        elif kind == "unknown":
            # The older message format (atlas.notification.entity.version=v1).
            guid, db, table, _ = r.choice(self.tables)
            message["type"] = "ENTITY_NOTIFICATION_V1"
            message["entity"] = {
                "jsonClass": "org.apache.atlas.typesystem.json.InstanceSerialization$_Reference",
                "id": {
                    "jsonClass": "org.apache.atlas.typesystem.json.InstanceSerialization$_Id",
                    "id": guid,
                    "version": 0,
                    "typeName": "hive_table",
                    "state": "ACTIVE",
                },
                "typeName": "hive_table",
                "values": {"qualifiedName": f"{db}.{table}@prod", "name": table},
                "traitNames": [],
                "traits": {},
            }
            message["traits"] = []
        else:
            guid, type_name, attributes = self.entity(purview)
            names = list(self.classified.get(guid, []))
            propagated_from = None
            if kind in ("tag.added", "tag.updated"):
                pool = PV_CLASSIFICATIONS if purview else AS_CLASSIFICATIONS
                if kind == "tag.added" or not names:
                    candidates = [name for name in pool if name not in names]
                    names.append(r.choice(candidates or list(pool)))
                if not purview and r.random() < 0.2:
                    propagated_from = r.choice(self.tables)[0]
            elif kind == "tag.removed" and names:
                names.remove(r.choice(names))
            self.classified[guid] = names
            status = "DELETED" if kind == "entity.deleted" else "ACTIVE"
            if purview and kind == "entity.deleted":
                status = None
            message["entity"] = self.header(type_name, guid, attributes, status, names, propagated_from, purview)
        message["operationType"] = op
        message["eventTime"] = time
        return message

    def envelope(self, message: dict, legacy: bool = False) -> dict:
        """The envelope of Atlas 2.2 and later (`source`, `spooled`), or of older ones and Purview."""
        env: dict[str, Any] = {} if legacy else {"source": {}}
        env.update(
            {
                "version": ATLAS_MESSAGE_VERSION,
                "msgCompressionKind": "NONE",
                "msgSplitIdx": 1,
                "msgSplitCount": 1,
                "msgSourceIP": self.rng.choice(self.ips),
                "msgCreatedBy": "",
                "msgCreationTime": message["eventTime"] + self.rng.randint(40, 400),
            }
        )
        if not legacy:
            env["spooled"] = False
        env["message"] = message
        return env

    def records(self, message: dict, fmt: str) -> list[str]:
        """The Kafka record values of one notification: `envelope`, `legacy` (no source nor
        spooled), `gzip` (compressed), `split` (compressed, cut in 3 parts numbered from 0)."""
        env = self.envelope(message, legacy=fmt == "legacy")
        if fmt in ("envelope", "legacy"):
            return [dumps(env)]
        msg_id = f"{self.msg_prefix}_{self.msg_counter}"
        self.msg_counter += 1
        text = atlas_gzip_base64(dumps(env))
        if fmt == "gzip":
            return [dumps(atlas_string_message(text, msg_id, "GZIP"))]
        size = -(-len(text) // 3)
        return [dumps(atlas_string_message(text[i * size : (i + 1) * size], msg_id, "GZIP", i, 3)) for i in range(3)]


AS_FORMATS = [("envelope", 75), ("legacy", 20), ("gzip", 5)]


def atlas_lines(rng: Rng, count: int, fmt: str, clock: Clock) -> Iterator[tuple[int, str]]:
    """Apache Atlas notifications (a tenth of them from Purview) in `fmt` (or `mixed`)."""
    atlas = Atlas(rng)
    produced = 0
    while produced < count:
        kind = rng.weighted(AS_KINDS)
        time = clock.tick()
        purview = (
            kind in ("entity.created", "entity.updated", "entity.deleted", "tag.added", "tag.removed")
            and rng.random() < 0.1
        )
        line_fmt = "legacy" if purview else (rng.weighted(AS_FORMATS) if fmt == "mixed" else fmt)
        for record in atlas.records(atlas.make(kind, time, purview), line_fmt):
            yield time, record
        produced += 1


def atlas_demo_lines(seed: int, start: int, end: int) -> list[tuple[int, str]]:
    """The demo's Atlas events over [start, end]: every kind three times (Purview's among them),
    in every format: the current envelope, the older one, gzip, and one split message."""
    rng = Rng(seed ^ 0xA71A5)
    atlas = Atlas(rng)
    plan = [kind for kind, _ in AS_KINDS for _ in range(3)]
    rng.shuffle(plan)
    times = sorted(rng.randint(start, end) for _ in plan)
    formats = ["envelope", "envelope", "legacy", "envelope", "gzip", "envelope", "legacy"]
    out: list[tuple[int, str]] = []
    split_done = False
    for index, (kind, time) in enumerate(zip(plan, times)):
        purview = kind in ("entity.updated", "tag.added", "tag.removed", "entity.deleted") and index % 4 == 0
        fmt = "legacy" if purview else formats[index % len(formats)]
        if not split_done and kind == "entity.updated" and not purview:
            fmt, split_done = "split", True
        out.extend((time, record) for record in atlas.records(atlas.make(kind, time, purview), fmt))
    return out


_LINE_TIME = None


def merge_by_time(lines: list[str], extra: list[tuple[int, str]]) -> list[str]:
    """`lines` (in time order) with the timed `extra` lines put where their time falls; a line
    whose time cannot be read (a compressed or split message) stays after the one before it."""
    import re

    global _LINE_TIME
    _LINE_TIME = _LINE_TIME or re.compile(r'(?:[tT]ime|timestampMillis|timeEpoch)\\?"\s*:\s*(\d{13})')
    out: list[str] = []
    pending = sorted(extra, key=lambda item: item[0])
    position = 0
    for line in lines:
        found = _LINE_TIME.search(line)
        if found:
            time = int(found.group(1))
            while position < len(pending) and pending[position][0] <= time:
                out.append(pending[position][1])
                position += 1
        out.append(line)
    out.extend(line for _, line in pending[position:])
    return out


# --------------------------------------------------------------------------------------------
# The demo corpus
# --------------------------------------------------------------------------------------------


def demo_lines(seed: int) -> list[str]:
    """The CLI's demo: one working day of every platform, every kind, every input format."""
    rng = Rng(seed)
    world = World(rng, datasets=80, atlan_tables=40)
    dh = DataHub(rng, world)
    at = Atlan(rng, world)
    clock = Clock(rng, mean_gap_ms=95_000)  # ~270 events over ~7 hours
    lines: list[str] = []

    # Every kind at least twice, in a shuffled order; then a realistic tail drawn by weight.
    dh_plan = [k for k, _ in DH_KINDS for _ in range(2)]
    at_plan = [k for k, _ in AT_KINDS for _ in range(3)]
    dh_plan += [rng.weighted(DH_KINDS[:-1]) for _ in range(150 - len(dh_plan))]
    at_plan += [
        rng.weighted([(k, w) for k, w in AT_KINDS if k not in AT_UNDOCUMENTED]) for _ in range(100 - len(at_plan))
    ]
    rng.shuffle(dh_plan)
    rng.shuffle(at_plan)
    plan = [("datahub", k) for k in dh_plan] + [("atlan", k) for k in at_plan]
    rng.shuffle(plan)

    # DataHub formats, cycled so that each appears throughout; owner events alternate between
    # the old `OWNER` and the current `OWNERSHIP` category.
    dh_formats = ["ece", "platform-event", "ece", "actions", "ece", "platform-event", "actions", "ece"]
    at_formats = [
        "envelope",
        "envelope",
        "lambda",
        "envelope",
        "envelope",
        "eventbridge",
        "envelope",
        "lambda",
        "envelope",
        "gzip",
    ]
    dh_i = at_i = owner_i = 0
    split_done = poll_done = False

    # The first thing a new Atlan webhook receives: the validation request (via Lambda).
    first = clock.tick()
    lines.append(dumps(at.lambda_request(WEBHOOK_VALIDATION, first, signed=False)))
    times = [first]

    for platform, kind in plan:
        time = clock.tick()
        if platform == "datahub":
            old_owner = kind.startswith("owner.") and owner_i % 3 == 0
            if kind.startswith("owner."):
                owner_i += 1
            fmt = dh_formats[dh_i % len(dh_formats)]
            shape, payload = dh.make(kind, time, fmt, old_owner_category=old_owner)
            if not poll_done and shape == "ece" and len(lines) > 120:
                # One Events API poll response with three events, one of them with non-ASCII text.
                batch = [(shape, payload)]
                ds = dh.dataset()
                doc = dh.ece(
                    "dataset",
                    ds.urn,
                    "DOCUMENTATION",
                    "MODIFY",
                    None,
                    {"description": "Kundenstammdaten (Müller-Import), bereinigt – täglich aktualisiert."},  # noqa: RUF001
                    "urn:li:corpuser:hannah.schmidt@acme.com",
                    clock.tick(400),
                )
                batch.append(("ece", doc))
                batch.append(dh.make("tag.added", clock.tick(400)))
                lines.append(dh.poll_response(batch))
                times.append(time)
                poll_done = True
                continue
            dh_i += 1
            lines.append(dh.wrap(shape, payload, fmt))
            times.append(time)
        else:
            message = at.make(kind, time)
            if not split_done and kind == "entity.updated" and len(lines) > 180:
                lines.extend(dumps(part) for part in at.split(message, 2))
                times.extend([time, time])
                split_done = True
                continue
            fmt = at_formats[at_i % len(at_formats)]
            at_i += 1
            lines.append(at.line(message, fmt))
            times.append(time)

    # OpenMetadata's events (from a generator of their own, so the others stay as they were),
    # merged in by time.
    merged: list[str] = []
    om_lines = openmetadata_demo(seed + 1, times[0], times[-1])
    om_index = 0
    for time, line in zip(times, lines):
        while om_index < len(om_lines) and om_lines[om_index][0] < time:
            merged.append(om_lines[om_index][1])
            om_index += 1
        merged.append(line)
    merged.extend(line for _, line in om_lines[om_index:])
    # Apache Atlas's events (their own generator too), put where their time falls.
    return merge_by_time(merged, atlas_demo_lines(seed, START_MS, clock.now))


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def generate(platform: str, count: int, seed: int, fmt: str | None, documented_only: bool) -> Iterator[str]:
    rng = Rng(seed)
    world = World(rng)
    if platform == "datahub":
        for _, line in datahub_lines(rng, world, count, fmt or "ece", documented_only, Clock(rng)):
            yield line
    elif platform == "atlan":
        for _, line in atlan_lines(rng, world, count, fmt or "envelope", documented_only, Clock(rng)):
            yield line
    elif platform == "atlas":
        for _, line in atlas_lines(rng, count, fmt or "envelope", Clock(rng)):
            yield line
    elif platform == "openmetadata":
        for _, line in openmetadata_lines(rng, count, fmt or "change-event", Clock(rng)):
            yield line
    else:
        if fmt not in (None, "mixed"):
            raise SystemExit("--platform mixed takes no --format (it mixes them all)")
        yield from mixed_lines(rng, world, count, documented_only)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
    )
    parser.add_argument("--platform", choices=["datahub", "atlan", "atlas", "openmetadata", "mixed"], default="mixed")
    parser.add_argument("--count", type=int, default=10_000, help="number of lines (events) to write")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=[
            *("ece", "platform-event", "actions", "mcl"),
            *("envelope", "lambda", "legacy", "gzip", "change-event", "mixed"),
        ],
    )
    parser.add_argument("--documented-only", action="store_true", help="only what the platforms document and deliver")
    parser.add_argument(
        "--preset", choices=["demo"], help="write a fixed corpus instead (demo: the CLI's built-in corpus)"
    )
    parser.add_argument("--out", default="-", help="output file (default: stdout)")
    args = parser.parse_args(argv)

    if args.fmt:
        valid = {
            "datahub": {"ece", "platform-event", "actions", "mcl", "mixed"},
            "atlan": {"envelope", "lambda", "mixed"},
            "atlas": {"envelope", "legacy", "gzip", "mixed"},
            "openmetadata": {"change-event", "mixed"},
            "mixed": {"mixed"},
        }
        if args.fmt not in valid[args.platform]:
            parser.error(f"--format {args.fmt} does not apply to --platform {args.platform}")
    if args.count < 1:
        parser.error("--count must be at least 1")
    lines = (
        demo_lines(args.seed)
        if args.preset == "demo"
        else generate(args.platform, args.count, args.seed, args.fmt, args.documented_only)
    )
    if args.out != "-" and os.path.dirname(args.out):
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with (
        contextlib.nullcontext(sys.stdout) if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    ) as out:
        for line in lines:
            out.write(line)
            out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
