"""Demo evidence (留痕): photos on recent visits, meetings and activities, the
signed 办结签收 slips of finished matters, and mediation agreements —
pictures drawn here (a banner over a village square, a house with the
people visited, a signed slip with the service station's stamp), made and
stored like a real photo (``services.attachments.prepare_bytes``), with a
random generator of their own so the rest of the demo data stays as it was.

Most finished matters are signed off: a tick with the applicant's name a
day or two after 办结, and for some a photo of the slip. The number of
pictures grows with the village but stays small (a demo is generated in
seconds).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import uuid

from ..core.domain.attachments import SIGNOFF_STATUSES
from ..core.domain.meetings import KINDS as MEETING_KINDS
from ..core.queries.attachments import store as attachment_store
from ..core.resources import font_candidates
from ..core.services.attachments import prepare_bytes
from ..core.storage.models import Activity, Attachment, Commitment, Dispute, Meeting

MAX_PICTURES = 90
SIGNED_SHARE = 0.8  # finished matters signed off
SLIP_PHOTO_SHARE = 0.3  # of those, with a photo of the slip


def _font(size: int):
    from PIL import ImageFont

    for path in font_candidates():
        if path.is_file():
            try:
                return ImageFont.truetype(str(path), size)
            except OSError:
                continue
    return ImageFont.load_default()


class _Painter:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.fonts: dict[int, object] = {}

    def font(self, size: int):
        if size not in self.fonts:
            self.fonts[size] = _font(size)
        return self.fonts[size]

    def _jpeg(self, img) -> bytes:
        out = io.BytesIO()
        img.save(out, "JPEG", quality=80)
        return out.getvalue()

    def scene(self, banner: str | None) -> bytes:
        """A village scene: sky, hills, a house or two, people; a red banner
        (横幅) with ``banner`` for a meeting or activity."""
        from PIL import Image, ImageDraw

        rng = self.rng
        w, h = 1024, 768
        img = Image.new("RGB", (w, h))
        d = ImageDraw.Draw(img)
        top = (rng.randint(120, 170), rng.randint(170, 210), rng.randint(220, 245))
        for y in range(int(h * 0.62)):
            f = y / (h * 0.62)
            d.line([(0, y), (w, y)], fill=tuple(int(c * (1 - 0.25 * f)) for c in top))
        green = (rng.randint(60, 100), rng.randint(120, 160), rng.randint(60, 90))
        for _ in range(3):
            x = rng.randint(-200, w)
            d.ellipse([x, h // 2 - rng.randint(60, 140), x + rng.randint(400, 700), h], fill=green)
        d.rectangle([0, int(h * 0.62), w, h], fill=(rng.randint(170, 200), 170, 140))
        for _ in range(rng.randint(1, 2)):
            x, y = rng.randint(40, w - 360), int(h * 0.32)
            d.rectangle(
                [x, y + 90, x + 300, y + 260], fill=(235, 232, 222), outline=(150, 140, 120)
            )
            d.polygon([(x - 20, y + 95), (x + 150, y), (x + 320, y + 95)], fill=(110, 110, 120))
            d.rectangle([x + 120, y + 160, x + 180, y + 260], fill=(120, 80, 50))
        for _ in range(rng.randint(4, 12)):
            x, y = rng.randint(20, w - 40), rng.randint(int(h * 0.6), h - 130)
            coat = tuple(rng.randint(40, 220) for _ in range(3))
            d.ellipse([x, y, x + 30, y + 30], fill=(60, 45, 35))
            d.rectangle([x - 5, y + 30, x + 35, y + 110], fill=coat)
        if banner:
            d.rectangle([60, 40, w - 60, 120], fill=(200, 20, 30))
            font = self.font(40)
            box = d.textbbox((0, 0), banner, font=font)
            d.text(((w - (box[2] - box[0])) // 2, 58), banner, fill=(255, 240, 200), font=font)
        return self._jpeg(img)

    def slip(self, title: str, lines: list[str], signer: str, stamp: str) -> bytes:
        """A signed form photographed on a desk: title, its lines, the
        signature and the red stamp, slightly turned."""
        from PIL import Image, ImageDraw

        rng = self.rng
        paper = Image.new("RGB", (900, 1200), (250, 248, 240))
        d = ImageDraw.Draw(paper)
        big, small = self.font(52), self.font(30)
        box = d.textbbox((0, 0), title, font=big)
        d.text(((900 - (box[2] - box[0])) // 2, 70), title, fill=(20, 20, 20), font=big)
        y = 200
        for line in lines:
            while line:
                d.text((80, y), line[:24], fill=(30, 30, 30), font=small)
                line = line[24:]
                y += 52
        y += 40
        d.text((80, y), "申请人签字：", fill=(30, 30, 30), font=small)
        hand = self.font(44)
        d.text((290, y - 8), signer, fill=(20, 30, 110), font=hand)
        d.line([(290, y + 44), (560, y + 40)], fill=(20, 30, 110), width=2)
        cx, cy = 640, y + 150
        d.ellipse([cx - 110, cy - 110, cx + 110, cy + 110], outline=(210, 30, 30), width=7)
        d.text((cx - 18, cy - 22), "★", fill=(210, 30, 30), font=self.font(40))
        arc = self.font(24)
        text = stamp[:7]
        box = d.textbbox((0, 0), text, font=arc)
        d.text((cx - (box[2] - box[0]) // 2, cy + 36), text, fill=(210, 30, 30), font=arc)
        desk = Image.new("RGB", (1100, 1400), (rng.randint(110, 140), 90, 60))
        turned = paper.rotate(rng.uniform(-4, 4), expand=True, fillcolor=desk.getpixel((0, 0)))
        desk.paste(turned, ((1100 - turned.width) // 2, (1400 - turned.height) // 2))
        return self._jpeg(desk)


def build(db, b, tables: list, seed: int) -> list[tuple[str, type, list[dict]]]:
    """Sign off most finished matters (in ``b.matters``, before they are
    written) and draw the pictures: store their files now and return the
    attachment rows to write after their records."""
    rng = random.Random(f"attachments-{seed}")
    painter = _Painter(rng)
    store = attachment_store(db)
    today = b.today
    rows: list[dict] = []
    budget = min(MAX_PICTURES, max(6, len(b.households) // 4))

    def uid() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    def attach(entity, owner, data: bytes, kind: str, caption: str, name: str, on: dt.date):
        prepared = prepare_bytes(data, name)
        sha = store.put(prepared.data)
        rows.append(
            {
                "id": uid(),
                "owner_entity": entity,
                "owner_id": owner["id"],
                "kind": kind,
                "caption": caption,
                "sha256": sha,
                "mime": prepared.mime,
                "size": len(prepared.data),
                "width": prepared.width,
                "height": prepared.height,
                "original_name": name,
                "taken": "",
                "added_on": min(on, today),
                "village_id": owner.get("village_id"),
            }
        )

    def photo_name(on: dt.date) -> str:
        return f"IMG_{on:%Y%m%d}_{rng.randint(80000, 199999)}.jpg"

    # 办结签收: a tick for most finished matters, a photo of the slip for some
    slips = []
    for m in b.matters:
        if m.get("status") not in SIGNOFF_STATUSES or m.get("done_date") is None:
            continue
        if rng.random() >= SIGNED_SHARE:
            continue
        on = min(m["done_date"] + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3))), today)
        m["signoff_by"], m["signoff_date"] = m["applicant_name"], on
        if rng.random() < SLIP_PHOTO_SHARE:
            slips.append(m)
    by_model = {model: rows_ for _stage, model, rows_ in tables}
    station = "村便民服务站"
    for m in slips[: budget // 3]:
        data = painter.slip(
            "办结签收单",
            [
                f"事项编号：{m.get('number', '')}",
                f"申办事项：{m['content']}",
                f"办理结果：{m.get('result') or '已办结'}",
                f"办结日期：{m['done_date']:%Y年%m月%d日}",
            ],
            m["applicant_name"],
            station,
        )
        attach(
            "matter",
            m,
            data,
            "signoff",
            f"{m['applicant_name']}签字的办结签收单",
            f"签收单_{m['signoff_date']:%m%d}.jpg",
            m["signoff_date"],
        )
    # visit photos on the latest diary entries
    recent = sorted(b.entries, key=lambda e: e["date"], reverse=True)[: budget // 4]
    for e in recent:
        attach(
            "diary_entry",
            e,
            painter.scene(None),
            "photo",
            "入户走访",
            photo_name(e["date"]),
            e["date"],
        )
    # meetings and activities: the banner photo
    for model, entity, title_key in ((Meeting, "meeting", "kind"), (Activity, "activity", "title")):
        listed = sorted(by_model.get(model, []), key=lambda r: r["date"], reverse=True)
        for r in listed[: budget // 6]:
            title = r.get(title_key) or ""
            banner = MEETING_KINDS.get(title, title).split("\n")[0][:18] or None
            attach(
                entity,
                r,
                painter.scene(banner),
                "photo",
                "活动现场",
                photo_name(r["date"]),
                r["date"],
            )
    # settled disputes: the agreement, signed
    for r in [d for d in by_model.get(Dispute, []) if d.get("outcome") == "success"][
        : budget // 10
    ]:
        on = r.get("outcome_date") or today
        data = painter.slip(
            "人民调解协议书",
            [(r.get("agreement_text") or "双方自愿达成如下协议。")[:96]],
            "（双方当事人签字）",
            "人民调解委员会",
        )
        attach("dispute", r, data, "scan", "签字的调解协议书", f"调解协议_{on:%m%d}.jpg", on)
    # commitments: the signed 承诺书 of a few
    for r in by_model.get(Commitment, [])[: budget // 12]:
        data = painter.slip("承诺书", [r.get("content", "")[:96]], "（承诺人签字）", "村党支部")
        attach(
            "commitment", r, data, "scan", "签字的承诺书", "承诺书.jpg", dt.date(r["year"], 1, 15)
        )
    return [("写入照片和扫描件", Attachment, rows)] if rows else []
