"""The command-line contract, shared by ``manage.py extract_quotes`` and ``python -m archive.quotes``.

``python -m archive.quotes [--author NAME] --json FILE`` needs no Django settings at all
(no SECRET_KEY, no DEBUG, no database), which makes it the lightest way to run the engine.
"""
import argparse
import json
import sys

from .engine import extract


class InputError(Exception):
    """The input cannot be read as UTF-8 text."""


def read_text(name, stdin=None):
    try:
        if name == "-":
            data = (stdin or sys.stdin).buffer.read()
        else:
            with open(name, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text (byte {exc.start}): convert it first") from exc


def as_json(result):
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def as_table(result):
    lines = [f"{len(result.statements)} statements"]
    for n, s in enumerate(result.statements, 1):
        speaker = s.speaker or "(unknown)"
        lines.append(f"{n:>3}. [{s.kind}] {speaker} ({s.speaker_kind or '-'}) — {s.cue or '-'} "
                     f"— confidence {s.confidence:.2f}")
        if s.speaker_mention:
            lines.append(f"     mention: {s.speaker_mention}" + (f"; description: {s.description}"
                                                                    if s.description else ""))
        lines.append(f"     “{s.quote}”  @{s.start}-{s.end}")
    lines.append(f"{len(result.non_statements)} non-statements")
    for n in result.non_statements:
        lines.append(f"     “{n.text}”  @{n.start}-{n.end}  ({n.reason})")
    return "\n".join(lines)


def add_arguments(parser):
    parser.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print one JSON object (the contract)")
    parser.add_argument("--author", default=None, help="the commentary's author, credited with its own words")


def render(name, author=None, as_json_output=False):
    """The command's output for one input file."""
    result = extract(read_text(name), author=author)
    return as_json(result) if as_json_output else as_table(result)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m archive.quotes", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        output = render(args.file, args.author, args.json)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(output + "\n")
    return 0
