"""The fields a :class:`~.errors.ValidationError` can name: stable keys and the
Chinese labels people see.

Services raise errors by key (``"person.id_number"``); forms register their
widgets under the same keys, so an error lands next to its field whatever the
label says. Keys of repeated parts carry a 1-based index:
``"diary.item.2.text"`` is the second raised item's text.
"""

from __future__ import annotations

import re

FIELD_LABELS: dict[str, str] = {
    # village profile, groups, cadres, vocabularies
    "profile.village": "村名",
    "profile.division_code": "统计用区划代码",
    "profile.service_phone": "村服务电话",
    "group.name": "组名",
    "group.village_id": "所属村",
    "disclosure.at": "时间",
    "disclosure.kind": "导出或查看的内容",
    "disclosure.file_name": "文件名或户",
    "disclosure.period": "期间",
    "disclosure.households": "户数",
    "disclosure.people": "人数",
    "disclosure.by_name": "经办人",
    "disclosure.village_id": "所属村",
    "villager_group.name": "组名",
    "villager_group.sort_order": "排序",
    "cadre.name": "干部姓名",
    "cadre.role": "职务",
    "cadre.phone": "干部电话",
    "cadre.duties": "分工",
    "cadre.active": "在职",
    "vocab.label": "名称",
    "vocab.code": "代码",
    "setting.value": "设置",
    "setting.card_title": "联系卡标题",
    "setting.print_font_path": "打印字体",
    "setting.card_slogan": "联系卡标语",
    "setting.card_policy_text": "政策宣传内容",
    "setting.card_service_items": "代办服务事项",
    "setting.default_deadline_days": "默认办结时限",
    "setting.due_soon_days": "即将到期提醒天数",
    "setting.long_unvisited_days": "长期未走访天数",
    "setting.monthly_visit_minimum": "每月最少走访户次",
    "setting.duty_days": "一线工作日",
    "setting.visit_quotas": "走访任务",
    "setting.pairing_norms": "结对要求",
    "setting.quota_visit_modes": "计入任务的走访方式",
    # households and members
    "household": "户",
    "household.number": "户号",
    "household.group_id": "村民小组",
    "household.phone": "家庭电话",
    "household.categories": "户类别",
    "household.address": "地址",
    "household.situation": "家庭情况",
    "household.notes": "户备注",
    "household.village_id": "所属村",
    "person.name": "姓名",
    "person.relation": "与户主关系",
    "person.gender": "性别",
    "person.birth_date": "出生日期",
    "person.id_number": "公民身份号码",
    "person.phone": "联系电话",
    "person.status": "状态",
    "person.tags": "标签",
    "person.household_id": "所在户",
    "person.id_legacy": "15位旧身份证号",
    "person.party_member": "党员",
    "person.notes": "成员备注",
    "pairing.cadre_id": "结对干部",
    "pairing.kind": "联户方式",
    "pairing.end_date": "结束日期",
    "pairing.end_reason": "结束原因",
    "pairing.household_id": "结对户",
    "pairing.start_date": "开始日期",
    "pairing.reason": "结对原因",
    # diary
    "diary.date": "走访日期",
    "diary.mode": "走访方式",
    "diary.author_id": "走访干部",
    "diary.companion_ids": "同行干部",
    "diary.household_ids": "走访对象",
    "diary.place": "地点/参加人员",
    "diary.q_basic": "基本情况",
    "diary.q_hardship": "困难问题",
    "diary.q_wishes": "致富愿望",
    "diary.q_evaluation": "干部评价",
    "diary.q_suggestions": "工作建议",
    "diary.q_development": "发展计策",
    "diary.narrative": "走访记录",
    "diary.help_given": "帮扶内容",
    # ledger: registration
    "matter.household_id": "户",
    "matter.applicant_name": "申请人",
    "matter.applicant_phone": "申请人电话",
    "matter.content": "申办事项",
    "matter.received_date": "受理日期",
    "matter.channel": "来源渠道",
    "matter.kind": "事项类别",
    "matter.village_id": "所属村",
    "matter.service_type": "代办类型",
    "matter.level": "办理层级",
    "matter.handling": "办理方式",
    "matter.deadline": "办结时限",
    "matter.responsible_id": "责任人",
    "matter.co_handler_ids": "协办人",
    "matter.number": "事项编号",
    "matter.applicant_person_id": "申请人（本村人员）",
    "matter.group_id": "村民小组",
    "matter.status": "办理状态",
    "matter.forwarded_to": "上报单位",
    "matter.forwarded_date": "上报日期",
    "matter.result": "办理结果",
    "matter.done_date": "办结日期",
    "matter.return_reasons": "退回理由",
    "matter.explanation": "解释说明",
    "matter.feedback": "回访情况",
    "matter.feedback_date": "回访日期",
    "matter.satisfaction": "满意度",
    "matter.closed_date": "销号日期",
    "matter.public": "公示",
    "matter.correction_reason": "更正理由",
    "return_visit.matter_id": "事项",
    "return_visit.date": "回访日期",
    "return_visit.satisfaction": "满意度",
    "return_visit.mode": "回访方式",
    "return_visit.respondent": "回访对象",
    "return_visit.text": "回访情况",
    "return_visit.author_id": "回访干部",
    # ledger: life-cycle actions and notes
    "device.village_code": "村代码",
    "device.letter": "本机字母",
    "action.date": "办理日期",
    "action.text": "办理情况",
    "action.forwarded_to": "上报单位",
    "action.level": "办理层级",
    "action.result": "上级办理结果",
    "action.outcome": "办理结果",
    "action.satisfaction": "满意度",
    "action.feedback_mode": "回访方式",
    "action.respondent": "回访对象",
    "action.reasons": "退回理由",
    "action.explanation": "向群众的解释说明",
    "action.feedback": "回访情况",
    "note.text": "办理情况",
    # Excel
    "period": "统计期间",
    "import.file": "文件",
    "import.village": "村",
    "import.sheet": "工作表",
    "import.mapping": "列对应",
}

_ITEM = re.compile(r"diary\.item\.(\d+)\.(text|outcome|kind)")
_ITEM_LABELS = {
    "text": "第{n}项反映的问题",
    "outcome": "第{n}项处理方式",
    "kind": "第{n}项事项类别",
}


def field_label(key: str) -> str:
    """The Chinese label of a field key (the key itself if it is not a key)."""
    if key in FIELD_LABELS:
        return FIELD_LABELS[key]
    item = _ITEM.fullmatch(key)
    if item:
        return _ITEM_LABELS[item[2]].format(n=item[1])
    return key


def item_field(index: int, part: str) -> str:
    """The key of a diary entry's raised item (``index`` counts from 1)."""
    return f"diary.item.{index}.{part}"
