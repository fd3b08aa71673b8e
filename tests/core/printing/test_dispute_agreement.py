"""The 调解协议书 of a settled dispute, read back: the parties of each side
with ID numbers and phones masked, the facts, the mediations, the agreement,
a signature line for every party and mediator; an unsettled one prints as its
调解记录 without an agreement. Also from the command line (print-dispute)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from sqlalchemy import select

from tests.core.printing.pdfcheck import all_text
from village_desk import cli
from village_desk.core import queries, services
from village_desk.core.domain.errors import NotFoundError
from village_desk.core.printing import print_dispute
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Person
from village_desk.core.storage.paths import database_url

TODAY = dt.date.today()


def settle(db, village, outcome=True):
    zhang = db.read(lambda s: s.scalar(select(Person.id).where(Person.name == "张三丰")))
    did = services.disputes.register_dispute(
        db,
        None,
        DisputeInput(
            type="homestead",
            summary="围墙占用滴水线，赵家电话13900001111多次协商未果",
            responsible_id=village["secretary"],
            received_date=TODAY - dt.timedelta(days=6),
            parties=[
                PartyInput("applicant", person_id=zhang),
                PartyInput("respondent", name="赵大年"),
            ],
        ),
    )
    services.disputes.add_session(
        db,
        None,
        did,
        SessionInput(
            TODAY - dt.timedelta(days=2),
            "村调委会调解室",
            [village["secretary"], village["grid"]],
            other_mediators="司法所刘平",
            agreed=True,
            notes="现场丈量后双方同意",
        ),
    )
    if outcome:
        services.disputes.record_outcome(
            db,
            None,
            did,
            "success",
            when=TODAY,
            agreement_text="一、张家围墙后退30厘米。\n二、费用自理。",
        )
    return did


def test_the_agreement_of_a_settled_dispute(db, village):
    did = settle(db, village)
    buf = io.BytesIO()
    assert print_dispute(db, buf, did) == 1
    text = re.sub(r"\s+", "", all_text(buf.getvalue()))
    number = db.read(queries.disputes.dispute, did).number
    assert "桃花村人民调解协议书" in text and number in text and "宅基地纠纷" in text
    assert "张三丰" in text and "赵大年" in text and "01-001" not in text
    # the registered party's ID number and phone masked; numbers in the text too
    zhang = db.read(lambda s: s.scalar(select(Person).where(Person.name == "张三丰")))
    assert zhang.id_number not in text and zhang.id_number[-4:] in text
    assert "13812345678" not in text and "138****5678" in text
    assert "13900001111" not in text
    assert "一、张家围墙后退30厘米。" in text and "二、费用自理。" in text
    assert "由王建国、李秀英、司法所刘平主持调解，双方达成一致" in text
    # a signature line for each party and each mediator
    assert text.count("当事人（签名）") == 2
    for name in ("王建国", "李秀英", "司法所刘平"):
        assert f"调解员（签名）：______________（{name}）" in text
    assert "人民调解委员会（印章）" in text
    services.disputes.delete_dispute(db, None, did)
    with pytest.raises(NotFoundError):
        print_dispute(db, io.BytesIO(), did)


def test_an_unsettled_dispute_prints_its_record(db, village):
    did = settle(db, village, outcome=False)
    buf = io.BytesIO()
    print_dispute(db, buf, did)
    text = re.sub(r"\s+", "", all_text(buf.getvalue()))
    assert "桃花村矛盾纠纷调解记录" in text and "人民调解协议书" not in text
    assert "调解结果调解中" in text and "自愿达成如下协议" not in text


def test_print_dispute_from_the_command_line(tmp_path, capsys):
    folder = str(tmp_path / "data")
    db = Database.open(database_url(folder, None), device_name="测试机")
    services.setup.initialize(db, village="桃花村", township="青山镇")
    wang = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    did = services.disputes.register_dispute(
        db,
        None,
        DisputeInput(
            type="neighbour",
            summary="鸡鸭啄食菜地",
            responsible_id=wang,
            parties=[PartyInput("applicant", name="甲某"), PartyInput("respondent", name="乙某")],
        ),
    )
    number = db.read(queries.disputes.dispute, did).number
    db.close()
    out = tmp_path / "协议.pdf"
    code = cli.main(["--data-dir", folder, "print-dispute", str(out), "--matter", number])
    assert code == 0 and f"纠纷 {number} 的调解文书，共 1 页" in capsys.readouterr().out
    assert "甲某" in re.sub(r"\s+", "", all_text(out.read_bytes()))
    code = cli.main(["--data-dir", folder, "print-dispute", str(out), "--matter", "2026-XXX-9999"])
    assert code != 0 and "没有编号为 2026-XXX-9999 的矛盾纠纷" in capsys.readouterr().err
