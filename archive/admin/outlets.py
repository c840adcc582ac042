"""Outlets and the series they publish in the admin."""
from django.contrib import admin
from django.db.models import Count

from archive.models import Outlet, Series


class SeriesInline(admin.TabularInline):
    model = Series
    extra = 0


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "place", "entry_count"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SeriesInline]

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering; restore it (autocomplete pages through this).
        return super().get_queryset(request).annotate(_entries=Count("entries")).order_by(*Outlet._meta.ordering, "pk")

    @admin.display(description="entries", ordering="_entries")
    def entry_count(self, obj):
        return obj._entries


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "outlet"]
    list_filter = ["outlet"]
    search_fields = ["name", "outlet__name"]
    autocomplete_fields = ["outlet"]
