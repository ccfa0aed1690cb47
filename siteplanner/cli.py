"""The command line. Every command is a few lines over the engine; none shows a traceback.

Exit codes: 0 success (for ``check``: no error finding), 1 error findings, 2 unusable input.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from siteplanner import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class CliError(Exception):
    """A problem to report on stderr with exit code 2."""


def _fail(message: str) -> int:
    from siteplanner.fileformat import bounded

    # Messages may quote the file's own text: never megabytes, never raw control characters.
    print(f"siteplanner: {bounded(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _load(path: str | None):
    from siteplanner.fileformat import load_plan
    from siteplanner.resources import sample_plan_path

    return load_plan(path if path else sample_plan_path())


def _plan_label(path: str | None) -> str:
    """How messages name the plan: its path as given, or the built-in sample by its name (its
    path inside the installed package means nothing to the user)."""
    from siteplanner.resources import sample_plan_path

    return str(path) if path else f"sample site ({sample_plan_path().name})"


def _plan_stem(path: str | None) -> str:
    from siteplanner.resources import sample_plan_path

    return Path(path).stem if path else sample_plan_path().stem


def _rule_pack_id(args: argparse.Namespace, plan) -> str:
    """The rule pack a command uses: ``--rules`` when given, else the plan's; unknown ones are
    refused naming where they came from."""
    from siteplanner.compliance import available_packs

    given = getattr(args, "rules", None)
    rules = given or plan.rules
    if rules not in available_packs():
        where = "--rules" if given else f"{_plan_label(args.plan)}: rules"
        raise CliError(
            f"{where}: unknown rule pack {rules!r} (available: {', '.join(available_packs())})"
        )
    return rules


def cmd_check(args: argparse.Namespace) -> int:
    # A one-shot command: the cyclic collector would only rescan the plan's objects over and
    # over (a third of the time on a large campus); the process ends right after.
    gc.disable()
    from siteplanner import pipeline
    from siteplanner.analysis import Analyser
    from siteplanner.compliance import LanguageError, load_pack

    plan = _load(args.plan)
    rules = _rule_pack_id(args, plan)
    try:
        lang = load_pack(rules).lang(args.lang)
    except LanguageError as exc:
        raise CliError(f"--lang: {exc}") from None
    result = pipeline.run(plan, rules=rules, lang=lang, analyser=Analyser(parallel=True))
    if args.json:
        # One line, written at once: the indenting encoder is pure Python and slow on a campus.
        sys.stdout.write(
            json.dumps(
                result.analysis.to_json(plan.name or _plan_stem(args.plan)),
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        print(format_findings(result.analysis, _plan_label(args.plan)))
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


def format_findings(analysis, label: str) -> str:
    from siteplanner.fileformat import printable

    findings = analysis.findings
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    # Names, ids and messages come from the plan: escaped so that no control or bidi character
    # reaches the terminal (a newline would forge a row, U+202E reverse what follows).
    lines = [
        f"{printable(label)}: {len(analysis.cameras)} cameras, {len(analysis.zones)} zones, rules "
        f"{analysis.rules}, target height {analysis.target_height_m:g} m",
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes",
    ]
    if findings:
        head = ("SEVERITY", "RULE", "LEVEL", "CAMERA", "ZONE", "AREA m²")
        rows = [
            tuple(
                printable(cell)
                for cell in (
                    f.severity.upper(),
                    f.rule,
                    f.level or "",
                    f.camera or f.sign or "",
                    f.zone or "",
                    f"{f.area_m2:.2f}" if f.area_m2 is not None else "",
                )
            )
            for f in findings
        ]
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        lines.append("")
        lines.append("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip())
        for f, row in zip(findings, rows, strict=True):
            lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
            lines.append(f"    {printable(f.message)}")
            if f.reference:
                lines.append(f"    [{printable(f.reference)}]")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="siteplanner",
        description="Plan security cameras, prove what each sees, print the signs they need.",
    )
    parser.add_argument("--version", action="version", version=f"siteplanner {__version__}")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("check", help="analyse a plan and list its findings")
    p.add_argument("plan", nargs="?", help="plan file (default: the built-in sample site)")
    p.add_argument("--json", action="store_true", help="print the JSON report")
    p.add_argument("--rules", help="rule pack id (default: the plan's own)")
    p.add_argument(
        "--lang",
        help="language of the finding messages, one the rule pack has, e.g. zh or en "
        "(default: the pack's first)",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("open", help="open a plan in the editor")
    p.add_argument("plan", nargs="?", help="plan file (default: the built-in sample site)")
    p.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the window and exit")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("place", help="place cameras that cover the collection zones")
    p.add_argument("plan", help="plan file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.siteplan", help="plan to write")
    p.add_argument("--models", help="camera model ids to use, comma-separated")
    p.add_argument("--level", help="only this level (default: every level)")
    p.add_argument("--max-cameras", type=int, metavar="N", help="place at most N cameras")
    p.add_argument(
        "--time-limit", type=float, default=60.0, metavar="S", help="seconds (default 60)"
    )
    p.add_argument("--replace", action="store_true", help="remove the cameras there first")
    p.set_defaults(func=cmd_place)

    p = sub.add_parser("signs", help="print the plan's warning signs to a PDF at true size")
    p.add_argument("plan", nargs="?", help="plan file (default: the built-in sample site)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="PDF to write")
    p.add_argument(
        "--paper",
        default="A4",
        type=_paper,
        help="A4 (default), A3, letter, or sign: each sign at its own size with 3 mm bleed, "
        "a trim box and a CutContour dieline, for a sign shop",
    )
    p.add_argument(
        "--lang",
        help="languages, e.g. zh,en; default: the rule pack's sign languages "
        "(zh,en for cn-*, en for eu-edpb and uk-ico; eu-edpb also prints de and fr)",
    )
    p.add_argument(
        "--layout",
        choices=("page", "sheet"),
        default="page",
        help="one sign per page (default) or several per sheet with cut marks",
    )
    p.add_argument(
        "--per-sheet",
        dest="layout",
        action="store_const",
        const="sheet",
        help="same as --layout sheet",
    )
    p.add_argument("--no-legend", action="store_true", help="leave out the sign legend page")
    p.add_argument(
        "--suggested",
        action="store_true",
        help="also print the suggested signs for cameras no sign announces yet",
    )
    p.add_argument(
        "--draft",
        action="store_true",
        help="print even when the notice is incomplete, every sign marked DRAFT / 草稿",
    )
    p.set_defaults(func=cmd_signs)

    p = sub.add_parser("report", help="write the site report (drawings, schedules, assessment)")
    p.add_argument("plan", nargs="?", help="plan file (default: the built-in sample site)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="PDF to write")
    p.add_argument(
        "--lang",
        help="languages: zh,en, zh or en (default: zh,en; en for a pack without Chinese)",
    )
    p.add_argument("--paper", default="A4", help="A4 (default) or A3 (drawings on A3 landscape)")
    p.add_argument("--rules", help="rule pack id (default: the plan's own)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "place-signs", help="add the suggested signs to a plan (on the walls beside the entrances)"
    )
    p.add_argument("plan", help="plan file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.siteplan", help="plan to write")
    p.set_defaults(func=cmd_place_signs)

    p = sub.add_parser("export", help="export the plan as CSV, GeoJSON, DXF, PNG or SVG")
    p.add_argument("plan", nargs="?", help="plan file (default: the built-in sample site)")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="what to write")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    p.add_argument("--level", help="only this level (png and svg: the level to draw)")
    p.add_argument("--lang", help="languages of the drawing's legend, e.g. zh,en (default)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-dxf", help="make a plan from a CAD drawing (DXF)")
    p.add_argument("drawing", help="DXF file")
    p.add_argument("-o", "--output", required=True, metavar="PLAN.siteplan", help="plan to write")
    p.add_argument(
        "--units",
        choices=("mm", "cm", "m", "in", "ft"),
        help="the drawing's units (default: its own, or a guess from its size when it has none)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="ROLE=LAYERS",
        help="layers (comma-separated, * wildcards) holding ROLE: wall, door, window, column, "
        "room, room-name or ignore; repeatable",
    )
    p.set_defaults(func=cmd_import_dxf)
    return parser


def _paper(value: str) -> str:
    # The sheets the sign PDF knows, imported only when --paper is given (ReportLab loads slowly).
    from siteplanner.signage.pdf import PAPERS, SIGN_PAPER

    names = {name.lower(): name for name in [*PAPERS, SIGN_PAPER]}
    if value.lower() not in names:
        raise argparse.ArgumentTypeError(
            f"unknown paper {value!r} (choose {', '.join(names.values())})"
        )
    return names[value.lower()]


def cmd_signs(args: argparse.Namespace) -> int:
    from siteplanner import pipeline
    from siteplanner.analysis import Analyser
    from siteplanner.compliance import load_pack
    from siteplanner.signage.content import (
        LanguageError,
        language_warnings,
        notice_missing,
        parse_langs,
    )
    from siteplanner.signage.pdf import (
        NoticeUrlError,
        SignPdfError,
        check_notice_url,
        collect_signs,
        write_signs_pdf,
    )

    label = _plan_label(args.plan)
    plan = _load(args.plan)
    _rule_pack_id(args, plan)
    try:  # the plan's rule pack says which languages its signs print
        langs = parse_langs(args.lang, load_pack(plan.rules))
    except LanguageError as exc:
        raise CliError(f"--lang: {exc}") from None
    pairs = collect_signs(plan)
    if not pairs and not args.suggested:
        raise CliError(f"{label}: the plan has no signs (add some, or use --suggested)")
    try:  # unusable input before any work or warning
        check_notice_url(plan.organization.privacy_notice_url)
    except NoticeUrlError as exc:
        raise CliError(f"{label}: {exc}") from None
    missing = notice_missing(plan, load_pack(plan.rules))
    if missing and not args.draft:
        print(
            f"siteplanner: {label}: the notice is incomplete, missing {', '.join(missing)}: "
            "fill them in, or print a proof marked DRAFT with --draft",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    run = pipeline.run(plan, analyser=Analyser(parallel=True), suggest=args.suggested)
    _warn_errors(run.findings, label)
    for warning in language_warnings(plan, langs, load_pack(plan.rules)):
        print(f"siteplanner: warning: {label}: {warning}", file=sys.stderr)
    for s in run.suggestions:
        if s.extends:  # the existing sign, printed with the cameras it lacked
            at = next((i for i, (_, sg) in enumerate(pairs) if sg.id == s.extends), None)
            if at is not None:
                pairs[at] = (pairs[at][0], pairs[at][1].model_copy(update={"covers": s.covers}))
                continue
        pairs.append((s.level_id, s.to_sign(s.id)))
    if not pairs:
        raise CliError(f"{label}: the plan has no signs (add some, or use --suggested)")
    out = Path(args.output)
    if not out.parent.is_dir():
        raise CliError(f"{out}: folder {str(out.parent)!r} does not exist")
    try:
        result = write_signs_pdf(
            plan,
            out,
            paper=args.paper,
            langs=langs,
            layout=args.layout,
            signs=pairs,
            legend=not args.no_legend,
            draft=args.draft,
            analysis=run.analysis,
        )
    except NoticeUrlError as exc:
        raise CliError(f"{label}: {exc}") from None
    except SignPdfError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
    for warning in result.warnings:
        print(f"siteplanner: warning: {label}: {warning}", file=sys.stderr)
    print(
        f"{out}: {len(pairs)} signs on {result.pages} pages "
        f"({args.paper}, {args.layout}, {','.join(langs)})"
    )
    return EXIT_OK


def cmd_place(args: argparse.Namespace) -> int:
    gc.disable()
    from siteplanner import pipeline
    from siteplanner.analysis import Analyser
    from siteplanner.catalogue import CatalogueError
    from siteplanner.fileformat import save_plan
    from siteplanner.placement import PlacementError, PlaceOptions, place

    plan = _load(args.plan)
    label = _plan_label(args.plan)
    if args.time_limit is not None and not args.time_limit > 0:
        raise CliError("--time-limit: must be a positive number of seconds")
    out = _output(args.output)
    models = [m.strip() for m in args.models.split(",") if m.strip()] if args.models else None
    options = PlaceOptions(
        models=models,
        level_id=args.level,
        max_cameras=args.max_cameras,
        time_limit_s=args.time_limit,
        replace=args.replace,
        parallel=True,
    )
    try:
        result = place(plan, options, progress=lambda msg: print(msg, file=sys.stderr))
    except PlacementError as exc:
        raise CliError(f"{label}: {exc}") from None
    except CatalogueError as exc:
        raise CliError(str(exc)) from None
    save_plan(result.plan, out)
    # The independent check: the saved plan through the whole pipeline.
    check = pipeline.run(result.plan, analyser=Analyser(parallel=True))
    placed = {cam.id for _, cam in result.placed}
    faults = [f for f in check.findings if f.camera in placed and f.rule in _PLACEMENT_FAULTS]
    print(f"{out}: placed {len(result.placed)} cameras")
    for level_id, cam in result.placed:
        lens = (cam.model_extra or {}).get("lens_mm")
        print(
            f"  {cam.id} {cam.name} on {level_id}: {cam.model}"
            + (f" at {lens:g} mm" if lens is not None else "")
            + f", ({cam.position[0]:.2f}, {cam.position[1]:.2f}) at {cam.height_m:g} m, "
            f"pan {cam.pan_deg:g}°, tilt {cam.tilt_deg:g}°"
        )
    for z in result.zones:
        need = z.required_dori or "any coverage"
        mark = "ok" if z.ok else "SHORT"
        print(
            f"  zone {z.zone_id} ({z.name or 'unnamed'}, {z.level_id}): {100 * z.fraction:.1f} % "
            f"at {need}, target {100 * z.target:.0f} % — {mark}"
            + (f": {z.reason}" if z.reason else "")
        )
    print(
        f"cost {result.cost:g}, lower bound {result.lower_bound:g}, gap {100 * result.gap:.1f} %"
        f" (greedy: {result.greedy_count} cameras; {result.candidates} candidates, "
        f"{result.points} sample points, {result.seconds:.1f} s, {result.status})"
    )
    for f in faults:
        print(f"siteplanner: {f.rule} on placed camera {f.camera}: {f.message}", file=sys.stderr)
    return EXIT_OK if result.ok and not faults else EXIT_FINDINGS


_PLACEMENT_FAULTS = ("PRIVATE_SPACE_COVERED", "CAMERA_IN_PRIVATE_SPACE", "CAMERA_INSIDE_WALL")


def cmd_place_signs(args: argparse.Namespace) -> int:
    from siteplanner import pipeline
    from siteplanner.analysis import Analyser
    from siteplanner.fileformat import save_plan
    from siteplanner.signage.legend import Landmarks
    from siteplanner.signage.placement import apply_suggestions

    gc.disable()  # one-shot command: see cmd_check
    plan = _load(args.plan)
    _rule_pack_id(args, plan)
    out = Path(args.output)
    if not out.parent.is_dir():
        raise CliError(f"{out}: folder {str(out.parent)!r} does not exist")
    run = pipeline.run(plan, analyser=Analyser(parallel=True), suggest=True)
    changed = apply_suggestions(plan, run.suggestions)
    try:
        save_plan(plan, out)
    except OSError as exc:
        raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
    marks: dict[str, Landmarks] = {}
    for s, sign in zip(run.suggestions, changed, strict=True):
        if s.extends:
            print(f"  {s.level_id}: {s.extends} now announces {', '.join(s.covers)}")
            continue
        where = f"on wall {s.wall}" if s.wall else "on a post"
        side = ""
        level = plan.level(s.level_id)
        door = next((o for o in level.openings if o.id == s.opening), None) if level else None
        if s.side and door is not None and level is not None:
            if s.level_id not in marks:
                lres = run.analysis.levels.get(s.level_id)
                marks[s.level_id] = Landmarks(level, lres.geometry.solids if lres else None)
            # The door by its name (or the rooms it joins), as the sign legend names it.
            side = f", {s.side} of door {marks[s.level_id].door_name(door)} ({door.id})"
        print(
            f"  {s.level_id}: {sign.id} at ({s.position[0]:.2f}, {s.position[1]:.2f}) "
            f"{where}{side}, {s.width_m * 1000:.0f}×{s.height_m * 1000:.0f} mm, centre "
            f"{s.mount_height_m:g} m above the floor, announces {', '.join(s.covers)}"
        )
    print(f"{out}: {len(changed)} signs added or extended")
    return EXIT_OK


def _warn_errors(findings, label: str) -> None:
    """A one-paragraph summary of the plan's error findings on stderr: signs still print, but
    whoever prints them learns that the plan is not ready (details from ``check``)."""
    errors = [f for f in findings if f.severity == "error"]
    if not errors:
        return
    counts: dict[str, int] = {}
    for f in errors:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    rules = ", ".join(f"{rule} ×{n}" if n > 1 else rule for rule, n in counts.items())
    print(
        f"siteplanner: warning: {label} has {len(errors)} error finding"
        f"{'s' if len(errors) != 1 else ''} ({rules}); run `siteplanner check` for details",
        file=sys.stderr,
    )


def _output(path: str) -> Path:
    out = Path(path)
    if not out.parent.is_dir():
        raise CliError(f"{out}: folder {str(out.parent)!r} does not exist")
    return out


def _analysed(args: argparse.Namespace, langs: Sequence[str] = ()):
    """(plan, pack, pipeline result) for a command that writes a document of the plan."""
    gc.disable()  # one-shot command: see cmd_check
    from siteplanner import pipeline
    from siteplanner.analysis import Analyser
    from siteplanner.compliance import load_pack

    plan = _load(args.plan)
    rules = _rule_pack_id(args, plan)
    pack = load_pack(rules)
    # Finding messages in the first requested language the pack speaks.
    lang = next((lang for lang in langs if lang in pack.languages), pack.default_lang)
    result = pipeline.run(plan, rules=pack, lang=lang, analyser=Analyser(parallel=True))
    return plan, pack, result, lang


def cmd_report(args: argparse.Namespace) -> int:
    from siteplanner.fileformat.replacing import replacing
    from siteplanner.reports.site_report import PAPERS, report_languages, write_report
    from siteplanner.signage.content import LanguageError, parse_langs

    try:
        langs = parse_langs(args.lang) if args.lang is not None else None
    except LanguageError as exc:
        raise CliError(f"--lang: {exc}") from None
    paper = {p.lower(): p for p in PAPERS}.get(args.paper.lower())
    if paper is None:
        raise CliError(f"--paper: unknown paper {args.paper!r} (choose {', '.join(PAPERS)})")
    out = _output(args.output)
    plan, pack, result, first = _analysed(args, langs or ())
    langs = langs or report_languages(pack)
    try:
        with replacing(out) as tmp:  # a failed or interrupted report leaves no partial file
            done = write_report(
                plan,
                result.analysis,
                pack,
                tmp,
                langs=langs,
                paper=paper,
                source=_plan_label(args.plan),
                findings_lang=first,
            )
    except OSError as exc:
        raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
    print(
        f"{out}: {done.pages} pages, {done.cameras} cameras, {done.findings} findings "
        f"({paper}, {','.join(langs)}, {pack.id})"
    )
    return EXIT_OK


EXPORT_FORMATS = ("csv", "geojson", "dxf", "png", "svg")


def cmd_export(args: argparse.Namespace) -> int:
    from siteplanner.fileformat.replacing import replacing
    from siteplanner.signage.content import LanguageError, parse_langs

    try:
        langs = parse_langs(args.lang)
    except LanguageError as exc:
        raise CliError(f"--lang: {exc}") from None
    out = _output(args.output)
    plan = _load(args.plan)
    levels = [lv.id for lv in plan.levels]
    if args.level is not None and args.level not in levels:
        raise CliError(
            f"--level: {_plan_label(args.plan)} has no level {args.level!r} "
            f"(levels: {', '.join(levels) or 'none'})"
        )
    if args.format in ("png", "svg") and args.level is None and len(levels) != 1:
        raise CliError(
            f"--level: a {args.format} shows one level; choose one of {', '.join(levels)}"
            if levels
            else f"{_plan_label(args.plan)}: the plan has no level to draw"
        )
    gc.disable()  # one-shot command: see cmd_check
    from siteplanner.analysis import Analyser

    # The exports hold geometry only: no rule pack to evaluate, and only the level asked for.
    if args.level is not None:
        plan = plan.model_copy(update={"levels": [lv for lv in plan.levels if lv.id == args.level]})
    analysis = Analyser(parallel=True).analyse(plan)
    try:
        with replacing(out) as tmp:  # whole or not at all
            if args.format == "csv":
                from siteplanner.exports.schedule import write_csv

                n = write_csv(plan, analysis, tmp, args.level)
                what = f"{n} cameras"
            elif args.format == "geojson":
                from siteplanner.exports.geojson import write_geojson

                what = f"{write_geojson(plan, analysis, tmp, args.level)} features"
            elif args.format == "dxf":
                from siteplanner.exports.dxf import write_dxf

                what = f"{write_dxf(plan, analysis, tmp, args.level)} entities"
            else:
                from siteplanner.reports.images import write_png, write_svg

                level = next(lv for lv in plan.levels if lv.id == (args.level or levels[0]))
                if args.format == "png":
                    w, h = write_png(plan, level, analysis, tmp, langs)
                    what = f"{w}×{h} px, level {level.id}"
                else:
                    info = write_svg(plan, level, analysis, tmp, langs)
                    what = f"level {level.id} at 1:{info.scale}"
    except OSError as exc:
        raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
    print(f"{out}: {args.format}, {what}")
    return EXIT_OK


def cmd_import_dxf(args: argparse.Namespace) -> int:
    from siteplanner.dxf import DxfError, import_dxf, parse_map
    from siteplanner.fileformat import save_plan

    try:
        mapping = parse_map(args.map)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    out = _output(args.output)
    try:
        result = import_dxf(args.drawing, units=args.units, mapping=mapping)
    except DxfError as exc:
        raise CliError(str(exc)) from None
    save_plan(result.plan, out)
    width, height = result.size_m
    print(f"{args.drawing}: {result.units}, {width:.2f} m x {height:.2f} m")
    for line in result.messages:
        print(f"  {line}")
    print("  layers:")
    for layer, count, role in result.layers:
        print(f"    {layer}: {count} entities, {role or 'not recognised'}")
    print(f"{out}: written")
    return EXIT_OK


# Starts the editor on (plan, screenshot) and returns the exit code; given by the front door
# (siteplanner.__main__), which sits above both the editor and the command line.
Editor = Callable[[str | None, str | None], int]


def cmd_open(args: argparse.Namespace) -> int:
    if args.editor is None:
        raise CliError("the editor is not available here: run `siteplanner open`")
    return int(args.editor(args.plan, args.screenshot))


def main(argv: Sequence[str] | None = None, editor: Editor | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["open", *(argv or [])])
    # After the arguments: `--version` and `--help` answer without loading the engine (numpy,
    # Shapely, the rule packs), well under a second even from a cold desktop bundle.
    from siteplanner.compliance import PackError, UnknownRulePack
    from siteplanner.fileformat import PlanFileError

    args.editor = editor
    if args.command != "open":
        import shapely.errors

        # Ctrl-C between the items of Shapely's vectorised calls, not only between them.
        shapely.errors.setup_signal_checks(interval=64)
    try:
        return int(args.func(args))
    except PlanFileError as exc:
        if not exc.file and getattr(args, "plan", None):
            exc.file = str(args.plan)  # a refusal from the analysis names the plan it refuses
        return _fail(str(exc))
    except (CliError, UnknownRulePack, PackError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except MemoryError:
        return _fail("not enough memory for this plan")


def entry(editor: Editor | None = None) -> None:
    """Run, flush, and leave without tearing down every object (a large plan holds hundreds of
    thousands; the operating system frees them at once)."""
    if len(sys.argv) > 1 and sys.argv[1] in ENGINE_COMMANDS:
        signal.signal(signal.SIGINT, _leave_interrupted)
    code = main(editor=editor)
    batch = len(sys.argv) > 1 and sys.argv[1] in BATCH_COMMANDS
    if not batch:  # the editor saves its settings on the way out: leave normally
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


BATCH_COMMANDS = {"check", "signs", "report", "export", "place", "place-signs", "import-dxf"}
# Commands that only compute and write: Ctrl-C ends them at once.
ENGINE_COMMANDS = {"check", "signs", "report", "export", "place", "import-dxf"}


def _leave_interrupted(signum: int, frame: object) -> None:
    """Ctrl-C in a command that only computes: exit 130 now. Unwinding would free the analysis
    object by object (a few hundred milliseconds on a campus); a forked worker dies with this
    process. A plan is saved by renaming a finished temporary file, so no plan is left half
    written (a stray temporary file is cleared by the next save)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    os._exit(130)
