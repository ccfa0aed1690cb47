"""The site report: the design package a site hands over, as one PDF.

Cover with the headline figures; per level the plan drawing; the camera, zone and sign schedules;
the findings with their references and what to do; a draft impact assessment (PIPL Art. 55-56
for the Chinese packs, a DPIA for the European ones, named as the pack names it) with the
collection-area proof per camera; and the record of processing. Filled from the plan where the
plan knows; blanks, marked in red, where only the operator can answer.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath

import shapely
from reportlab.lib.pagesizes import A3, A4, landscape

from siteplanner import __version__
from siteplanner.analysis import Analysis, AnalysisCancelled
from siteplanner.compliance import RulePack, evaluate
from siteplanner.drawing.canvas import MM, Canvas, Color
from siteplanner.drawing.pdf import PdfCanvas
from siteplanner.drawing.plan_drawing import draw_level
from siteplanner.drawing.text import string_width
from siteplanner.findings import Finding
from siteplanner.model import DORI_LEVELS, Plan
from siteplanner.reports.layout import BLANK, GREY, INK, Column, Flow

PAPERS = {"A4": A4, "A3": A3}

# The operator's blank: printed in red so nobody signs a draft with holes in it.
BLANK_TEXT = {"zh": "＿＿＿＿（待运营者填写）", "en": "________ (to be completed by the operator)"}

SEVERITY_NAMES = {
    "error": {"zh": "错误", "en": "Errors"},
    "warning": {"zh": "警告", "en": "Warnings"},
    "info": {"zh": "提示", "en": "Notes"},
}

# What to do about each finding, per rule.
REMEDIES: dict[str, dict[str, str]] = {
    "PRIVATE_SPACE_COVERED": {
        "zh": "调整摄像机朝向或视场、加装遮挡或启用隐私遮蔽，使其不拍摄私密空间。",
        "en": "Turn, narrow or mask the camera so that it sees nothing of the private space.",
    },
    "CAMERA_IN_PRIVATE_SPACE": {
        "zh": "拆除该摄像机：私密空间内不得安装图像采集设备。",
        "en": "Remove the camera: no camera may stand inside a private space.",
    },
    "OVER_COLLECTION": {
        "zh": "收窄视场或调整朝向，或对排除区域启用隐私遮蔽。",
        "en": "Narrow or turn the view, or mask the excluded area.",
    },
    "OUTSIDE_COLLECTION_AREA": {
        "zh": "将采集范围限制在确定的采集区域内，或扩大采集区域并说明理由。",
        "en": "Keep the view within the collection area, or extend that area and say why.",
    },
    "UNDER_COVERAGE": {
        "zh": "增加或调整摄像机，或在评估中说明所需清晰度为何可以降低。",
        "en": "Add or move cameras, or justify a lower required density in the assessment.",
    },
    "SIGN_MISSING": {
        "zh": "在进入拍摄范围前的显著位置设置提示标识，并在标识中列明该摄像机。",
        "en": "Post a sign before people enter the view and list this camera on it.",
    },
    "SIGN_TOO_SMALL": {
        "zh": "按观看距离加大标识尺寸（ISO 3864-1：高度 ≥ 距离/60）。",
        "en": "Use a larger sign for its viewing distance (ISO 3864-1: height ≥ distance / 60).",
    },
    "NOTICE_INCOMPLETE": {
        "zh": "在方案中补全运营者名称、联系方式、处理目的和保存期限。",
        "en": "Fill in the operator's name, contact, purpose and retention period.",
    },
    "CAMERA_INSIDE_WALL": {
        "zh": "将摄像机移到墙面前方。",
        "en": "Move the camera in front of the wall's face.",
    },
    "CAMERA_INSIDE_OBSTACLE": {
        "zh": "将摄像机移出障碍物或提高安装高度。",
        "en": "Move the camera out of the obstacle or mount it higher.",
    },
    "CAMERA_SEES_NOTHING": {
        "zh": "检查摄像机的位置、朝向和俯角。",
        "en": "Check the camera's position, pan and tilt.",
    },
    "FACIAL_RECOGNITION_NOTICE": {
        "zh": "在标识中注明使用人脸识别，并提供非人脸的替代验证方式。",
        "en": "Say on the sign that face recognition is used; offer a non-face alternative.",
    },
    "IMPACT_ASSESSMENT_REQUIRED": {
        "zh": "完成本报告中的个人信息保护影响评估并签署，至少保存三年。",
        "en": "Complete and sign the impact assessment in this report; keep it ≥ 3 years.",
    },
    "IDENTIFICATION_DENSITY": {
        "zh": "确认确需达到辨认级清晰度，否则降低分辨率或调整视场。",
        "en": "Confirm identification density is needed; else lower the density.",
    },
    "DPIA_REQUIRED": {
        "zh": "完成数据保护影响评估。",
        "en": "Carry out the data protection impact assessment before processing.",
    },
    "BIOMETRIC_SPECIAL_CATEGORY": {
        "zh": "确认特殊类别数据的处理依据。",
        "en": "Establish an Art. 9 condition for biometric data, or switch face recognition off.",
    },
    "GEOMETRY_REPAIRED": {
        "zh": "检查并修正该多边形。",
        "en": "Check and redraw the polygon.",
    },
    "GEOMETRY_SIMPLIFIED": {
        "zh": "检查该轮廓是否过于复杂。",
        "en": "Check the outline: it had too many points.",
    },
    "AUDIO_RECORDING": {
        "zh": "关闭录音，或说明其必要性。",
        "en": "Switch sound recording off, or justify it in the DPIA.",
    },
}


# The purposes the editor offers, in words: a plan stores the word (any word is allowed).
PURPOSE_TEXT: dict[str, dict[str, str]] = {
    "public_safety": {"zh": "公共安全", "en": "public safety"},
    "internal": {"zh": "内部", "en": "internal"},
    "internal_management": {"zh": "内部管理", "en": "internal management"},
    "management": {"zh": "管理", "en": "management"},
    "access_control": {"zh": "门禁", "en": "access control"},
    "attendance": {"zh": "考勤", "en": "attendance"},
    "staff_management": {"zh": "员工管理", "en": "staff management"},
    "operations": {"zh": "运营", "en": "operations"},
}


def report_languages(pack: RulePack) -> tuple[str, ...]:
    """The report's languages when none are asked for: Chinese and English for a pack that
    speaks Chinese, English for one that does not (a European DPIA has no Chinese in it)."""
    return ("zh", "en") if "zh" in pack.languages else ("en",)


@dataclass
class ReportResult:
    pages: int
    cameras: int
    findings: int


class Texts:
    """Labels in the report's languages: ``t(zh, en)`` joins them for headings and cells."""

    def __init__(self, langs: Sequence[str]) -> None:
        self.langs = tuple(langs)

    def __call__(self, zh: str, en: str) -> str:
        parts = [zh if lang == "zh" else en for lang in self.langs]
        return " / ".join(dict.fromkeys(parts))

    def each(self, zh: str, en: str) -> list[str]:
        return list(dict.fromkeys(zh if lang == "zh" else en for lang in self.langs))

    def pick(self, texts: dict[str, str]) -> str:
        return " / ".join(
            dict.fromkeys(texts.get(lang, texts.get("en", "")) for lang in self.langs)
        )

    def purpose(self, word: str) -> str:
        """A camera's purpose in words; one the editor does not offer is shown as written."""
        known = PURPOSE_TEXT.get(word.strip().lower())
        return self.pick(known) if known else word

    @property
    def blank(self) -> str:
        return self.pick(BLANK_TEXT)


