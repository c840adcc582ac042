"""Export citations of published entries (or a person's statements) to a file or stdout.

    python manage.py export_citations --format bibtex -o archive.bib
    python manage.py export_citations --format ris --query "deepseek" --outlet rsis
    python manage.py export_citations --format apa --tag east-asia
    python manage.py export_citations --format jsonl -o archive.jsonl    # researchers' dump

Streams: entries are read in chunks and written as they come, so memory stays flat.
"""
import sys

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from archive.citations import jsonl
from archive.citations.exports import SEARCH_FILTERS, scope_export, search_queryset, write_entries
from archive.citations.formats import FORMATS, UnknownFormat, get_format
from archive.citations.records import iter_dump


class Command(BaseCommand):
    help = "Export citations (BibTeX, RIS, CSL-JSON, formatted styles) or the JSON Lines dump."

    def add_arguments(self, parser):
        parser.add_argument("--format", "-f", required=True,
                            help=f"one of: {', '.join([*FORMATS, 'jsonl'])}")
        parser.add_argument("--query", "-q", default="", help="a search query, as on the search page")
        parser.add_argument("--outlet", help="outlet slug")
        parser.add_argument("--tag", help="tag slug")
        parser.add_argument("--author", help="author slug (search filter)")
        parser.add_argument("--speaker", help="speaker slug (search filter)")
        parser.add_argument("--year", help="year (search filter)")
        parser.add_argument("--person", help="export this person's statements instead of entries")
        parser.add_argument("--output", "-o", help="file to write (default: stdout)")

    def handle(self, *args, **options):
        name = options["format"]
        try:
            chunks = self._chunks(name, options)
        except (UnknownFormat, Http404) as exc:
            raise CommandError(str(exc) or "nothing to export") from None
        out = open(options["output"], "w", encoding="utf-8", newline="") if options["output"] else sys.stdout
        count = 0
        try:
            for chunk in chunks:
                out.write(chunk)
                count += 1
        finally:
            if options["output"]:
                out.close()
        if options["output"]:
            self.stderr.write(f"Wrote {options['output']} ({name}).")

    def _chunks(self, name, options):
        filters = {k: options.get(k) for k in SEARCH_FILTERS if options.get(k)}
        self._check_slugs(filters)
        searching = bool(options["query"] or filters)
        if name == "jsonl":
            queryset = search_queryset({"q": options["query"], **filters}) if searching else None
            return jsonl.export(iter_dump(queryset))
        fmt = get_format(name)
        if options["person"]:
            return scope_export(fmt, "person", options["person"])[0]
        return write_entries(fmt, search_queryset({"q": options["query"], **filters}) if searching else None)

    def _check_slugs(self, filters):
        """An outlet, tag, author or speaker that does not exist is a mistake, not an empty list."""
        from taggit.models import Tag

        from archive.models import Agent, Outlet

        for option, model, what in (("outlet", Outlet, "outlet"), ("tag", Tag, "tag"),
                                    ("author", Agent, "name record"), ("speaker", Agent, "name record")):
            slug = filters.get(option)
            if slug and not model.objects.filter(slug=slug).exists():
                raise CommandError(f"--{option} {slug!r}: no {what} with that slug.")
