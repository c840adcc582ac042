"""Public pages: home, entry, person, outlet. Thin views over model queries."""
from django.shortcuts import get_object_or_404, render

from archive.models import Agent, Entry, Outlet


def home(request):
    entries = (
        Entry.objects.published()
        .select_related("outlet")
        .prefetch_related("authorships__agent")[:50]
    )
    return render(request, "archive/home.html", {"entries": entries})


def entry_detail(request, slug):
    entry = get_object_or_404(
        Entry.objects.published().select_related("outlet", "series").prefetch_related("authorships__agent", "tags"),
        slug=slug,
    )
    return render(request, "archive/entry_detail.html", {"entry": entry})


def person_detail(request, slug):
    agent = get_object_or_404(Agent, slug=slug)
    entries = Entry.objects.published().filter(authorships__agent=agent).select_related("outlet").distinct()
    return render(request, "archive/person_detail.html", {"agent": agent, "entries": entries})


def outlet_detail(request, slug):
    outlet = get_object_or_404(Outlet, slug=slug)
    entries = Entry.objects.published().filter(outlet=outlet).prefetch_related("authorships__agent")
    return render(request, "archive/outlet_detail.html", {"outlet": outlet, "entries": entries})