def _f(v: float | None, digits: int = 1) -> str:
    return "" if v is None else f"{v:.{digits}f}"


def write_report(
    plan: Plan,
    analysis: Analysis,
    pack: RulePack,
    out: str | FsPath,
    *,
    langs: Sequence[str] = ("zh", "en"),
    paper: str = "A4",
    source: str = "",
    today: _dt.date | None = None,
    findings_lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportResult:
    """Write the site report of ``plan`` (analysed, findings filled under ``pack``) to ``out``.

    ``cancelled`` is polled after each page group (cover, each level, each table); once it is
    true the writing stops with ``AnalysisCancelled`` and ``out`` is left incomplete: callers
    that may cancel write to a temporary file."""
    t = Texts(langs)
    portrait = PAPERS[paper]
    wide = landscape(portrait)
    canvas = PdfCanvas(
        out,
        title=t("视频监控现场报告", "Site CCTV report") + f" — {plan.name}",
        author=plan.organization.name,
        pagesize=portrait,
    )
    today = today or _dt.date.today()
    findings = list(analysis.findings)
    # Finding messages in each language the pack speaks and the report asks for.
    messages: dict[int, list[str]] = {i: [f.message] for i, f in enumerate(findings)}
    pack_langs = [lang for lang in langs if lang in pack.languages]
    if len(pack_langs) > 1:
        first = findings_lang or pack.default_lang
        for lang in pack_langs:
            if lang == first:
                continue
            other = evaluate(plan, analysis, pack, lang)
            if len(other) == len(findings):
                for i, f in enumerate(_same_order(findings, other)):
                    messages[i].append(f.message)

    def footer(c: Canvas, page: int) -> None:
        w, _ = flow.size
        c.set_fill(GREY)
        c.text(flow.left, 8 * MM, f"{plan.name} — {pack.id} — SitePlanner {__version__}", 7)
        c.text(w - flow.left, 8 * MM, str(page), 7, anchor="end")

    flow = Flow(canvas, portrait, footer)
    steps = 7 + len(plan.levels)
    step = 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, steps)
        if cancelled is not None and cancelled():
            raise AnalysisCancelled

    _cover(flow, t, plan, analysis, pack, today, source)
    tick()
    for level in plan.levels:
        flow.new_page(wide)
        w, h = wide
        canvas.set_fill(INK)
        canvas.text(
            flow.left,
            h - flow.margin - 4 * MM,
            t("平面图", "Plan") + f" — {level.name or level.id} ({level.id})",
            12,
            bold=True,
        )
        box = (flow.left, flow.margin + 4 * MM, w - flow.left, h - flow.margin - 8 * MM)
        draw_level(canvas, plan, level, analysis, box, langs)
        tick()
    flow.new_page(wide)
    _camera_schedule(flow, t, plan, analysis)
    tick()
    _zone_table(flow, t, plan, analysis)
    tick()
    _sign_schedule(flow, t, plan, analysis)
    tick()
    _findings(flow, t, plan, findings, messages)
    tick()
    flow.new_page(portrait)
    _assessment(flow, t, plan, analysis, pack)
    tick()
    flow.new_page(wide)
    _record(flow, t, plan, analysis, pack)
    tick()
    flow.finish_page()
    canvas.close()
    return ReportResult(canvas.pages, len(analysis.cameras), len(findings))


