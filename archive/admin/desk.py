"""The review desk: one machine suggestion at a time, decided in one request, then the next.

An admin view (under the statement review's URLs, so the admin's permissions apply):
everyone who may view statements to review sees the desk; only those who may change
them get the decision forms. A decision is a POST; without JavaScript it answers with
a redirect to the next item, and the desk's script (``static/archive/desk.js``) posts it
in the background and is answered with the next item's page directly, so each decision
costs one request. Keyboard shortcuts are in that script; every one has a button.
"""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from archive.models import Agent, Outlet, Statement, StatementReview
from archive.naming import normalize_name
from archive.services.review import (
    CONFIRM, REJECT, DecisionError, candidate_agent, candidates_for, decide, new_agent,
)

from .desk_queue import NO_SPEAKER, ORDERS, STATUSES, Queue

FOLLOWING = 8
"""How many of the next statements the desk lists under the current one."""
SEARCH_LIMIT = 10
ASYNC_HEADER = "HTTP_X_REVIEW_DESK"  # sent by desk.js: answer with the next page, not a redirect


def _can_view(request):
    return request.user.has_perm("archive.view_statementreview") or _can_decide(request)


def _can_decide(request):
    return request.user.has_perm("archive.change_statementreview")


def desk_url(queue_params=""):
    url = reverse("admin:archive_review_desk")
    return f"{url}?{queue_params}" if queue_params else url


def paragraph_with_quote(statement):
    """The paragraph (or paragraphs) holding the statement, the quote in <mark>, as safe HTML."""
    entry = statement.entry
    body = entry.body or ""
    if statement.needs_anchor or statement.end > len(body):
        return format_html('<mark>{}</mark> <strong class="errornote">{}</strong>', statement.quote,
                           "its words no longer occur in the text")
    blocks = [(start, start + len(text)) for _, text, start in entry.blocks()] if entry.body_blocks else []
    if not blocks:
        blocks, pos = [], 0
        for text in body.split("\n\n"):
            blocks.append((pos, pos + len(text)))
            pos += len(text) + 2
    start = max((b for b, e in blocks if b <= statement.start), default=0)
    end = min((e for b, e in blocks if e >= statement.end), default=len(body))
    return format_html("{}<mark>{}</mark>{}", body[start:statement.start],
                       body[statement.start:statement.end], body[statement.end:end])


def _current(queue):
    """The statement to show: the one asked for, else the queue's first (None when empty)."""
    statement = None
    if queue.item:
        statement = Statement.objects.filter(pk=queue.item).first()
    if statement is None:
        statement = queue.first()
    if statement is None:
        return None
    return (Statement.objects.select_related("entry", "entry__outlet", "speaker")
            .filter(pk=statement.pk).first())


def _search(who):
    who = " ".join((who or "").split())[:100]
    if not who:
        return []
    key = normalize_name(who)
    condition = Q(name__icontains=who)
    if key:
        condition |= Q(normalized_name__contains=key) | Q(aliases__normalized_name__contains=key)
    return list(Agent.objects.filter(condition).distinct().order_by("name")[:SEARCH_LIMIT])


