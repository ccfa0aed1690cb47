"""What a sign says: title, operator, purpose, retention, rights, QR link, face notice.

The content is plain data (strings as the user typed them); the PDF writer draws it with
``canvas.drawString`` so that ``&``, ``<``, ``>`` and CJK come out exactly as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from siteplanner.compliance import load_pack
from siteplanner.compliance.packs import RulePack
from siteplanner.compliance.rules.signage import missing_face_fields, missing_notice_fields
from siteplanner.drawing.text import cjk_punctuation
from siteplanner.model import Camera, MissingOptics, Organization, Plan, Sign, resolve_optics

# Languages a sign can be asked for without a pack (the report and exports); a pack's signs
# print its own ``sign_languages``.
LANGUAGES = ("zh", "en")
DEFAULT_LANGS: tuple[str, ...] = ("zh", "en")

# Fixed wording per language, one table for every pack: the pack picks the rows
# (``sign.rows``) and supplies the legally relevant parts (title, notices, legal basis).
_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "operator": "运营者",
        "controller": "个人信息处理者",
        "contact": "联系方式",
        "dpo": "个人信息保护负责人",
        "purpose": "目的",
        "legal_basis": "处理依据",
        "retention": "保存期限",
        "retention_value": "{days} 天",
        "rights": "您的权利",
        "rights_value": "查阅、复制、更正、删除个人信息或撤回同意，请联系",
        "gdpr_rights": "您的权利",
        "gdpr_rights_value": "您有权查阅、更正、删除个人信息，限制或反对处理，并向监管机构投诉。",
        "second_layer": "完整告知",
        "audio": "录音",
        "audio_value": "这些摄像机同时录制声音",
        "face_purpose": "人脸识别目的",
        "face_retention": "人脸信息保存期限",
        "face_alternative": "不使用人脸识别的验证方式",
        "qr": "扫码查看完整个人信息处理告知",
    },
    "en": {
        "operator": "Operator",
        "controller": "Controller",
        "contact": "Contact",
        "dpo": "Data protection officer",
        "purpose": "Purpose",
        "legal_basis": "Legal basis",
        "retention": "Retention",
        "retention_value": "{days} days",
        "rights": "Your rights",
        "rights_value": "To access, correct or delete your data, or withdraw consent, contact",
        "gdpr_rights": "Your rights",
        "gdpr_rights_value": (
            "You have the right to access, rectify and erase your data, to restrict or object "
            "to the processing, and to lodge a complaint with a supervisory authority."
        ),
        "second_layer": "Full information",
        "audio": "Audio",
        "audio_value": "These cameras also record sound",
        "face_purpose": "Purpose of facial recognition",
        "face_retention": "Face data kept for",
        "face_alternative": "Other way to verify your identity",
        "qr": "Scan for the full privacy notice",
    },
    "de": {
        "operator": "Betreiber",
        "controller": "Verantwortlicher",
        "contact": "Kontakt",
        "dpo": "Datenschutzbeauftragter",
        "purpose": "Zweck",
        "legal_basis": "Rechtsgrundlage",
        "retention": "Speicherdauer",
        "retention_value": "{days} Tage",
        "rights": "Ihre Rechte",
        "rights_value": (
            "Für Auskunft, Berichtigung oder Löschung Ihrer Daten oder den Widerruf Ihrer "
            "Einwilligung wenden Sie sich an"
        ),
        "gdpr_rights": "Ihre Rechte",
        "gdpr_rights_value": (
            "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
            "Verarbeitung, ein Widerspruchsrecht sowie das Recht auf Beschwerde bei einer "
            "Aufsichtsbehörde."
        ),
        "second_layer": "Weitere Informationen",
        "audio": "Tonaufnahme",
        "audio_value": "Diese Kameras zeichnen auch Ton auf",
        "face_purpose": "Zweck der Gesichtserkennung",
        "face_retention": "Speicherdauer der Gesichtsdaten",
        "face_alternative": "Andere Möglichkeit der Identitätsprüfung",
        "qr": "Code scannen für die vollständigen Datenschutzhinweise",
    },
    "fr": {
        "operator": "Exploitant",
        "controller": "Responsable du traitement",
        "contact": "Contact",
        "dpo": "Délégué à la protection des données",
        "purpose": "Finalité",
        "legal_basis": "Base juridique",
        "retention": "Durée de conservation",
        "retention_value": "{days} jours",
        "rights": "Vos droits",
        "rights_value": (
            "Pour accéder à vos données, les rectifier ou les effacer, ou retirer votre "
            "consentement, contactez"
        ),
        "gdpr_rights": "Vos droits",
        "gdpr_rights_value": (
            "Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation du "
            "traitement et d'opposition, ainsi que du droit d'introduire une réclamation auprès "
            "d'une autorité de contrôle."
        ),
        "second_layer": "Informations complètes",
        "audio": "Enregistrement sonore",
        "audio_value": "Ces caméras enregistrent également le son",
        "face_purpose": "Finalité de la reconnaissance faciale",
        "face_retention": "Conservation des données faciales",
        "face_alternative": "Autre moyen de vérifier votre identité",
        "qr": "Scannez pour l'information complète sur vos données",
    },
}
# French sets a (non-breaking) space before the colon.
_COLON = {"fr": "\u00a0: "}

_FALLBACK_TITLE = {
    "zh": "视频监控区域",
    "en": "CCTV in operation",
    "de": "Videoüberwachung",
    "fr": "Vidéosurveillance",
}


class LanguageError(ValueError):
    """An unknown language code in ``--lang``."""


def _either(codes: Iterable[str]) -> str:
    codes = list(codes)
    return codes[0] if len(codes) == 1 else f"{', '.join(codes[:-1])} or {codes[-1]}"


def parse_langs(text: str | Iterable[str] | None, pack: RulePack | None = None) -> tuple[str, ...]:
    """``"zh,en"`` -> ``("zh", "en")``; order kept, duplicates dropped, unknown codes refused.

    With a ``pack``, the languages are the ones its signs print (``sign_languages``) and the
    default is its ``sign_default_languages``."""
    available = pack.sign_languages if pack is not None else LANGUAGES
    if text is None:
        return pack.sign_default_languages if pack is not None else DEFAULT_LANGS
    parts = text.split(",") if isinstance(text, str) else list(text)
    out: list[str] = []
    for raw in parts:
        code = raw.strip().lower()
        if not code:
            continue
        if code not in available:
            if pack is not None:
                raise LanguageError(
                    f"rule pack {pack.id} prints signs in {_either(available)} only"
                )
            raise LanguageError(
                f"unknown language {raw.strip()!r} (available: {', '.join(LANGUAGES)})"
            )
        if code not in out:
            out.append(code)
    if not out:
        raise LanguageError(f"no language given (available: {', '.join(available)})")
    return tuple(out)


# Each language by its English name, for messages.
ENGLISH_NAMES = {"zh": "Chinese", "en": "English", "de": "German", "fr": "French"}
# Each language by its own name, for the choice of sign languages.
LANGUAGE_NAMES = {"zh": "中文", "en": "English", "de": "Deutsch", "fr": "Français"}


def lang_choices(pack: RulePack) -> list[tuple[str, tuple[str, ...]]]:
    """The sign-language choices a pack offers, its default first: ``(label, langs)``."""
    out = [pack.sign_default_languages]
    if len(pack.sign_languages) > 1:
        out.append(pack.sign_languages)
    out += [(lang,) for lang in pack.sign_languages]
    unique = list(dict.fromkeys(out))
    return [(" + ".join(LANGUAGE_NAMES.get(c, c) for c in langs), langs) for langs in unique]


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
    qr_module_mm: float | None = None  # set when drawn: the printed width of one QR module

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


def records_audio(plan: Plan, sign: Sign) -> bool:
    """True when any camera the sign announces records sound."""
    for cid in sign.covers:
        found = plan.find_camera(cid)
        if found is not None and found[1].audio:
            return True
    return False


def face_cameras(plan: Plan) -> list[Camera]:
    """The plan's cameras that recognise faces (own key or model)."""
    out = []
    for level in plan.levels:
        for cam in level.cameras:
            try:
                face = resolve_optics(plan, cam).face_recognition
            except MissingOptics:
                face = bool(cam.face_recognition)
            if face:
                out.append(cam)
    return out