def _same_order(a: list[Finding], b: list[Finding]) -> list[Finding]:
    """``b`` (the same findings in another language) in the order of ``a``."""

    def key(f: Finding) -> tuple:
        return (f.rule, f.level, f.camera, f.zone, f.sign, f.opening)

    by: dict[tuple, list[Finding]] = {}
    for f in b:
        by.setdefault(key(f), []).append(f)
    out = []
    for f in a:
        same = by.get(key(f))
        out.append(same.pop(0) if same else f)
    return out


def _cover(
    flow: Flow, t: Texts, plan: Plan, analysis: Analysis, pack: RulePack, today, source: str
) -> None:
    flow.new_page()
    c = flow.canvas
    flow.space(30 * MM)
    for line in t.each("视频监控现场设计报告", "Site CCTV design report"):
        flow.need(24)
        flow.y -= 24
        c.set_fill(INK)
        c.text(flow.left, flow.y, line, 20, bold=True)
    flow.space(4 * MM)
    flow.paragraph(plan.name or FsPath(source).stem, 16)
    flow.space(6 * MM)
    org = plan.organization
    face = sum(1 for cr in analysis.cameras.values() if cr.optics.face_recognition)
    rows = [
        (t("场所", "Site"), plan.name or t.blank),
        (t("运营者", "Operator"), org.name or t.blank),
        (t("联系方式", "Contact"), org.contact or t.blank),
        (t("处理目的", "Purpose"), org.purpose or t.blank),
        (
            t("保存期限", "Retention"),
            f"{org.retention_days} " + t("天", "days")
            if org.retention_days is not None
            else t.blank,
        ),
        (t("日期", "Date"), today.isoformat()),
        (t("规则包", "Rule pack"), f"{pack.id} — {t.pick(pack.title)}"),
        (t("程序版本", "Program version"), f"SitePlanner {__version__}"),
        (t("方案文件", "Plan file"), source),
        (
            t("摄像机", "Cameras"),
            f"{len(analysis.cameras)} ({t('其中人脸识别', 'face recognition')}: {face})",
        ),
        (t("楼层", "Levels"), str(len(plan.levels))),
    ]
    counts = {s: sum(1 for f in analysis.findings if f.severity == s) for s in SEVERITY_NAMES}
    rows.append(
        (
            t("检查结果", "Findings"),
            ", ".join(f"{t.pick(SEVERITY_NAMES[s])}: {n}" for s, n in counts.items()),
        )
    )
    flow.table([Column("", 1), Column("", 3)], rows, size=9, header=False)
    flow.heading(
        t(
            "采集区域覆盖率（按所需像素密度）",
            "Coverage of each collection zone at its required density",
        ),
        11,
    )
    zrows = []
    for lv in plan.levels:
        for z in lv.zones:
            zr = analysis.zones.get(z.id)
            if zr is None or z.kind != "collection":
                continue
            band = z.required_dori
            seen = zr.by_dori_m2()[band] if band else zr.covered_m2
            pct = 100 * seen / zr.area_m2 if zr.area_m2 > 0 else 0.0
            zrows.append(
                (
                    lv.id,
                    f"{z.name} ({z.id})" if z.name else z.id,
                    _band(t, band),
                    f"{pct:.0f} %",
                    _f(zr.area_m2),
                )
            )
    flow.table(
        [
            Column(t("楼层", "Level"), 1),
            Column(t("区域", "Zone"), 3),
            Column(t("所需密度", "Required density"), 2),
            Column(t("覆盖率", "Covered"), 1, "end"),
            Column(t("面积 m²", "Area m²"), 1, "end"),
        ],
        zrows,
        size=8,
    )


