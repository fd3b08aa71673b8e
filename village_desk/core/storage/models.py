"""The data model (SQLAlchemy 2.x typed ORM).

Every synchronised record derives from :class:`Record`: a UUID primary key
(never an autoincrement id two laptops could both hand out), a tombstone flag
instead of row removal, and the HLC timestamp of its last change. Writes go
through the services, and every write is journaled (see ``journal.py``).

Tables prefixed ``local_``, ``search_term`` and ``household_summary`` are
per-installation state or derived data; they are never exchanged and never
journaled.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    Uuid,
    event,
    text,
    type_coerce,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..domain.text import clean_text


class CodeList(TypeDecorator):
    """A list of short codes (or UUID strings) stored as ``|a|b|``.

    The delimited form keeps "has code X" a portable ``LIKE '%|X|%'`` filter on
    SQLite and PostgreSQL alike; an empty list is stored as ``''``.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return ""
        items = [str(v) for v in value if str(v)]
        return "|" + "|".join(items) + "|" if items else ""

    def process_result_value(self, value, dialect):
        if not value:
            return []
        return [v for v in value.split("|") if v]


def has_code(column, code: str | uuid.UUID):
    """SQL condition: the CodeList ``column`` contains ``code``."""
    return type_coerce(column, Text).like(f"%|{code}|%")


class Base(DeclarativeBase):
    pass


def _uuid() -> uuid.UUID:
    return uuid.uuid4()


