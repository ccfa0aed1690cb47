"""What a sign says: title, operator, purpose, retention, rights, QR link, face notice.

The content is plain data (strings as the user typed them); the PDF writer draws it with
``canvas.drawString`` so that ``&``, ``<``, ``>`` and CJK come out exactly as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from siteplanner.compliance import load_pack
from siteplanner.compliance.packs import RulePack
from siteplanner.compliance.rules.signage import missing_notice_fields
from siteplanner.drawing.text import cjk_punctuation
from siteplanner.model import MissingOptics, Plan, Sign, resolve_optics

LANGUAGES = ("zh", "en")
DEFAULT_LANGS: tuple[str, ...] = ("zh", "en")

# Fixed wording per language; the pack supplies the legally relevant parts (title, notices).
_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "operator": "运营者",
        "purpose": "目的",
        "retention": "保存期限",
        "retention_value": "{days} 天",
        "rights": "您的权利",
        "rights_value": "查阅、复制、更正、删除个人信息或撤回同意，请联系",
        "qr": "扫码查看完整个人信息处理告知",
        "contact": "联系方式",
    },
    "en": {
        "operator": "Operator",
        "purpose": "Purpose",
        "retention": "Retention",
        "retention_value": "{days} days",
        "rights": "Your rights",
        "rights_value": "To access, correct or delete your data, or withdraw consent, contact",
        "qr": "Scan for the full privacy notice",
        "contact": "Contact",
    },
}

_FALLBACK_TITLE = {"zh": "视频监控区域", "en": "CCTV in operation"}


class LanguageError(ValueError):
    """An unknown language code in ``--lang``."""


def parse_langs(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"zh,en"`` -> ``("zh", "en")``; order kept, duplicates dropped, unknown codes refused."""
    if text is None:
        return DEFAULT_LANGS
    parts = text.split(",") if isinstance(text, str) else list(text)
    out: list[str] = []
    for raw in parts:
        code = raw.strip().lower()
        if not code:
            continue
        if code not in LANGUAGES:
            raise LanguageError(
                f"unknown language {raw.strip()!r} (available: {', '.join(LANGUAGES)})"
            )
        if code not in out:
            out.append(code)
    if not out:
        raise LanguageError(f"no language given (available: {', '.join(LANGUAGES)})")
    return tuple(out)


@dataclass
class Row:
    """One item of the small print: a label in every language and the value."""

    label: str
    value: str


@dataclass
class SignContent:
    sign_id: str
    level_id: str
    langs: tuple[str, ...]
    titles: list[str]  # one per language, in order
    face_notices: list[str]  # empty unless an announced camera recognises faces
    rows: list[Row]
    qr_url: str | None
    qr_caption: str
    legal_basis: list[str]
    cameras: list[str] = field(default_factory=list)  # camera names, for the legend
    draft: bool = False  # printed with an incomplete notice: carries a DRAFT / 草稿 mark
    short_rows: list[Row] = field(default_factory=list)  # the short layout: operator, contact

    @property
    def face_recognition(self) -> bool:
        return bool(self.face_notices)

    def all_text(self) -> str:
        """Every string printed on the sign."""
        parts = [*self.titles, *self.face_notices]
        for r in self.rows:
            parts += [r.label, r.value]
        parts += [self.qr_caption if self.qr_url else "", *self.legal_basis]
        return "\n".join(p for p in parts if p)


def face_recognition_due(plan: Plan, sign: Sign) -> bool:
    """True when any camera the sign announces runs facial recognition."""
    for cid in sign.covers:
        found = plan.find_camera(cid)
        if found is None:
            continue
        try:
            if resolve_optics(plan, found[1]).face_recognition:
                return True
        except MissingOptics:
            # A camera without usable optics still says whether it recognises faces.
            if found[1].face_recognition:
                return True
    return False


def notice_missing(plan: Plan, pack: RulePack | None = None) -> list[str]:
    """The organisation fields a sign must give (the pack's ``notice_fields``) that the plan
    leaves empty, as plan paths such as ``organization.contact``."""
    pack = pack or load_pack(plan.rules)
    return [
        f"organization.{m}" for m in missing_notice_fields(plan.organization, pack.notice_fields)
    ]


def _pick(mapping: object, lang: str, fallback: str) -> str:
    if isinstance(mapping, dict):
        value = mapping.get(lang) or mapping.get("en")
        if isinstance(value, str) and value:
            return value
    return fallback


def _join(values: list[str]) -> str:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return " / ".join(out)


def sign_content(
    plan: Plan,
    sign: Sign,
    level_id: str = "",
    langs: Iterable[str] = DEFAULT_LANGS,
    pack: RulePack | None = None,
) -> SignContent:
    """The text of one sign. User text (operator, purpose, contact) is kept exactly as typed."""
    langs = tuple(langs)
    pack = pack or load_pack(plan.rules)
    org = plan.organization
    words = [_WORDS[lang] for lang in langs]

    def label(key: str) -> str:
        return _join([w[key] for w in words])

    rows: list[Row] = []
    if org.name:
        rows.append(Row(label("operator"), org.name))
    if org.purpose:
        rows.append(Row(label("purpose"), org.purpose))
    if org.retention_days is not None:
        days = org.retention_days
        rows.append(
            Row(label("retention"), _join([w["retention_value"].format(days=days) for w in words]))
        )
    if org.contact:
        # Each language's request as its own line (full-width colon after Chinese), then the
        # contact once: one language's sentence never runs into the other's.
        asks = [cjk_punctuation(w["rights_value"] + ": ") for w in words]
        if len(asks) == 1:
            rows.append(Row(label("rights"), asks[0] + org.contact))
        else:
            rows.append(Row(label("rights"), "\n".join([*(a.rstrip() for a in asks), org.contact])))
    face = face_recognition_due(plan, sign)
    names = []
    for cid in sign.covers:
        found = plan.find_camera(cid)
        names.append((found[1].name or cid) if found else cid)
    return SignContent(
        sign_id=sign.id,
        level_id=level_id,
        langs=langs,
        titles=[_pick(pack.sign.get("title"), lang, _FALLBACK_TITLE[lang]) for lang in langs],
        face_notices=(
            [_pick(pack.sign.get("face_notice"), lang, "") for lang in langs] if face else []
        ),
        rows=rows,
        qr_url=org.privacy_notice_url or None,
        qr_caption="\n".join(w["qr"] for w in words),  # a line per language
        legal_basis=[
            t for t in (_pick(pack.sign.get("legal_basis"), lang, "") for lang in langs) if t
        ],
        cameras=names,
        short_rows=[r for r in rows if r.label == label("operator")]
        + ([Row(label("contact"), org.contact)] if org.contact else []),
    )


__all__ = [
    "DEFAULT_LANGS",
    "LANGUAGES",
    "LanguageError",
    "Row",
    "SignContent",
    "face_recognition_due",
    "notice_missing",
    "parse_langs",
    "sign_content",
]