def _band(t: Texts, band: str | None) -> str:
    names = {
        "detection": ("探测", "detection"),
        "observation": ("观察", "observation"),
        "recognition": ("识别", "recognition"),
        "identification": ("辨认", "identification"),
    }
    if not band:
        return t("任意覆盖", "any coverage")
    return t(*names[band])


def _camera_schedule(flow: Flow, t: Texts, plan: Plan, analysis: Analysis) -> None:
    flow.heading(t("摄像机明细表", "Camera schedule"))
    cols = [
        Column("ID", 1.1),
        Column(t("名称", "Name"), 1.6),
        Column(t("楼层", "Level"), 0.8),
        Column(t("型号", "Model"), 1.2),
        Column("x / y m", 1.2),
        Column(t("高度 m", "Height m"), 0.8, "end"),
        Column(t("水平角°", "Pan°"), 0.7, "end"),
        Column(t("俯角°", "Tilt°"), 0.7, "end"),
        Column(t("视场°", "FOV°"), 0.9),
        Column(t("分辨率", "Resolution"), 1.1),
        Column(t("距离 m", "Range m"), 0.7, "end"),
        Column(t("用途", "Purpose"), 1.3),
        Column(t("人脸", "Face"), 0.6),
        Column(t("覆盖 m²", "Coverage m²"), 0.9, "end"),
        *[Column(_band(t, b) + " m²", 0.9, "end") for b in DORI_LEVELS],
    ]
    rows = []
    for lv in plan.levels:
        for c in lv.cameras:
            cr = analysis.cameras.get(c.id)
            if cr is None:
                continue
            o = cr.optics
            dori = cr.dori_m2()
            rows.append(
                [
                    c.id,
                    c.name,
                    lv.id,
                    c.model or "",
                    f"{o.x:.2f}, {o.y:.2f}",
                    _f(o.height_m, 2),
                    _f(o.pan_deg, 0),
                    _f(o.tilt_deg, 0),
                    f"{o.hfov_deg:g} × {o.vfov_deg:g}",
                    f"{o.resolution[0]}×{o.resolution[1]}",
                    _f(o.range_m, 0),
                    t.purpose(c.purpose) if c.purpose else plan.organization.purpose or "",
                    t("是", "yes") if o.face_recognition else t("否", "no"),
                    _f(cr.coverage_m2),
                    *[_f(dori.get(b, 0.0)) for b in DORI_LEVELS],
                ]
            )
    flow.table(cols, rows, size=6.5)