class Record(Base):
    """A synchronised, journaled record."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    # HLC of the last journaled change; set by the journal, used by sync.
    hlc: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    # The village (profile id) the record belongs to; NULL: a township-level
    # record. Filled by the journal (``storage/villages.py``), never typed.
    village_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)


# --------------------------------------------------------------------------- local


class LocalDevice(Base):
    """A device (an installation's identity for this database) that wrote
    here. Which one is *this* process is decided by ``storage/replica.py``
    from a record kept outside the database. Never exchanged."""

    __tablename__ = "local_device"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Short code used in human-facing numbers (see matter numbering in services/ledger.py).
    code: Mapped[str] = mapped_column(String(8))
    created: Mapped[str] = mapped_column(String(40))


class LocalReplica(Base):
    """Which copy this database is (one row): a copied folder or a restored
    backup is a new copy and gets a new replica id and device."""

    __tablename__ = "local_replica"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    replica_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    device_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    # The installation (computer account) this copy belongs to; another one
    # opening it means the folder was copied to another computer.
    installation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    created: Mapped[str] = mapped_column(String(40), default="")


class LocalClock(Base):
    """The highest stamp issued or seen here and the next change sequence
    number (one row, updated under the write lock by every transaction)."""

    __tablename__ = "local_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    max_stamp: Mapped[str] = mapped_column(String(64), default="")
    next_seq: Mapped[int] = mapped_column(BigInteger, default=1)


class LocalGate(Base):
    """Open (1) only while a merge writes folded records: the journal guard
    (database triggers, migration 0004) lets through record writes that carry
    the stamp of a journaled change, and merges."""

    __tablename__ = "local_gate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    open: Mapped[int] = mapped_column(Integer, default=0)


class LocalSetting(Base):
    """A setting of this computer, not of the village (the print font path)."""

    __tablename__ = "local_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncPending(Base):
    """A received record not yet applied: a record it refers to (its
    household, its entry…) has not arrived. Applied when it does."""

    __tablename__ = "sync_pending"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    waiting_for: Mapped[str] = mapped_column(Text, default="")


class SyncQuarantine(Base):
    """A received change stamped too far in the future to trust (a device
    whose clock ran ahead): held until a person accepts it."""

    __tablename__ = "sync_quarantine"

    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    payload: Mapped[str] = mapped_column(Text)  # the change row as JSON
    received: Mapped[str] = mapped_column(String(40))


class SyncConflict(Base):
    """A value that lost a merge: two copies changed the same field (or field
    group) without seeing each other's change, or a record was edited on one
    copy and deleted on another. Derived from the journal (the same on every
    copy that holds the same changes)."""

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20))  # value / group / deleted
    winner_hlc: Mapped[str] = mapped_column(String(64))
    winner_value: Mapped[str] = mapped_column(Text)  # JSON
    loser_hlc: Mapped[str] = mapped_column(String(64))
    loser_device: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    loser_value: Mapped[str] = mapped_column(Text)  # JSON

    __table_args__ = (Index("ix_sync_conflict_record", "entity", "record_id"),)


class ExchangePeer(Base):
    """Another copy of the data this one exchanges files with (a village
    laptop's database, the township's), known by its replica id. Never
    exchanged.

    ``received_seq``: the highest of *its* sequence numbers up to which this
    copy holds everything it recorded; ``acked_seq``: the highest of *our*
    sequence numbers up to which it told us it holds everything (the next
    package for it starts after that)."""

    __tablename__ = "exchange_peer"

    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    code: Mapped[str] = mapped_column(String(8), default="")
    label: Mapped[str] = mapped_column(String(200), default="")  # village / township, computer
    # The devices that wrote in that copy (space-separated ids): their own
    # changes are never sent back to it.
    devices: Mapped[str] = mapped_column(Text, default="")
    received_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    acked_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen: Mapped[str] = mapped_column(String(40), default="")
    # The village that copy holds (None: a township office, or not known yet)
    # and what it is: "village", "township" or "" (not known yet).
    village_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    kind: Mapped[str] = mapped_column(String(10), default="", server_default="")


class ExchangeKey(Base):
    """A signing key (one per installation) whose packages this copy accepts,
    confirmed by a person comparing its fingerprint; a revoked key (a lost
    laptop) is refused. Never exchanged."""

    __tablename__ = "exchange_key"

    public_key: Mapped[str] = mapped_column(String(64), primary_key=True)  # Ed25519, hex
    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    label: Mapped[str] = mapped_column(String(200), default="")
    trusted_on: Mapped[str] = mapped_column(String(40), default="")
    revoked_on: Mapped[str] = mapped_column(String(40), default="")


class ExchangePackage(Base):
    """An exchange file written here (``out``) or imported here (``in``):
    the history shown to people, and how a replayed file is recognised."""

    __tablename__ = "exchange_package"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    direction: Mapped[str] = mapped_column(String(3), primary_key=True)  # out / in
    peer_copy_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    created: Mapped[str] = mapped_column(String(40), default="")
    processed: Mapped[str] = mapped_column(String(40), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    from_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    to_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    change_count: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON: what it did


class LocalCounter(Base):
    """Per-installation sequences (matter numbers per year). Never exchanged."""

    __tablename__ = "local_counter"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


# Prefix range scans need byte order, not a locale's collation (PostgreSQL).
_TERM = String(64).with_variant(String(64, collation="C"), "postgresql")


class SearchTerm(Base):
    """Derived search keys (see derived/search_index.py); rebuilt from persons at any time."""

    __tablename__ = "search_term"

    term: Mapped[str] = mapped_column(_TERM, primary_key=True)
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)


class HouseholdSummary(Base):
    """Derived per-household figures the household list sorts and filters on
    (see derived/summary.py); kept current in every transaction, rebuilt at any time."""

    __tablename__ = "household_summary"

    household_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    last_visit: Mapped[dt.date | None] = mapped_column(Date, index=True)
    open_matters: Mapped[int] = mapped_column(Integer, default=0)
    next_deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)


# --------------------------------------------------------------------------- journal


DELETIONS = "op = 'delete'"  # the journal rows the deletion indexes hold


class Change(Base):
    """One journaled write: who, when (HLC), on which device, and what."""

    __tablename__ = "change_log"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    hlc: Mapped[str] = mapped_column(String(64))
    # Local, gap-free, in commit order: the "changes since" watermark.
    seq: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # One id per service transaction: what one user action changed, together.
    tx_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(8))  # insert / update / delete
    # JSON object {field: [old, new]}
    changes: Mapped[str] = mapped_column(Text)
    # The changed record's village (local, never exchanged): a package for
    # one village is chosen by it.
    village_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)

    __table_args__ = (
        Index("ix_change_log_record", "entity", "record_id"),
        Index("ix_change_log_village", "village_id", "seq"),
        Index("ux_change_log_seq", "seq", unique=True),
        # Only deletions are looked up by record and by transaction (undo):
        # every other index is one more B-tree written per journaled change
        # (migration 0016).
        Index(
            "ix_change_log_deleted_record",
            "record_id",
            "hlc",
            sqlite_where=text(DELETIONS),
            postgresql_where=text(DELETIONS),
        ),
        Index(
            "ix_change_log_deleted_tx",
            "tx_id",
            sqlite_where=text(DELETIONS),
            postgresql_where=text(DELETIONS),
        ),
    )


# --------------------------------------------------------------------------- reference


class VillageProfile(Record):
    """A village — or, in a township office's database, the township itself
    (``kind`` "township"; its villages each have their own profile)."""

    __tablename__ = "village_profile"

    kind: Mapped[str] = mapped_column(String(10), default="village", server_default="village")

    county: Mapped[str] = mapped_column(String(60), default="")
    township: Mapped[str] = mapped_column(String(60), default="")
    village: Mapped[str] = mapped_column(String(60), default="")
    # 12-digit statistical division code (统计用区划代码), optional.
    division_code: Mapped[str] = mapped_column(String(12), default="")
    service_phone: Mapped[str] = mapped_column(String(30), default="")
    hotline: Mapped[str] = mapped_column(String(60), default="")


class VocabTerm(Record):
    """An editable vocabulary entry: stable ``code``, Chinese ``label``."""

    __tablename__ = "vocab_term"

    kind: Mapped[str] = mapped_column(String(30))
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(60))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    # Not unique in the database: two copies may each add a code; the
    # post-merge rules report a clash (see storage/merge.py).
    __table_args__ = (Index("ix_vocab_kind_code", "kind", "code"),)


class Setting(Record):
    """A named setting with a JSON value (quotas, default deadlines, duty days…)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), index=True)
    value: Mapped[str] = mapped_column(Text, default="null")


