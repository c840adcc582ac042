"""The editors' admin: one module per concept, registered on import."""
from . import entries, names, outlets, review, statements  # noqa: F401

admin_site_header = "Commentary Archive — editors"
from django.contrib import admin  # noqa: E402

admin.site.site_header = admin_site_header
admin.site.site_title = "Commentary Archive"
admin.site.index_title = "Archive"