def _zone_table(flow: Flow, t: Texts, plan: Plan, analysis: Analysis) -> None:
    flow.heading(t("区域覆盖表", "Zone coverage"))
    kinds = {
        "collection": t("采集区域", "collection"),
        "private": t("私密空间", "private"),
        "exclude": t("排除区域", "excluded"),
    }
    rows = []
    for lv in plan.levels:
        for z in lv.zones:
            zr = analysis.zones.get(z.id)
            if zr is None:
                continue
            band = z.required_dori
            seen = zr.by_dori_m2()[band] if band else zr.covered_m2
            pct = 100 * seen / zr.area_m2 if zr.area_m2 > 0 else 0.0
            blind = zr.blind.area if z.kind == "collection" else None
            rows.append(
                [
                    z.id,
                    z.name,
                    lv.id,
                    kinds[z.kind],
                    _f(zr.area_m2),
                    _band(t, band) if z.kind == "collection" else "",
                    f"{pct:.1f} %",
                    _f(blind),
                ]
            )
    flow.table(
        [
            Column("ID", 1),
            Column(t("名称", "Name"), 2),
            Column(t("楼层", "Level"), 0.8),
            Column(t("类型", "Kind"), 1.4),
            Column(t("面积 m²", "Area m²"), 1, "end"),
            Column(t("所需密度", "Required density"), 1.6),
            Column(t("覆盖率", "Covered"), 1, "end"),
            Column(t("盲区 m²", "Blind m²"), 1, "end"),
        ],
        rows,
    )


def _sign_schedule(flow: Flow, t: Texts, plan: Plan, analysis: Analysis) -> None:
    flow.heading(t("告示牌明细表", "Sign schedule"))
    rows = []
    for lv in plan.levels:
        walls = [(w.id, shapely.LineString(w.points)) for w in lv.walls if len(w.points) >= 2]
        for i, s in enumerate(lv.signs, start=1):
            p = shapely.Point(s.position)
            wall = min(walls, key=lambda w: w[1].distance(p))[0] if walls else ""
            rows.append(
                [
                    str(i),
                    s.id,
                    lv.id,
                    f"{s.position[0]:.2f}, {s.position[1]:.2f}",
                    wall,
                    f"{s.facing_deg:.0f}",
                    _f(s.mount_height_m, 2),
                    f"{s.width_m * 1000:.0f} × {s.height_m * 1000:.0f}",
                    # ISO 3864-1: legible from 60 times the sign's height in normal light.
                    _f(s.height_m * 60),
                    ", ".join(s.covers),
                ]
            )
    flow.table(
        [
            Column(t("编号", "No."), 0.5),
            Column("ID", 1),
            Column(t("楼层", "Level"), 0.7),
            Column("x / y m", 1.2),
            Column(t("墙", "Wall"), 0.8),
            Column(t("朝向°", "Facing°"), 0.7, "end"),
            Column(t("安装高度 m", "Mount height m"), 1, "end"),
            Column(t("尺寸 mm", "Size mm"), 1.1),
            Column(t("可读距离 m", "Legible from m"), 1, "end"),
            Column(t("告知的摄像机", "Cameras announced"), 3),
        ],
        rows,
    )
    if not rows:
        flow.paragraph(t("方案中没有告示牌。", "The plan has no signs."), color=BLANK)