class VillagerGroup(Record):
    __tablename__ = "villager_group"

    name: Mapped[str] = mapped_column(String(40))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Cadre(Record):
    __tablename__ = "cadre"

    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(40))  # vocab "role"
    phone: Mapped[str] = mapped_column(String(30), default="")
    duties: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# --------------------------------------------------------------------------- households


class Household(Record):
    __tablename__ = "household"
    # Phone fragments are found by scanning ix_household_phone (queries/search.py);
    # the rule checks count 户号 village by village (queries/rules.py).
    __table_args__ = (
        Index("ix_household_phone", "phone", "id"),
        Index("ix_household_village_number", "village_id", "number"),
    )

    number: Mapped[str] = mapped_column(String(30), index=True)  # 户号
    group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("villager_group.id"), nullable=True, index=True
    )
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    categories: Mapped[list[str]] = mapped_column(CodeList, default=list)
    situation: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Person(Record):
    __tablename__ = "person"
    # Phone fragments are found by scanning ix_person_phone (queries/search.py);
    # the rule checks count ID numbers village by village (queries/rules.py).
    __table_args__ = (
        Index("ix_person_phone", "phone", "id"),
        Index("ix_person_village_id_number", "village_id", "id_number"),
    )

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    relation: Mapped[str] = mapped_column(String(30))  # vocab "relation"; "head" = 户主
    gender: Mapped[str] = mapped_column(String(2), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    id_legacy: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(30), default="home")  # vocab person_status
    party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    tags: Mapped[list[str]] = mapped_column(CodeList, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")


class Pairing(Record):
    """A cadre paired with a household (联户/结对), with its period and reason."""

    __tablename__ = "pairing"

    cadre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cadre.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # vocab "pairing_kind"
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- diary


class DiaryEntry(Record):
    __tablename__ = "diary_entry"

    date: Mapped[dt.date] = mapped_column(Date, index=True)
    mode: Mapped[str] = mapped_column(String(30))  # vocab "visit_mode"
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cadre.id"), index=True)
    companion_ids: Mapped[list[str]] = mapped_column(CodeList, default=list)
    place: Mapped[str] = mapped_column(String(200), default="")  # meetings: where / who
    q_basic: Mapped[str] = mapped_column(Text, default="")
    q_hardship: Mapped[str] = mapped_column(Text, default="")
    q_wishes: Mapped[str] = mapped_column(Text, default="")
    q_evaluation: Mapped[str] = mapped_column(Text, default="")
    q_suggestions: Mapped[str] = mapped_column(Text, default="")
    q_development: Mapped[str] = mapped_column(Text, default="")
    narrative: Mapped[str] = mapped_column(Text, default="")
    help_given: Mapped[str] = mapped_column(Text, default="")


class DiaryHousehold(Record):
    """A household contacted in a diary entry (one, several, or a meeting)."""

    __tablename__ = "diary_household"

    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("diary_entry.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)


class DiaryItem(Record):
    """A matter raised during a contact: solved on the spot, or turned into a matter."""

    __tablename__ = "diary_item"

    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("diary_entry.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(10))  # "solved" / "matter"
    solution: Mapped[str] = mapped_column(Text, default="")
    matter_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("matter.id"), nullable=True, index=True
    )


# --------------------------------------------------------------------------- ledger


class Matter(Record):
    """A pending matter in the 民情台账, from intake to 销号."""

    __tablename__ = "matter"

    number: Mapped[str] = mapped_column(String(30), index=True)  # unique by the rules
    received_date: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(30))  # vocab "channel"
    applicant_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id"), nullable=True
    )
    household_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("household.id"), nullable=True, index=True
    )
    applicant_name: Mapped[str] = mapped_column(String(60))
    applicant_phone: Mapped[str] = mapped_column(String(30), default="")
    group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("villager_group.id"), nullable=True
    )
    content: Mapped[str] = mapped_column(Text)  # 申办事项
    kind: Mapped[str] = mapped_column(String(30), default="")  # vocab "matter_kind"
    service_type: Mapped[str] = mapped_column(String(30), default="")  # vocab "service_type"
    level: Mapped[str] = mapped_column(String(20), default="village")  # vocab "level"
    handling: Mapped[str] = mapped_column(String(20), default="promised")  # vocab "handling"
    status: Mapped[str] = mapped_column(String(20), index=True)
    deadline: Mapped[dt.date] = mapped_column(Date, index=True)
    responsible_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cadre.id"), index=True)
    co_handler_ids: Mapped[list[str]] = mapped_column(CodeList, default=list)
    forwarded_to: Mapped[str] = mapped_column(String(100), default="")
    forwarded_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str] = mapped_column(Text, default="")
    done_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    return_reasons: Mapped[str] = mapped_column(Text, default="")
    explanation: Mapped[str] = mapped_column(Text, default="")  # 暂不能解决: 说法
    feedback: Mapped[str] = mapped_column(Text, default="")
    feedback_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    satisfaction: Mapped[str] = mapped_column(String(20), default="")  # vocab "satisfaction"
    closed_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    public: Mapped[bool] = mapped_column(Boolean, default=True)  # 公示
    # 办结签收 as a tick: who signed the slip and when (a photo of the slip
    # is an Attachment of kind "signoff"; domain/attachments.py).
    signoff_by: Mapped[str] = mapped_column(String(60), default="")
    signoff_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class MatterNote(Record):
    """An append-only progress note (办理情况) or life-cycle event on a matter."""

    __tablename__ = "matter_note"

    matter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("matter.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cadre.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(20), default="note")  # note / a transition
    text: Mapped[str] = mapped_column(Text)


class ReturnVisit(Record):
    """One return visit (回访) of a finished matter: when, how, who answered and
    how satisfied they were. Every visit is kept — an unsatisfied one before a
    重新办理 as well as the one after — so first-visit and final satisfaction
    can both be counted."""

    __tablename__ = "return_visit"

    matter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("matter.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    satisfaction: Mapped[str] = mapped_column(String(20))  # vocab "satisfaction"
    mode: Mapped[str] = mapped_column(String(20))  # lifecycle.FEEDBACK_MODES
    respondent: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cadre.id"), nullable=True)


class ConflictSettlement(Record):
    """How a person settled a merge conflict (the :class:`SyncConflict` with
    the same id): kept the value that won (``winner``), took the one that lost
    (``loser``), or corrected the record through its form (``edited``). It is
    exchanged like any record, so every copy stops listing the conflict; the
    record's own change (for ``loser``) is journaled as usual."""

    __tablename__ = "sync_settlement"

    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(60))
    choice: Mapped[str] = mapped_column(String(10))  # winner / loser / edited
    value: Mapped[str] = mapped_column(Text)  # JSON: the value kept
    settled_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cadre.id"), nullable=True)
    settled_on: Mapped[dt.date] = mapped_column(Date)


# --------------------------------------------------------------------------- commitments


class Commitment(Record):
    """A public commitment (亮承诺): what a cadre — or a party member — publicly
    promises for a year (content, measures, target, deadline), reviewed at the
    year's end as 已践诺 / 部分践诺 / 未践诺 with an explanation. The review
    fields merge as one (``merge_policy.COMMITMENT_REVIEW``)."""

    __tablename__ = "commitment"

    year: Mapped[int] = mapped_column(Integer, index=True)
    cadre_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("cadre.id"), nullable=True, index=True
    )
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="service")  # domain.commitments.KINDS
    content: Mapped[str] = mapped_column(Text)
    measures: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    public: Mapped[bool] = mapped_column(Boolean, default=True)  # 公示
    outcome: Mapped[str] = mapped_column(String(20), default="")  # "" = not reviewed yet
    review_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    review_text: Mapped[str] = mapped_column(Text, default="")
    reviewer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cadre.id"), nullable=True)


