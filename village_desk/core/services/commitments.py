"""Public commitments (亮承诺): registration, progress notes, year-end review.

A commitment belongs to one person — a cadre, or a registered villager who
is a party member — and one year. A 服务承诺 must state its measures, its
target and a deadline; a 一句话承诺 is its one sentence. Progress notes are
appended, never overwritten. The review (已践诺 / 部分践诺 / 未践诺) always
carries an explanation; once reviewed, what was promised is locked (the
public record of the promise must not change after it was judged) and no
more progress is added — a wrong review is corrected by reviewing again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.commitments import KINDS, OUTCOMES, outcome_label
from ..domain.errors import IllegalTransition, ServiceError, ValidationError
from ..domain.validation import not_future, require
from ..storage.db import Database
from ..storage.models import Cadre, Commitment, CommitmentNote, Person
from .common import edit_only_changes, get_live, live_village, tx_id

FIRST_YEAR = 2000


@dataclass
class CommitmentInput:
    year: int
    content: str
    cadre_id: uuid.UUID | None = None
    # a party member (a registered villager) instead of a cadre
    person_id: uuid.UUID | None = None
    kind: str = "service"
    measures: str = ""
    target: str = ""
    deadline: dt.date | None = None
    public: bool = True
    # A township office's database: the village of a cadre's commitment.
    village_id: uuid.UUID | None = None


def _year(value, today: dt.date) -> int:
    if not isinstance(value, int) or not FIRST_YEAR <= value <= today.year + 1:
        raise ValidationError(
            "commitment.year", f"应为{FIRST_YEAR}年至{today.year + 1}年之间的年份"
        )
    return value


def _kind(value: str) -> str:
    if value not in KINDS:
        raise ValidationError("commitment.kind", "请选择服务承诺或一句话承诺")
    return value


def _deadline(value, year: int) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, dt.date):
        raise ValidationError("commitment.deadline", "请填写日期")
    if value < dt.date(year, 1, 1):
        raise ValidationError("commitment.deadline", f"不能早于承诺年度（{year}年）")
    return value


def _check_service(kind: str, measures: str, target: str, deadline) -> None:
    """A 服务承诺 states its measures, its target and a deadline (000 L113)."""
    if kind != "service":
        return
    if not measures:
        raise ValidationError("commitment.measures", "服务承诺须写明采取的措施")
    if not target:
        raise ValidationError("commitment.target", "服务承诺须写明达到的目标")
    if deadline is None:
        raise ValidationError("commitment.deadline", "服务承诺须填写完成时限")


def _committer(s: Session, cadre_id, person_id) -> tuple[str, Person | None]:
    if cadre_id is None and person_id is None:
        raise ValidationError("commitment.committer", "请选择承诺的干部或党员")
    if cadre_id is not None and person_id is not None:
        raise ValidationError("commitment.committer", "一条承诺只属于一位干部或一名党员")
    if cadre_id is not None:
        return get_live(s, Cadre, cadre_id, "干部").name, None
    person = get_live(s, Person, person_id, "村民")
    if not person.party_member:
        raise ValidationError(
            "commitment.person_id", f"{person.name}不是党员；公开承诺由干部或党员作出"
        )
    return person.name, person


def _village_for(s: Session, data: CommitmentInput, person: Person | None) -> uuid.UUID | None:
    """A party member's commitment belongs to the member's village; a
    cadre's to this copy's village, or (a township office) the one named."""
    if person is not None:
        return person.village_id
    if data.village_id is None:
        return None  # the journal gives it this copy's village
    return live_village(s, data.village_id, "commitment.village_id")


def add_commitment(
    db: Database, actor_id, data: CommitmentInput, today: dt.date | None = None
) -> uuid.UUID:
    """Register a commitment; returns its id."""
    today = today or dt.date.today()
    year = _year(data.year, today)
    kind = _kind(data.kind)
    content = require(data.content, "commitment.content")
    measures, target = (data.measures or "").strip(), (data.target or "").strip()
    deadline = _deadline(data.deadline, year)
    _check_service(kind, measures, target, deadline)
    with db.transaction(actor_id) as s:
        name, person = _committer(s, data.cadre_id, data.person_id)
        same = s.scalar(
            select(Commitment.id).where(
                Commitment.deleted.is_(False),
                Commitment.year == year,
                Commitment.cadre_id == data.cadre_id
                if data.cadre_id is not None
                else Commitment.person_id == data.person_id,
                Commitment.content == content,
            )
        )
        if same is not None:
            raise ValidationError("commitment.content", f"{name}{year}年已有这条承诺")
        c = Commitment(
            year=year,
            cadre_id=data.cadre_id,
            person_id=data.person_id,
            kind=kind,
            content=content,
            measures=measures,
            target=target,
            deadline=deadline,
            public=bool(data.public),
            outcome="",
            review_text="",
            village_id=_village_for(s, data, person),
        )
        s.add(c)
        s.flush()
        return c.id


EDITABLE = {"kind", "content", "measures", "target", "deadline", "public"}


def update_commitment(
    db: Database, actor_id, commitment_id: uuid.UUID, *, base: Mapping | None = None, **fields
) -> None:
    """Correct what was promised (before the review) or whether it is posted.

    ``base`` is the commitment as the form showed it: only what the user
    changed is written (see ``edit_only_changes``)."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ServiceError(f"这些字段不能在这里修改：{', '.join(sorted(unknown))}")
    with db.transaction(actor_id) as s:
        c = get_live(s, Commitment, commitment_id, "承诺")
        fields = edit_only_changes(c, fields, base, "commitment")
        for key in ("measures", "target"):
            if key in fields:
                fields[key] = (fields[key] or "").strip()
        if "content" in fields:
            fields["content"] = require(fields["content"], "commitment.content")
        if "kind" in fields:
            _kind(fields["kind"])
        if "deadline" in fields:
            fields["deadline"] = _deadline(fields["deadline"], c.year)
        changed = [k for k in fields if k != "public" and getattr(c, k) != fields[k]]
        if changed and c.outcome:
            raise IllegalTransition(
                f"这条承诺已评定为“{outcome_label(c.outcome)}”，承诺的内容不能再修改"
            )
        merged = {
            k: fields.get(k, getattr(c, k)) for k in ("kind", "measures", "target", "deadline")
        }
        _check_service(merged["kind"], merged["measures"], merged["target"], merged["deadline"])
        for key, value in fields.items():
            setattr(c, key, value)


