from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Commentary archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal handlers live next to what they keep fresh.
        from . import signals  # noqa: F401
