"""Default vocabularies: stable codes with Chinese labels (DOMAIN.md).

Vocabularies are data (``VocabTerm`` rows), seeded from these lists when a
database is initialised; a village can rename, add or retire entries without
breaking old records, because records store the code, never the label.
"""

from __future__ import annotations

DEFAULT_VOCABULARIES: dict[str, list[tuple[str, str]]] = {
    # 户类别 (multi-valued on a household)
    "household_category": [
        ("dibao", "低保户"),
        ("tekun", "特困供养户"),
        ("tuopin", "脱贫户"),
        ("jiance", "监测户"),
        ("kunnan", "困难群众"),
        ("liushou_elder", "留守老人"),
        ("liushou_child", "留守儿童"),
        ("kongchao", "空巢老人"),
        ("guagua", "孤寡老人"),
        ("disabled", "残疾人"),
        ("illness", "重病/慢病"),
        ("veteran", "退役军人"),
        ("party", "党员户"),
        ("party_center", "党员中心户"),
        ("party_hardship", "困难党员"),
        ("rich_leader", "致富能手"),
        ("former_cadre", "离任村干部"),
        ("petition", "信访户"),
        ("weifang", "危房户"),
        ("disaster", "因灾受损户"),
        ("migrant", "外出务工"),
    ],
    "relation": [
        ("head", "户主"),
        ("spouse", "配偶"),
        ("child", "子女"),
        ("parent", "父母"),
        ("grandchild", "孙子女"),
        ("child_in_law", "儿媳/女婿"),
        ("grandparent", "祖父母"),
        ("sibling", "兄弟姐妹"),
        ("other", "其他"),
    ],
    "person_status": [
        ("home", "在家"),
        ("migrant", "外出务工"),
        ("student", "在校"),
        ("military", "服役"),
        ("deceased", "已故"),
    ],
    "person_tag": [
        ("disabled", "残疾"),
        ("chronic", "慢病"),
        ("over65", "65岁以上"),
        ("serious_illness", "大病"),
    ],
    "role": [
        ("secretary", "村党组织书记"),
        ("director", "村委会主任"),
        ("first_secretary", "驻村第一书记"),
        ("resident", "驻村工作队员"),
        ("township_leader", "包村领导"),
        ("township_cadre", "包村干部"),
        ("village_cadre", "村干部"),
        ("grid", "网格员"),
    ],
    "pairing_kind": [
        ("cadre_household", "干部结对联户"),
        ("department", "部门挂钩联户"),
        ("poverty_help", "结对帮扶"),
        ("pair_123", "“123”结对"),
        ("first_contact", "首接/包户"),
    ],
    "visit_mode": [
        ("home_visit", "入户走访"),
        ("office_duty", "坐访/值班接访"),
        ("phone", "电话联系"),
        ("forum", "座谈会"),
        ("courtyard", "院坝说事会"),
        ("heart_talk", "民情恳谈会"),
        ("activity", "集中活动"),
        ("condolence", "节日/灾后慰问"),
    ],
    "channel": [
        ("home_visit", "入户走访"),
        ("office_duty", "坐访值班"),
        ("call", "来电"),
        ("letter", "来信"),
        ("mailbox", "书记信箱"),
        ("hotline", "专线电话"),
        ("assigned", "上级交办"),
        ("grid_patrol", "网格巡查"),
        ("forum", "座谈会"),
    ],
    "matter_kind": [
        ("style", "干部作风"),
        ("hardship", "实际困难"),
        ("shortcoming", "工作不足"),
        ("proposal", "发展建议"),
    ],
    "service_type": [
        ("approval", "审批类"),
        ("license", "证照代办类"),
        ("consulting", "咨询服务类"),
        ("public_welfare", "公益事业类"),
    ],
    "level": [
        ("village", "村级"),
        ("township", "镇级"),
        ("county", "县级及以上"),
    ],
    "handling": [
        ("immediate", "即办"),
        ("promised", "承诺办理"),
        ("forwarded", "上报办理"),
        ("returned", "退回答复"),
    ],
    "satisfaction": [
        ("satisfied", "满意"),
        ("basic", "基本满意"),
        ("unsatisfied", "不满意"),
    ],
}

VOCABULARY_TITLES = {
    "household_category": "户类别",
    "relation": "与户主关系",
    "person_status": "人员状态",
    "person_tag": "人员标签",
    "role": "干部职务",
    "pairing_kind": "联户方式",
    "visit_mode": "走访方式",
    "channel": "来源渠道",
    "matter_kind": "事项类别",
    "service_type": "代办类型",
    "level": "办理层级",
    "handling": "办理方式",
    "satisfaction": "满意度",
}

# Settings with their defaults (DOMAIN.md §3, §4): numbers the sources leave
# blank are settings, not constants.
DEFAULT_SETTINGS: dict[str, object] = {
    # Visit quotas by role: households (户) or visits (户次) per period.
    "visit_quotas": {
        "township_leader": {"households": 60, "period": "campaign"},
        "township_cadre": {"households": 120, "period": "year"},
        "secretary": {"visits": 200, "period": "year"},
        "director": {"visits": 200, "period": "year"},
        "first_secretary": {"visits": 200, "period": "year"},
        "village_cadre": {"visits": 200, "period": "year"},
    },
    "monthly_visit_minimum": 10,
    # Pairing norms per pairing kind (DOMAIN.md §2): “123”结对 = 2 party-member
    # households + 3 villagers' households, one of them in hardship (004 L98);
    # 结对帮扶 ≥ 2 households per cadre (004 L40). Remove a kind not used here.
    "pairing_norms": {
        "pair_123": {"party": 2, "villagers": 3, "hardship": 1},
        "poverty_help": {"households": 2},
    },
    # Default 办结时限 in days per matter kind (used when none is entered).
    "default_deadline_days": {
        "style": 15,
        "hardship": 15,
        "shortcoming": 15,
        "proposal": 30,
        "": 15,
    },
    # 一线工作日: ISO weekdays (1 = Monday); the sources' example is Tue and Thu.
    "duty_days": [2, 4],
    "long_unvisited_days": 90,
    "due_soon_days": 3,
    # Contact cards (联系卡): title, back-side texts; all editable in settings.
    "card_title": "民情联系卡",
    "card_slogan": "有困难找干部、要办事找干部",
    "card_service_items": [
        "低保、特困供养申请",
        "残疾人证办理",
        "医保参保与报销",
        "养老保险资格认证",
        "户籍、婚育证明",
        "建房审批",
        "就业创业咨询",
        "矛盾纠纷调解",
    ],
    "card_policy_text": "代办服务免费，不收取任何费用。群众有事可随时联系联户干部，"
    "也可在一线工作日到村便民服务站办理。",
    # A TrueType CJK font for printing; empty = look for one on this computer.
    "print_font_path": "",
    # The most the attached photos and scans may take on this computer (MB).
    "attachment_cap_mb": 4096,
}

# Settings of one computer, not of the village: kept in ``local_setting``,
# never exchanged (a font path means nothing on another laptop).
LOCAL_SETTING_KEYS = frozenset({"print_font_path", "attachment_cap_mb"})
