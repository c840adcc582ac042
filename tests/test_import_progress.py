"""The import command's progress bar on a terminal: one redrawn line, in plain text."""
import io

import pytest
from django.core.management import call_command

from archive.management.commands.import_commentaries import Command

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_on_a_colour_terminal_is_not_styled_as_an_error(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"Paragraph {i} is written with enough words to be running text here.\n")
    out, err = Terminal(), Terminal()
    command = Command(stdout=out, stderr=err, force_color=True)  # stderr styled bold red, as on a real terminal
    call_command(command, str(tmp_path))
    assert "6 created" in out.getvalue()
    progress = err.getvalue()
    assert "\r[" in progress and "6/6" in progress
    assert "\x1b[" not in progress  # no colour codes