def notice_missing(plan: Plan, pack: RulePack | None = None) -> list[str]:
    """The organisation fields a sign must give (the pack's ``notice_fields``, and where cameras
    recognise faces its ``face_notice_fields`` and the alternative to face verification) that
    the plan leaves empty, as plan paths such as ``organization.contact``."""
    pack = pack or load_pack(plan.rules)
    org = plan.organization
    missing = missing_notice_fields(org, pack.notice_fields)
    face = face_cameras(plan)
    if face:
        verifying = any(pack.verifies_identity(c.purpose) for c in face)
        missing += [m for m in missing_face_fields(org, pack, verifying) if m not in missing]
    return [f"organization.{m}" for m in missing]


def language_warnings(plan: Plan, langs: Sequence[str], pack: RulePack | None = None) -> list[str]:
    """What a sign printed in ``langs`` lacks: a language the pack requires on its signs
    (``sign_required_languages``: Chinese in China) that was not asked for, and the
    organisation's name or purpose missing in a language asked for (neither translated nor
    typed in that language's script)."""
    pack = pack or load_pack(plan.rules)
    out = []
    left_out = [lang for lang in pack.sign_required_languages if lang not in langs]
    if left_out:
        names = ", ".join(f"{ENGLISH_NAMES.get(c, c)} ({c})" for c in left_out)
        out.append(
            f"the signs have no {names} text, which rule pack {pack.id} requires on its signs "
            f"(--lang {','.join(pack.sign_default_languages)})"
        )
    org = plan.organization
    for lang in langs:
        for key in ("name", "purpose"):
            if getattr(org, key) and not org.has_text(key, lang):
                out.append(
                    f"organization.{key} has no {ENGLISH_NAMES.get(lang, lang)} ({lang}) "
                    f"text: the signs print it as typed; give "
                    f"organization.translations.{lang}.{key}"
                )
    return out