class CommitmentNote(Record):
    """An append-only progress note on a commitment (践诺进展)."""

    __tablename__ = "commitment_note"

    commitment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("commitment.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cadre.id"), nullable=True)
    text: Mapped[str] = mapped_column(Text)


# --------------------------------------------------------------------------- meetings


class Meeting(Record):
    """A village meeting (民主恳谈会, 院坝说事会, 民主议政日, 村民代表会议):
    when and where, who hosted it, who came (registered villagers, see
    :class:`MeetingAttendee`, and a head count), the topics, what was said
    and what was decided. What villagers raised is kept as
    :class:`MeetingItem` rows, like a diary entry's items."""

    __tablename__ = "meeting"

    kind: Mapped[str] = mapped_column(String(30))  # domain.meetings.KINDS
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    host_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cadre.id"), index=True)
    group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("villager_group.id"), nullable=True
    )
    head_count: Mapped[int] = mapped_column(Integer, default=0)
    topics: Mapped[str] = mapped_column(Text, default="")
    discussion: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendee(Record):
    """A registered villager who attended a meeting."""

    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)


class MeetingItem(Record):
    """A point raised at a meeting: solved on the spot, or turned into a
    ledger matter whose first responsible person is the host (首访负责制)."""

    __tablename__ = "meeting_item"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    raised_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), nullable=True)
    outcome: Mapped[str] = mapped_column(String(10))  # "solved" / "matter"
    solution: Mapped[str] = mapped_column(Text, default="")
    matter_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("matter.id"), nullable=True, index=True
    )


