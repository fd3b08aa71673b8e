"""完整号码导出/查看记录: the kinds of output that showed ID numbers and
phones in full (the ``disclosure`` record's ``kind``)."""

from __future__ import annotations

KINDS: dict[str, str] = {
    "ledger_export": "台账工作簿（完整身份证号和电话）",
    "phone_reveal": "户页显示完整电话",
    "history_unmasked": "修改记录显示完整号码",
}