def own_words(org: Organization, field: str, langs: Iterable[str]) -> str:
    """The organisation's ``field`` in each of ``langs`` (its translation, else as typed), one
    line per distinct text: user text printed exactly as typed."""
    return "\n".join(dict.fromkeys(v for v in (org.text(field, lang) for lang in langs) if v))


def _face_rows(
    org: Organization,
    langs: tuple[str, ...],
    words: list[dict[str, str]],
    label: Callable[[str], str],
) -> list[Row]:
    """Why faces are recognised, how long face data is kept, and the other way of verifying
    identity offered (Facial Recognition Measures 2025)."""
    rows = []
    purpose = own_words(org, "face_purpose", langs)
    if purpose:
        rows.append(Row(label("face_purpose"), purpose))
    if org.face_retention_days is not None:
        days = org.face_retention_days
        rows.append(
            Row(
                label("face_retention"),
                _join([w["retention_value"].format(days=days) for w in words]),
            )
        )
    alternative = own_words(org, "face_alternative", langs)
    if alternative:
        rows.append(Row(label("face_alternative"), alternative))
    return rows


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
    langs: Iterable[str] | None = None,
    pack: RulePack | None = None,
) -> SignContent:
    """The text of one sign in ``langs`` (default: the pack's sign languages). User text
    (operator, purpose, contact) is kept exactly as typed."""
    pack = pack or load_pack(plan.rules)
    langs = tuple(langs) if langs is not None else pack.sign_default_languages
    org = plan.organization
    words = [_WORDS[lang] for lang in langs]

    def label(key: str) -> str:
        return _join([w[key] for w in words])

    audio = records_audio(plan, sign)
    values = {
        "operator": own_words(org, "name", langs),
        "controller": own_words(org, "name", langs),
        "contact": org.contact,
        "dpo": org.dpo_contact,
        "purpose": own_words(org, "purpose", langs),
        "legal_basis": own_words(org, "legal_basis", langs),
        "second_layer": org.privacy_notice_url or "",
    }
    rows: list[Row] = []
    for key in pack.sign.get("rows", ()):
        if key in values:
            if values[key]:  # typed by the user: printed exactly as typed
                rows.append(Row(label(key), values[key]))
        elif key == "retention":
            if org.retention_days is not None:
                days = org.retention_days
                rows.append(
                    Row(label(key), _join([w["retention_value"].format(days=days) for w in words]))
                )
        elif key == "rights":
            if org.contact:
                # Each language's request as its own line (full-width colon after Chinese),
                # then the contact once: one language's sentence never runs into the other's.
                asks = [
                    cjk_punctuation(w["rights_value"] + _COLON.get(lang, ": "))
                    for lang, w in zip(langs, words, strict=True)
                ]
                if len(asks) == 1:
                    rows.append(Row(label(key), asks[0] + org.contact))
                else:
                    rows.append(
                        Row(label(key), "\n".join([*(a.rstrip() for a in asks), org.contact]))
                    )
        elif key == "gdpr_rights":
            rows.append(Row(label(key), "\n".join(w["gdpr_rights_value"] for w in words)))
        elif key == "audio":
            if audio:
                rows.append(Row(label(key), "\n".join(w["audio_value"] for w in words)))
    face = face_recognition_due(plan, sign)
    if face:
        # The facial-recognition notice's own items, next to the general purpose.
        extra = _face_rows(org, langs, words, label)
        at = next((i + 1 for i, r in enumerate(rows) if r.label == label("purpose")), 0)
        rows[at:at] = extra
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
        short_rows=[r for r in rows if r.label in (label("operator"), label("controller"))]
        + ([Row(label("contact"), org.contact)] if org.contact else []),
    )


__all__ = [
    "DEFAULT_LANGS",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "LanguageError",
    "Row",
    "SignContent",
    "face_cameras",
    "face_recognition_due",
    "lang_choices",
    "language_warnings",
    "notice_missing",
    "own_words",
    "parse_langs",
    "records_audio",
    "sign_content",
]