def render_desk(request, queue, status=200):
    statement = _current(queue)
    context = {
        **admin.site.each_context(request),
        "title": "Review desk",
        "is_nav_sidebar_enabled": False,  # the desk needs the width, and the sidebar costs a render
        "opts": StatementReview._meta,
        "queue": queue,
        "statement": statement,
        "can_decide": _can_decide(request),
        "can_add_agent": request.user.has_perm("archive.add_agent"),
        "orders": [(key, label) for key, (label, _) in ORDERS.items()],
        "statuses": STATUSES,
        "speaker_kinds": [(NO_SPEAKER, "No speaker"), *Agent.Kind.choices],
        "agent_kinds": Agent.Kind.choices,
        "statement_kinds": Statement.Kind.choices,
        "outlets": list(Outlet.objects.order_by("name").values_list("pk", "name")),
        "total": queue.queryset().count(),
        "who": request.GET.get("who", ""),
    }
    context["outlet_shown"], context["entry_shown"] = queue.filters_shown()
    context["no_entry_params"] = queue.params(entry=None, item=None)
    context["all_params"] = queue.params(status="all", item=None)
    if statement is not None:
        queue.item = statement.pk
        candidates_for([statement])
        following = queue.following(statement, FOLLOWING)
        for other in following:
            other.queue_params = queue.params(item=other.pk)
        previous = queue.previous(statement)
        context.update({
            "paragraph": paragraph_with_quote(statement),
            "following": following,
            "next_params": queue.params(item=following[0].pk) if following else "",
            "previous_params": queue.params(item=previous.pk) if previous else "",
            "position": queue.position(statement),
            "search_results": _search(context["who"]),
            "queue_params": queue.params(),
            "queue_fields": list(_query(queue.params()).items()),
            "entry_queue_params": queue.params(entry=statement.entry_id, order="entry", item=None),
            "public_url": statement.entry.get_absolute_url() + f"#{statement.anchor}",
        })
    for error in queue.errors:
        messages.warning(request, error)
    response = TemplateResponse(request, "admin/archive/desk.html", context, status=status)
    response["X-Review-Desk-Url"] = desk_url(queue.params())
    return response


def desk_view(request):
    if not _can_view(request):
        raise PermissionDenied
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return render_desk(request, Queue.from_params(request.GET))


def decide_view(request, pk):
    """One decision on statement ``pk``; then the queue's next statement."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not _can_decide(request):
        raise PermissionDenied
    statement = get_object_or_404(Statement.objects.select_related("entry", "speaker"), pk=pk)
    queue = Queue.from_params(_query(request.POST.get("queue", "")))
    queue.errors.clear()
    try:
        summary = _apply(request, statement)
    except DecisionError as exc:
        messages.error(request, str(exc))
        queue.item = statement.pk  # stay on it
        return _answer(request, queue, status=400)
    messages.success(request, summary)
    following = queue.following(statement, 1)
    queue.item = following[0].pk if following else None  # else the queue's first, if any is left
    return _answer(request, queue)


def _query(text):
    return QueryDict(text or "")


def _answer(request, queue, status=200):
    if request.META.get(ASYNC_HEADER):
        return render_desk(request, queue, status=status)
    return HttpResponseRedirect(desk_url(queue.params()), status=303)


def _apply(request, statement):
    """Carry out the POSTed decision; returns what happened, in words, for the editor."""
    decision = request.POST.get("decision", "")
    kind = request.POST.get("kind") or None
    quote = Truncator(statement.quote).words(8)
    if decision == CONFIRM:
        decide(statement, CONFIRM, kind=kind)
        return f"Confirmed “{quote}” ({_speaker(statement)})."
    if decision == REJECT:
        decide(statement, REJECT)
        return f"Rejected “{quote}”."
    if decision.startswith("alt:") and decision[4:].isdigit():
        agent = candidate_agent(statement, int(decision[4:]))
    elif decision.startswith("speaker:") and decision[8:].isdigit():
        agent = Agent.objects.filter(pk=int(decision[8:])).first()
        if agent is None:
            raise DecisionError("That name record no longer exists.")
    elif decision == "no-speaker":
        agent = None
    elif decision == "new":
        if not request.user.has_perm("archive.add_agent"):
            raise PermissionDenied
        agent = new_agent(request.POST.get("new_name"), request.POST.get("new_kind"))
    else:
        raise DecisionError("Choose a decision: confirm, reject, or another speaker.")
    decide(statement, CONFIRM, speaker=agent, kind=kind)
    if agent is None:
        return f"Confirmed “{quote}” without a speaker."
    return f"Confirmed “{quote}” as {agent.name}’s."


def _speaker(statement):
    return statement.speaker.name if statement.speaker else "no speaker"