# --------------------------------------------------------------------------- disputes


class Dispute(Record):
    """A dispute (矛盾纠纷) under mediation: a ledger matter of a special kind.
    Its :class:`Matter` (``matter_id``, one to one) carries the number, date
    received, responsible cadre, deadline and life cycle; the dispute adds
    its type, what it is about, and the outcome of mediation (调解成功 with
    the agreement's text, 转司法所, 转信访, 未成功). The outcome fields merge
    as one (``merge_policy.DISPUTE_OUTCOME``)."""

    __tablename__ = "dispute"

    matter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("matter.id"), index=True)
    type: Mapped[str] = mapped_column(String(20))  # domain.disputes.TYPES
    summary: Mapped[str] = mapped_column(Text, default="")  # 纠纷事由
    outcome: Mapped[str] = mapped_column(String(20), default="", index=True)  # "" = 调解中
    outcome_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    agreement_text: Mapped[str] = mapped_column(Text, default="")  # 调解协议内容
    outcome_note: Mapped[str] = mapped_column(Text, default="")  # 转交/未成功的说明


class DisputeParty(Record):
    """A party to a dispute: a registered person, a household (its head
    speaks for it) or an outsider by name; ``side`` says which side."""

    __tablename__ = "dispute_party"

    dispute_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dispute.id"), index=True)
    side: Mapped[str] = mapped_column(String(20))  # domain.disputes.SIDES
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id"), nullable=True, index=True
    )
    household_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("household.id"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(60), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class MediationSession(Record):
    """One mediation of a dispute: when, where, by whom (cadres, and others
    by name such as a 调解员 of the 司法所), whether the parties agreed."""

    __tablename__ = "mediation_session"

    dispute_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dispute.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    mediator_ids: Mapped[list[str]] = mapped_column(CodeList, default=list)
    other_mediators: Mapped[str] = mapped_column(String(200), default="")
    agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- activities


class Activity(Record):
    """A piece of a stationed cadre's “六个一” that no other record keeps:
    a policy talk (宣讲), a joint service (联动服务) or a practical project
    (实事工程) — kind (``domain.six_ones.ACTIVITY_KINDS``), date, place,
    what it was, the cadres who did it (a set, merged as one), who took part
    and how many."""

    __tablename__ = "activity"

    kind: Mapped[str] = mapped_column(String(20))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200))
    cadre_ids: Mapped[list[str]] = mapped_column(CodeList, default=list)
    participants: Mapped[str] = mapped_column(Text, default="")
    head_count: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- disclosures


