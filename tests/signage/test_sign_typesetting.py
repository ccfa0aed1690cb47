"""Signs set with long real-world details: addresses, phone numbers and the notice URL whole,
Chinese line-breaking rules kept, no text over other text or off the sign."""

from __future__ import annotations

import pytest

from siteplanner.compliance import load_pack
from siteplanner.drawing.canvas import MM
from siteplanner.drawing.recording import RecordingCanvas, ink_boxes
from siteplanner.drawing.text import NO_END, NO_START
from siteplanner.signage.content import sign_content
from siteplanner.signage.pdf import MIN_TEXT_PT, draw_sign
from tests.signage.test_pdf import signs_plan

NAME = "上海市浦东新区张江高科技园区管理委员会（综合服务中心）"
EMAIL = "dpo-office@zhangjiang-hitech-park.gov.cn"
PHONE = "021-5555 0100"
URL = "https://www.zhangjiang-hitech-park.gov.cn/privacy/cctv"


def _plan():
    return signs_plan(
        name=NAME,
        contact=f"数据保护专员办公室，邮箱 {EMAIL}，电话 {PHONE}（工作日 9:00-17:00）",
        purpose="园区公共安全与秩序维护（出入口、大堂、地下停车场及周界），防范盗窃、破坏等违法行为。",
        retention_days=30,
        privacy_notice_url=URL,
    )


@pytest.mark.parametrize("size", [(105, 140), (150, 200), (200, 300), (400, 600)])
@pytest.mark.parametrize("which", [0, 1])  # with and without the face notice
def test_long_details_set_whole_and_inside_the_sign(size, which):
    p = _plan()
    sign = p.levels[0].signs[which]
    w, h = size[0] * MM, size[1] * MM
    content = sign_content(p, sign, "L1", ("zh", "en"), load_pack(p.rules))
    rec = RecordingCanvas()
    draw_sign(rec, content, 0, 0, w, h)
    texts = [(args[2], args[3]) for name, args, _ in rec.calls if name == "text"]
    joined = "\n".join(t for t, _ in texts)
    assert min(s for _, s in texts) >= MIN_TEXT_PT - 1e-9
    # Tokens whole, on one line each.
    for token in (EMAIL, PHONE, URL):
        if token in joined.replace("\n", ""):
            assert any(token in t for t, _ in texts), (token, joined)
    assert EMAIL in joined and PHONE in joined  # the contact is never left off
    if size != (105, 140):  # the short layout leaves the address to the code
        assert any(t == URL for t, _ in texts)  # as text, for those who cannot scan
    for t, _ in texts:
        assert t[0] not in NO_START and t[-1] not in NO_END, t
    # No text over other text, nothing past the sign's edge.
    boxes = [b for b in ink_boxes(rec.calls) if b.upright]
    for b in boxes:
        assert -0.01 <= b.x0 and b.x1 <= w + 0.01 and -0.01 <= b.y0 and b.y1 <= h + 0.01, b
    texts_boxes = [b for b in boxes if b.kind == "text"]
    for i, a in enumerate(texts_boxes):
        for b in texts_boxes[i + 1 :] + [b for b in boxes if b.kind == "symbol"]:
            # Boxes run from descent to ascent: neighbouring lines may touch, not overlap.
            ox = min(a.x1, b.x1) - max(a.x0, b.x0)
            oy = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert ox <= 0.5 or oy <= 0.5, (a.what, b.what)