def _findings(
    flow: Flow, t: Texts, plan: Plan, findings: list[Finding], messages: dict[int, list[str]]
) -> None:
    flow.heading(t("检查结果", "Findings"))
    if not findings:
        flow.paragraph(t("未发现问题。", "No findings."))
        return
    # The rule column as wide as the longest id (same in every group), so none breaks mid-word.
    others = 4 + 0.6 + 1 + 0.7 + 2.2 + 2.4
    need = max(string_width(f.rule, 7.0) for f in findings) + 6.0
    rule_weight = max(1.5, need * others / max(flow.width - need, 1.0))
    for sev, names in SEVERITY_NAMES.items():
        group = [(i, f) for i, f in enumerate(findings) if f.severity == sev]
        if not group:
            continue
        flow.heading(f"{t.pick(names)} ({len(group)})", 10)
        rows = []
        for i, f in group:
            obj = ", ".join(x for x in (f.camera, f.zone, f.sign, f.opening) if x)
            rows.append(
                [
                    f.rule,
                    "\n".join(messages[i]),
                    f.level or "",
                    obj,
                    _f(f.area_m2, 2),
                    f.reference,
                    t.pick(REMEDIES[f.rule]) if f.rule in REMEDIES else "",
                ]
            )
        flow.table(
            [
                Column(t("规则", "Rule"), rule_weight),
                Column(t("说明", "Message"), 4),
                Column(t("楼层", "Level"), 0.6),
                Column(t("对象", "Object"), 1),
                Column(t("面积 m²", "Area m²"), 0.7, "end"),
                Column(t("依据", "Reference"), 2.2),
                Column(t("处理建议", "What to do"), 2.4),
            ],
            rows,
        )


@dataclass
class AreaProof:
    camera: str
    level: str
    coverage: float
    inside: float
    outside: float
    excluded: float
    private: float


def collection_proof(plan: Plan, analysis: Analysis) -> list[AreaProof]:
    """Per camera: coverage inside the intended collection area, outside it, and in excluded
    and private zones (m²)."""
    out = []
    for lv in plan.levels:
        by_kind = {}
        for kind in ("collection", "exclude", "private"):
            polys = [
                analysis.zones[z.id].polygon
                for z in lv.zones
                if z.kind == kind and z.id in analysis.zones
            ]
            by_kind[kind] = shapely.union_all(polys) if polys else shapely.Polygon()
        for c in lv.cameras:
            cr = analysis.cameras.get(c.id)
            if cr is None:
                continue
            g = cr.coverage.coverage
            inside = g.intersection(by_kind["collection"]).area if not g.is_empty else 0.0
            out.append(
                AreaProof(
                    c.id,
                    lv.id,
                    g.area,
                    inside,
                    g.area - inside,
                    g.intersection(by_kind["exclude"]).area if not g.is_empty else 0.0,
                    g.intersection(by_kind["private"]).area if not g.is_empty else 0.0,
                )
            )
    return out


def _gdpr(pack: RulePack) -> str:
    """The law a European pack rests on: the UK keeps its own copy of the GDPR."""
    return "UK GDPR" if pack.id.startswith("uk") else "GDPR"


