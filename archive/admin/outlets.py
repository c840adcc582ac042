from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin  # noqa: F401

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
        from django.db.models import Count

        return super().get_queryset(request).annotate(_entries=Count("entries"))

    @admin.display(description="entries", ordering="_entries")
    def entry_count(self, obj):
        return obj._entries


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "outlet"]
    list_filter = ["outlet"]
    search_fields = ["name", "outlet__name"]
    autocomplete_fields = ["outlet"]