class Disclosure(Record):
    """An output that showed ID numbers and phones in full (an unmasked
    ledger export): when (``at``, ISO date and time), what kind, the file's
    name, the period, how many households and people, and who asked."""

    __tablename__ = "disclosure"

    at: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(30))  # "ledger_export"
    file_name: Mapped[str] = mapped_column(String(255))
    period: Mapped[str] = mapped_column(String(60), default="")
    households: Mapped[int] = mapped_column(Integer, default=0)
    people: Mapped[int] = mapped_column(Integer, default=0)
    by_name: Mapped[str] = mapped_column(String(80), default="")


# --------------------------------------------------------------------------- attachments


class Attachment(Record):
    """A photo or scan attached to a record (``domain/attachments.py``): the
    owner (table and id), its kind and caption, and the stored file — by the
    SHA-256 of its bytes in the content-addressed store (``storage/blobs.py``),
    with its type, size and pixel size — plus the original file's name and
    when the photo was taken, if the camera said."""

    __tablename__ = "attachment"

    owner_entity: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # domain.attachments.KINDS
    caption: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    mime: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    original_name: Mapped[str] = mapped_column(String(255), default="")
    taken: Mapped[str] = mapped_column(String(19), default="")  # ISO date-time, or ""
    added_on: Mapped[dt.date] = mapped_column(Date)


# --------------------------------------------------------------------------- assessment