def _assessment(flow: Flow, t: Texts, plan: Plan, analysis: Analysis, pack: RulePack) -> None:
    cn = pack.id.startswith("cn")
    law = _gdpr(pack)
    name = t.pick(dict(pack.assessment)) or t("影响评估", "impact assessment")
    flow.heading(t("草案", "Draft") + f": {name}")
    basis = (
        t(
            "依据《个人信息保护法》第五十五条、第五十六条；人脸识别摄像机另依《人脸识别技术应用安全管理办法》。",
            "Under PIPL Art. 55 and 56; for face-recognition cameras also the Facial Recognition "
            "Measures.",
        )
        if cn
        else t(
            f"依据 {law} 第 35 条（数据保护影响评估）。",
            f"Under {law} Art. 35 (data protection impact assessment).",
        )
    )
    flow.paragraph(basis, color=GREY)
    flow.paragraph(
        t(
            "本草案由 SitePlanner 根据方案自动填写；红色空白须由运营者填写后签署。",
            "Drafted by SitePlanner from the plan; the operator completes the red blanks and "
            "signs.",
        ),
        color=BLANK,
    )
    org = plan.organization

    def para(text: str, color: Color | None = None) -> None:
        # A line with a blank for the operator is printed red: nobody signs it unnoticed.
        flow.paragraph(text, color=color or (BLANK if t.blank in text else INK))

    cams = [(lv, c) for lv in plan.levels for c in lv.cameras if c.id in analysis.cameras]
    face = [(lv, c) for lv, c in cams if analysis.cameras[c.id].optics.face_recognition]
    proof = collection_proof(plan, analysis)

    flow.heading(
        t(
            "一、处理目的、处理方式是否合法、正当、必要",
            "1. Whether purpose and method are lawful, legitimate and necessary",
        ),
        11,
    )
    para(t("处理者", "Controller") + f": {org.name or t.blank}")
    para(t("处理目的", "Purpose") + f": {org.purpose or t.blank}")
    para(t("法律依据", "Legal basis") + f": {org.legal_basis or t.blank}")
    purposes = [t.purpose(p) for p in sorted({c.purpose for _, c in cams if c.purpose})]
    para(
        t("摄像机用途", "Camera purposes")
        + f": {', '.join(purposes) or t.blank}; "
        + t("摄像机数量", "cameras")
        + f": {len(cams)}"
    )
    para(
        t(
            "采集区域证明：每台摄像机覆盖范围中位于确定的采集区域内、外以及位于排除区域和私密空间内的面积（m²）。",
            "Collection-area proof: each camera's coverage inside the intended collection area, "
            "outside it, and in excluded and private zones (m²).",
        )
    )
    flow.table(
        [
            Column(t("摄像机", "Camera"), 1.4),
            Column(t("楼层", "Level"), 0.8),
            Column(t("覆盖", "Coverage"), 1, "end"),
            Column(t("区域内", "Inside"), 1, "end"),
            Column(t("区域外", "Outside"), 1, "end"),
            Column(t("排除区域", "Excluded"), 1, "end"),
            Column(t("私密空间", "Private"), 1, "end"),
        ],
        [
            [
                p.camera,
                p.level,
                _f(p.coverage),
                _f(p.inside),
                _f(p.outside),
                _f(p.excluded),
                _f(p.private),
            ]
            for p in proof
        ],
        highlight=lambda r, c: BLANK if c >= 5 and proof[r].private > 0.01 else None,
    )
    para(
        t("必要性说明（为何需要上述范围与清晰度）", "Necessity (why this area and density)")
        + f": {t.blank}"
    )

    flow.heading(
        t("二、对个人权益的影响及安全风险", "2. Impact on individuals' rights and the risks"), 11
    )
    ident = [
        cr for cr in analysis.cameras.values() if cr.dori_m2().get("identification", 0.0) > 0.01
    ]
    intruding = [p for p in proof if p.private > 0.01]
    para(
        t("人脸识别摄像机", "Face-recognition cameras")
        + f": {len(face)}"
        + (f" ({', '.join(c.id for _, c in face)})" if face else "")
    )
    para(
        t("达到辨认级像素密度（可识别人脸）的摄像机", "Cameras reaching identification density")
        + f": {len(ident)}; "
        + t("面积合计", "total area")
        + f" {sum(cr.dori_m2().get('identification', 0.0) for cr in ident):.1f} m²"
    )
    private_near = [(lv.id, z) for lv in plan.levels for z in lv.zones if z.kind == "private"]
    para(
        t("附近的私密空间", "Private spaces nearby")
        + f": {', '.join(f'{z.name or z.id} ({lid})' for lid, z in private_near) or '—'}"
    )
    para(
        t("拍摄到私密空间的摄像机", "Cameras seeing into private spaces")
        + f": {', '.join(p.camera for p in intruding) or '—'}",
        color=BLANK if intruding else INK,
    )
    para(t("其他风险（泄露、滥用、歧视）", "Other risks (leak, misuse)") + f": {t.blank}")

    flow.heading(
        t(
            "三、保护措施是否合法、有效并与风险程度相适应",
            "3. Protective measures: lawful, effective, proportionate to the risk",
        ),
        11,
    )
    signs = sum(len(lv.signs) for lv in plan.levels)
    announced = {cid for lv in plan.levels for s in lv.signs for cid in s.covers}
    para(
        t("保存期限", "Retention")
        + ": "
        + (
            f"{org.retention_days} " + t("天", "days")
            if org.retention_days is not None
            else t.blank
        )
    )
    para(t("访问控制与权限", "Access control") + f": {t.blank}")
    para(
        t("提示标识", "Signs")
        + f": {signs}; "
        + t("已告知的摄像机", "cameras announced")
        + f": {len(announced & set(analysis.cameras))}/{len(analysis.cameras)}"
    )
    para(t("隐私遮蔽", "Privacy masking") + f": {t.blank}")
    para(t("措施是否相称的结论", "Proportionality conclusion") + f": {t.blank}")

    if face:
        flow.heading(
            t("四、人脸识别摄像机的补充事项", "4. Face-recognition cameras: what the rules ask"), 11
        )
        para(t("使用人脸识别的必要性", "Necessity of face recognition") + f": {t.blank}")
        para(t("非人脸识别的替代验证方式", "Alternative to face verification") + f": {t.blank}")
        para(
            t(
                f"备案门槛：存储人脸信息达到 {pack.filing_threshold_people} 人的，"
                "应向所在地省级以上网信部门备案。",
                f"Filing threshold: once face data of {pack.filing_threshold_people} people is "
                "stored, file with the provincial cyberspace administration.",
            )
            if cn
            else t(
                f"生物特征数据属于特殊类别数据（{law} 第 9 条）：请写明处理条件。",
                f"Biometric data is special-category data ({law} Art. 9): state the condition.",
            )
        )
        para(t("预计存储的人数", "People whose face data is stored") + f": {t.blank}")
    flow.space(8 * MM)
    para(t("评估人 / 日期 / 签字", "Assessed by / date / signature") + f": {t.blank}")


