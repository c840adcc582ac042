#!/usr/bin/env python
"""Django's command-line entry point for the Commentary Archive."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # reads the settings: a missing variable is one clear line, not a traceback
    except ImproperlyConfigured as exc:
        sys.exit(f"Commentary Archive cannot start: {exc}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