class SpotCheck(Record):
    """A township spot-check of diaries (镇党委不定期抽查民情日记): who
    inspected and when, the scope (a village and/or a cadre, a period), and
    the reproducible draw — ``seed`` with ``population`` entries in scope —
    whose sampled entries are the :class:`SpotCheckItem` rows."""

    __tablename__ = "spot_check"

    date: Mapped[dt.date] = mapped_column(Date, index=True)
    inspector: Mapped[str] = mapped_column(String(40))
    scope_village_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("village_profile.id"), nullable=True
    )
    cadre_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("cadre.id"), nullable=True, index=True
    )
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    sample_size: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class SpotCheckItem(Record):
    """A diary entry drawn in a spot-check, with the inspector's finding
    (``domain.assessment.FINDINGS``; "" until checked) and a note. The
    finding and its note merge as one (``merge_policy.SPOT_CHECK_FINDING``)."""

    __tablename__ = "spot_check_item"

    check_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("spot_check.id"), index=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("diary_entry.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1, 2, … in the order drawn
    finding: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Assessment(Record):
    """One of a cadre's yearly evaluations (三评), as entered: ``part`` is
    ``self`` (自评: score and text), ``leader`` (点评: score, the leader as
    ``assessor``, the comment as ``text``) or ``poll`` (群众测评: the votes
    满意 / 基本满意 / 不满意 and the day). One row per cadre, year and part
    with the same id on every copy; its fields merge as one
    (``merge_policy.ASSESSMENT_ENTRY``). The figures from the ledgers are
    computed, never stored (``queries.assessment``)."""

    __tablename__ = "assessment"

    cadre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cadre.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    part: Mapped[str] = mapped_column(String(10))  # domain.assessment.PARTS
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    assessor: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    satisfied: Mapped[int | None] = mapped_column(Integer, nullable=True)
    basic: Mapped[int | None] = mapped_column(Integer, nullable=True)
    unsatisfied: Mapped[int | None] = mapped_column(Integer, nullable=True)
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


SYNCED_MODELS: tuple[type[Record], ...] = (
    VillageProfile,
    VocabTerm,
    Setting,
    VillagerGroup,
    Cadre,
    Household,
    Person,
    Pairing,
    DiaryEntry,
    DiaryHousehold,
    DiaryItem,
    Matter,
    MatterNote,
    ConflictSettlement,
    ReturnVisit,
    Commitment,
    CommitmentNote,
    Meeting,
    MeetingAttendee,
    MeetingItem,
    Dispute,
    DisputeParty,
    MediationSession,
    SpotCheck,
    SpotCheckItem,
    Assessment,
    Activity,
    Disclosure,
    Attachment,
)
ENTITY_BY_TABLE = {m.__tablename__: m for m in SYNCED_MODELS}

# --------------------------------------------------------------------------- clean text

# Text columns holding JSON (written by the program, never typed): not cleaned.
_JSON_COLUMNS = {("setting", "value"), ("sync_settlement", "value")}


def _text_columns(model: type[Record]) -> dict[str, bool]:
    """The text columns of a synced record that hold what people typed (or a
    roster or another copy brought): column → multi-line (``Text``)."""
    out = {}
    for col in model.__table__.columns:
        if col.key in ("id", "hlc") or (model.__tablename__, col.key) in _JSON_COLUMNS:
            continue
        if isinstance(col.type, CodeList) or not isinstance(col.type, String):
            continue
        out[col.key] = isinstance(col.type, Text)
    return out


TEXT_COLUMNS: dict[str, dict[str, bool]] = {
    m.__tablename__: _text_columns(m) for m in SYNCED_MODELS
}


def _clean_on_set(multiline: bool, field: str, length: int | None):
    def listener(_target, value, _oldvalue, _initiator):
        if not isinstance(value, str):
            return value
        value = clean_text(value, multiline)
        if length is not None and len(value) > length:
            # a form or service never stores more than the column holds
            # (SQLite would keep a 32,767-character name in a VARCHAR(40))
            from ..domain.errors import ValidationError

            raise ValidationError(field, f"最多 {length} 个字（现在 {len(value)} 个）")
        return value

    return listener


# Every ORM write of a synced record (services, settling a conflict) stores
# cleaned text, before the journal sees it; bulk inserts and merged changes
# are cleaned with the same TEXT_COLUMNS (journal.bulk_insert, merge._parse).
for _model in SYNCED_MODELS:
    for _key, _multiline in TEXT_COLUMNS[_model.__tablename__].items():
        _length = None if _multiline else _model.__table__.c[_key].type.length
        event.listen(
            getattr(_model, _key),
            "set",
            _clean_on_set(_multiline, f"{_model.__tablename__}.{_key}", _length),
            retval=True,
        )