def delete_commitment(db: Database, actor_id, commitment_id: uuid.UUID) -> uuid.UUID:
    """Tombstone a commitment entered by mistake, with its notes; returns the tx id."""
    with db.transaction(actor_id) as s:
        c = get_live(s, Commitment, commitment_id, "承诺")
        c.deleted = True
        for note in s.scalars(
            select(CommitmentNote).where(CommitmentNote.commitment_id == commitment_id)
        ):
            note.deleted = True
        return tx_id(s)


def _when(c: Commitment, when, field: str, today: dt.date) -> dt.date:
    when = when or today
    if not isinstance(when, dt.date):
        raise ValidationError(field, "请填写日期")
    not_future(when, field, today)
    if when.year < c.year:
        raise ValidationError(field, f"不能早于承诺年度（{c.year}年）")
    return when


def add_progress(
    db: Database,
    actor_id,
    commitment_id: uuid.UUID,
    text: str,
    when: dt.date | None = None,
    today: dt.date | None = None,
) -> uuid.UUID:
    """Append a progress note (践诺进展); refused once the commitment is reviewed."""
    today = today or dt.date.today()
    text = require(text, "commitment_note.text")
    with db.transaction(actor_id) as s:
        c = get_live(s, Commitment, commitment_id, "承诺")
        if c.outcome:
            raise IllegalTransition(f"这条承诺已评定为“{outcome_label(c.outcome)}”，不能再添加进展")
        note = CommitmentNote(
            commitment_id=c.id,
            date=_when(c, when, "commitment_note.date", today),
            author_id=actor_id,
            text=text,
        )
        s.add(note)
        s.flush()
        return note.id


def review_commitment(
    db: Database,
    actor_id,
    commitment_id: uuid.UUID,
    outcome: str,
    text: str,
    when: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """The year-end review: 已践诺 / 部分践诺 / 未践诺, always explained.
    Reviewing again replaces the review (the journal keeps the earlier one)."""
    today = today or dt.date.today()
    if outcome not in OUTCOMES:
        raise ValidationError("commitment.outcome", "请选择已践诺、部分践诺或未践诺")
    text = (text or "").strip()
    if not text:
        raise ValidationError(
            "commitment.review_text",
            "请说明践诺情况" if outcome == "kept" else "请说明没有全部兑现的原因",
        )
    with db.transaction(actor_id) as s:
        c = get_live(s, Commitment, commitment_id, "承诺")
        c.review_date = _when(c, when, "commitment.review_date", today)
        c.outcome, c.review_text, c.reviewer_id = outcome, text, actor_id