def _record(flow: Flow, t: Texts, plan: Plan, analysis: Analysis, pack: RulePack) -> None:
    cn = pack.id.startswith("cn")
    law = _gdpr(pack)
    flow.heading(
        t("处理情况记录", "Record of processing")
        if cn
        else t("处理活动记录", f"Record of processing activities ({law} Art. 30)")
    )
    flow.paragraph(
        t(
            "依《个人信息保护法》第五十六条，个人信息保护影响评估报告和处理情况记录应当至少保存三年。",
            "PIPL Art. 56: impact assessment reports and processing records are kept for at least "
            "three years.",
        )
        if cn
        else t(
            f"依 {law} 第 30 条，控制者以书面形式保存处理活动记录，并应监管机构要求提供。",
            f"{law} Art. 30: the controller keeps this record in writing and makes it available "
            "to the supervisory authority on request.",
        ),
        color=GREY,
    )
    org = plan.organization
    retention = (
        f"{org.retention_days} " + t("天", "days") if org.retention_days is not None else t.blank
    )
    rows = []
    for lv in plan.levels:
        zone_names = {z.id: z.name or z.id for z in lv.zones}
        for c in lv.cameras:
            cr = analysis.cameras.get(c.id)
            if cr is None:
                continue
            seen = [
                zone_names[z.id]
                for z in lv.zones
                if z.kind == "collection"
                and z.id in analysis.zones
                and cr.coverage.coverage.intersects(analysis.zones[z.id].polygon)
            ]
            cats = t("视频图像", "video images")
            if cr.optics.face_recognition:
                cats += "; " + t("人脸特征（敏感个人信息）", "facial features (sensitive)")
            rows.append(
                [
                    f"{c.name} ({c.id})",
                    cats,
                    t.purpose(c.purpose) if c.purpose else org.purpose or t.blank,
                    retention,
                    t.blank,
                    f"{lv.name or lv.id}: {', '.join(seen) or '—'}",
                ]
            )
    flow.table(
        [
            Column(t("摄像机", "Camera"), 1.5),
            Column(t("数据类别", "Data categories"), 2),
            Column(t("目的", "Purpose"), 1.6),
            Column(t("保存期限", "Retention"), 1),
            Column(t("接收方", "Recipients"), 2),
            Column(t("位置", "Location"), 2.2),
        ],
        rows,
        highlight=lambda r, c: BLANK if ("＿＿" in rows[r][c] or "____" in rows[r][c]) else None,
    )


__all__ = ["PAPERS", "REMEDIES", "ReportResult", "collection_proof", "write_report"]
