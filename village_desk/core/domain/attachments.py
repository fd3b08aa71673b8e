"""Evidence photos and scans (留痕, seed 001: “需保留活动照片等资料”).

A cadre attaches photos and scanned documents to the records they prove: a
visit photo to a diary entry, the applicant's signed 办结签收 slip to a
matter, a mediation agreement to a dispute, a meeting or activity photo,
the signed commitment. An attachment is a small synced record (whose record,
what kind, the caption, the original file's name and size) pointing by its
SHA-256 to a file in a content-addressed store (``storage/blobs.py``): the
same photo attached twice is stored once, and a file whose bytes no longer
match its name is known to be damaged.

Images are made a sensible size on the way in: turned upright as the camera
recorded (EXIF orientation), scaled so the longer side is at most
:data:`MAX_SIDE` pixels, and saved without their metadata — a phone photo
carries the place it was taken (GPS) — unless the person chooses to keep it.
PDF scans are kept as they are, up to :data:`MAX_PDF_BYTES`.

办结签收 (the fourth of the 四登记, DOMAIN §4): the applicant signs on
completion. It is either a photo of the signed slip (an attachment of kind
``signoff``) or a tick with who signed and when (``matter.signoff_by`` /
``signoff_date``); either counts.
"""

from __future__ import annotations

from .fields import FIELD_LABELS

# Which records take attachments: table → what a person calls it.
OWNERS: dict[str, str] = {
    "diary_entry": "民情日记",
    "matter": "台账事项",
    "meeting": "会议记录",
    "commitment": "公开承诺",
    "dispute": "矛盾纠纷",
    "activity": "活动记录",
}

KINDS: dict[str, str] = {
    "photo": "照片",
    "scan": "扫描件",
    "signoff": "办结签收单",
}

# What the program accepts, by the file's content (not its name).
IMAGE_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
    "GIF": "image/gif",
}
PDF_MIME = "application/pdf"
STORED_MIME = ("image/jpeg", "image/png", PDF_MIME)
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", PDF_MIME: ".pdf"}
# For file pickers: the names people's files have.
PICKER_PATTERNS = "*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif *.pdf"

MAX_SIDE = 2560  # pixels, the longer side of a stored image
JPEG_QUALITY = 85
MAX_INPUT_BYTES = 60 * 1024 * 1024  # a file larger than this is refused
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 120_000_000  # a larger image is refused (a decompression bomb)
MAX_PER_RECORD = 30
# The store's cap (per computer, a local setting, in MB); adding beyond it
# is refused with a message saying how much is used.
CAP_SETTING = "attachment_cap_mb"
DEFAULT_CAP_MB = 4096
MAX_CAPTION = 200

SIGNOFF_STATUSES = ("done", "feedback", "closed")  # lifecycle: 已办结 and after

FIELDS: dict[str, str] = {
    "attachment.file": "文件",
    "attachment.kind": "类别",
    "attachment.caption": "说明",
    "attachment.owner": "所属记录",
    "attachment.owner_entity": "所属记录类别",
    "attachment.owner_id": "所属记录",
    "attachment.sha256": "文件校验值",
    "attachment.mime": "文件类型",
    "attachment.size": "文件大小",
    "attachment.width": "宽度（像素）",
    "attachment.height": "高度（像素）",
    "attachment.original_name": "原文件名",
    "attachment.taken": "拍摄时间",
    "attachment.added_on": "添加日期",
    "attachment.village_id": "所属村",
    "matter.signoff_by": "签收人",
    "matter.signoff_date": "签收日期",
}
FIELD_LABELS.update({k: v for k, v in FIELDS.items() if k not in FIELD_LABELS})


def human_size(size: int) -> str:
    """``size`` bytes in words a person reads (KB / MB, one decimal)."""
    if size < 1024 * 1024:
        return f"{max(size, 1) / 1024:.0f} KB" if size >= 1024 else f"{size} 字节"
    if size < 1024 * 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024 / 1024 / 1024:.2f} GB"
