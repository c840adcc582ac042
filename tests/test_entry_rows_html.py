"""Entry lists written in Python (archive/views/row_html.py) give the HTML the template
wrote, byte for byte, and COinS titles kept per entry (archive/views/coins.py) change
exactly when what they show changes."""
import datetime

import pytest
from django.template import Context, engines
from django.test import RequestFactory

from archive.models import Agent, Outlet
from archive.search.indexing import rebuild
from archive.views import coins as coins_cache
from archive.views.listing import entries_for_display

from .factories import make_entry

#: The list template as it was before the rows were written in Python: the reference.
TEMPLATE_BEFORE = """{% load archive_tags %}{% entry_rows entries as rows %}<ol class="entry-list">
{% for row in rows %}{% with entry=row.entry %}
  <li class="entry-item">
    <article>
      <h3><a href="{{ row.url }}">{% if entry.title_html %}{{ entry.title_html|safe }}{% else %}{{ entry.title|default:"Untitled entry" }}{% endif %}</a></h3>
      <p class="meta">
        {% for name, url in row.byline %}{% if not forloop.first %}, {% endif %}<a href="{{ url }}">{{ name }}</a>{% endfor %}
        {% if row.outlet %}{% if row.byline %} · {% endif %}<a href="{{ row.outlet.1 }}">{{ row.outlet.0 }}</a>{% endif %}
        {% if entry.published_on %} · <time datetime="{{ entry.published_on|date:'Y-m-d' }}">{{ entry.published_on|date:"j F Y" }}</time>{% endif %}
      </p>
      {% if entry.snippet_html %}<p class="snippet">{{ entry.snippet_html|safe }}</p>{% elif entry.synopsis %}<p class="synopsis">{{ entry.synopsis|truncatewords:50 }}</p>{% endif %}
      {% if row.tags %}<ul class="tags" aria-label="Tags">{% for name, url in row.tags %}<li><a href="{{ url }}">{{ name }}</a></li>{% endfor %}</ul>{% endif %}
      {% optional_include "archive/includes/coins.html" %}
    </article>
  </li>
{% endwith %}{% empty %}
  <li class="empty">No entries.</li>
{% endfor %}
</ol>
"""


def _render_both(entries, request):
    django_engine = engines["django"].engine
    before = django_engine.from_string(TEMPLATE_BEFORE).render(Context({"entries": entries, "request": request}))
    after = engines["django"].get_template("archive/_entry_list.html").render({"entries": entries, "request": request})
    return before, after


def _odd_entries():
    """Entries covering every branch of a row, with text that needs escaping."""
    odd_outlet = Outlet.objects.create(name='Ports & "Harbours" <Review>', short_name="P&H", slug="ports-harbours",
                                       place="Kuala Lumpur & Penang")
    long_synopsis = " ".join(f"word{n} <b>&amp;</b> 'x'" for n in range(80))
    made = [
        make_entry(title='Tariffs & "trade" <script>alert(1)</script>', authors=["Ana O'Lim", "Bo <Chen>"],
                   outlet=odd_outlet, published_on=datetime.date(2026, 3, 7), synopsis=long_synopsis),
        make_entry(title="", synopsis="", published_on=None),
        make_entry(title="No authors, short synopsis", synopsis="Short & sweet.", published_on=datetime.date(2025, 12, 1)),
        make_entry(title="Draft-like Title", authors=["Cy Doe"], genre="op_ed", number="12",
                   published_on=datetime.date(2024, 1, 31), date_precision="month", url="https://example.org/a?b=1&c=2"),
    ]
    made[0].tags.add("trade & tariffs", "<security>")
    made[3].tags.add("health")
    return made


@pytest.mark.django_db
def test_lists_render_exactly_as_the_template_did():
    made = _odd_entries()
    request = RequestFactory().get("/outlets/x/")
    entries = list(entries_for_display().filter(pk__in=[e.pk for e in made]).order_by("pk"))
    before, after = _render_both(entries, request)
    assert after == before
    assert "&lt;script&gt;" in after and "Untitled entry" in after and 'class="Z3988"' in after
    # Search hits: highlighted title and snippet written as the search service made them.
    entries[0].title_html, entries[0].snippet_html = "<mark>Tariffs</mark> &amp; more", "a <mark>b</mark> c"
    before, after = _render_both(entries, request)
    assert after == before and "<mark>Tariffs</mark>" in after
    assert _render_both([], request)[1] == _render_both([], request)[0]


@pytest.mark.django_db
def test_search_page_rows_match_the_template(client):
    """The whole search page: the result list inside it is what the template wrote."""
    made = _odd_entries()
    rebuild()
    page = client.get("/search/", {"q": "tariffs"})
    html = page.content.decode()
    start, end = html.index('<ol class="entry-list">'), html.index("</ol>", html.index('<ol class="entry-list">')) + 5
    hits = page.context["results"].hits
    entries = [hit.entry for hit in hits]
    for hit in hits:
        hit.entry.title_html, hit.entry.snippet_html = hit.title_html, hit.snippet_html
    before, _ = _render_both(entries, page.wsgi_request)
    assert html[start:end] == before.rstrip("\n")
    assert made[0].get_absolute_url() in html[start:end]


@pytest.mark.django_db
def test_kept_coins_titles_change_when_the_entry_or_a_name_it_shows_changes(client):
    coins_cache.clear()
    entry = make_entry(title="Harbour dues", authors=["Ana Lim"], published_on=datetime.date(2026, 2, 2))

    def span():
        html = client.get(entry.outlet.get_absolute_url()).content.decode()
        start = html.index('class="Z3988" title="')
        return html[start:html.index('"', start + 21)]

    first = span()
    assert "Harbour+dues" in first and span() == first
    entry.title = "Harbour fees"
    entry.save()
    assert "Harbour+fees" in span()
    Agent.objects.filter(name="Ana Lim").update(name="Ana Lim-Tan", family_name="Lim-Tan")
    assert "Lim-Tan" in span()
    Outlet.objects.filter(pk=entry.outlet_id).update(name="Renamed Review")
    assert "Renamed+Review" in span()


#: The person page's statement loop as the template wrote it before it was written in Python.
PERSON_LOOP_BEFORE = """{% load archive_tags %}    {% for st in statement_groups %}
      <li id="{{ st.anchor }}" class="statement-item{% if st.is_reported %} statement-item-reported{% endif %}">
        <blockquote cite="{% absolute_url st.entry_url %}"><p>{% if st.is_reported %}<span class="paraphrase-label">paraphrase:</span> {% endif %}{{ st.sentence.0 }}<mark class="statement statement-{% if st.is_reported %}reported{% else %}quoted{% endif %}">{{ st.sentence.1 }}</mark>{{ st.sentence.2 }}</p></blockquote>
        <p class="meta">{{ st.cited_as|capfirst }} <a href="{{ st.entry_url }}">{{ st.entry.title|default:"Untitled entry" }}</a>{% if st.entry.outlet %}, {{ st.entry.outlet.name }}{% endif %}{% if st.entry_date %}, <time datetime="{{ st.entry_date.iso }}">{{ st.entry_date.text }}</time>{% endif %}
          {% if st.cue %}· <span class="cue">introduced with “{{ st.cue }}”</span> {% endif %}· {% include "archive/_statement_status.html" %}{% with source=st.source_url|http_url %}{% if source %} · <a href="{{ source }}" rel="external nofollow">original source</a>{% endif %}{% endwith %}
          · <a class="cite-statement" href="{{ st.cite_url }}?style=chicago-notes">cite</a></p>
        {% if st.verification_note %}<p class="note">{{ st.verification_note }}</p>{% endif %}
        {% if st.also_quoted_in %}<p class="also">Also {{ st.cited_as }}: {% for place in st.also_quoted_in %}{% if not forloop.first %}; {% endif %}<a href="{{ place.url }}">{{ place.entry.title|default:"Untitled entry" }}</a>{% endfor %}</p>{% endif %}
      </li>
    {% endfor %}"""


@pytest.mark.django_db
def test_person_page_statements_render_exactly_as_the_template_did(client):
    from django.template import engines

    from archive import base_url
    from tests import site_data as make

    speaker = make.agent("Louis <Tompros> & Co")
    grp = make.group("open source wins", speaker)
    odd = Outlet.objects.create(name="Review & <Digest>", slug="review-digest")
    a = make.entry("Older & wiser", paragraphs=['He said "open source wins" and left.'], published_on=datetime.date(2024, 1, 5))
    b = make.entry("", paragraphs=['Tompros: "open source wins" again <b>.'], published_on=datetime.date(2025, 2, 1),
                   outlet_obj=odd)
    c = make.entry("Third", paragraphs=["Tompros reportedly thinks costs will fall & rise."])
    make.statement(a, "open source wins", speaker, group=grp)
    make.statement(b, "open source wins", speaker, group=grp, cue="said <loudly>",
                   source_url="https://example.org/x?a=1&b=2", verification_note="Checked <against> the record & tape")
    make.statement(c, "costs will fall & rise", speaker, kind="reported", verification="disputed")
    make.statement(c, "Tompros", speaker, source_url="javascript:alert(1)", verification="verified")
    response = client.get(speaker.get_absolute_url())
    html = response.content.decode()
    start = html.index('<ol class="statement-groups">\n') + len('<ol class="statement-groups">\n')
    end = html.index("\n    </ol>", start)
    groups = response.context["statement_groups"]
    token = base_url._request_base.set("http://testserver")  # as inside the request
    try:
        before = engines["django"].from_string(PERSON_LOOP_BEFORE).render({"statement_groups": groups})
    finally:
        base_url._request_base.reset(token)
    assert html[start:end] == before
    assert "Review &amp; &lt;Digest&gt;" in before and "paraphrase:" in before and "Also " in before
    assert "original source" in before and "javascript" not in before


#: The statement search page's loop as the template wrote it before it was written in Python.
STATEMENTS_LOOP_BEFORE = """{% load archive_tags %}{% for hit in results.hits %}{% with st=hit.statement %}
    <li class="entry-item">
      {% if st.is_reported %}<p class="statement-text">{% include "archive/_statement_words.html" with words=hit.snippet_html|safe %}</p>{% else %}<blockquote><p>{% include "archive/_statement_words.html" with words=hit.snippet_html|safe %}</p></blockquote>{% endif %}
      <p class="meta">{% if st.is_reported %}According to {% endif %}{% if st.speaker %}<a href="{{ st.speaker_url }}">{{ st.speaker.name }}</a>{% else %}{% if st.is_reported %}a speaker{% else %}Speaker{% endif %} not yet known{% endif %},
        {{ st.cited_as }} <a href="{{ st.entry_url }}">{{ st.entry.title|default:"Untitled entry" }}</a>{% if st.entry_date %},
        <time datetime="{{ st.entry_date.iso }}">{{ st.entry_date.text }}</time>{% endif %}
        · {% include "archive/_statement_status.html" %}</p>
    </li>
  {% endwith %}{% endfor %}"""


@pytest.mark.django_db
def test_statement_search_results_render_exactly_as_the_template_did(client, django_capture_on_commit_callbacks):
    from django.template import engines

    from tests import site_data as make

    speaker = make.agent("Ana <Silva> & Co")
    a = make.entry("Tariffs & <trade>", paragraphs=['She said "tariffs bite hard" and "tariffs fall" later.'],
                   published_on=datetime.date(2024, 1, 5))
    b = make.entry("", paragraphs=["Officials reportedly think tariffs will rise & rise."])
    with django_capture_on_commit_callbacks(execute=True):
        make.statement(a, "tariffs bite hard", speaker, verification="verified")
        make.statement(a, "tariffs fall")
        make.statement(b, "tariffs will rise & rise", kind="reported")
        make.statement(b, "Officials", speaker, kind="reported")
    rebuild()
    response = client.get("/statements/", {"q": "tariffs"})
    html = response.content.decode()
    start = html.index('<ol class="statement-results">\n  ') + len('<ol class="statement-results">\n  ')
    end = html.index("\n  </ol>", start)
    hits = response.context["results"].hits
    assert len(hits) == 3
    before = engines["django"].from_string(STATEMENTS_LOOP_BEFORE).render({"results": response.context["results"]})
    assert html[start:end] == before
    assert "paraphrase:" in before and "not yet known" in before and "&lt;Silva&gt;" in before and "<mark>" in before


@pytest.mark.django_db
def test_statement_lists_keep_the_coins_titles_their_records_give_and_follow_renames(client):
    """A person page's spans are the titles of the entries' citation records, built once
    per version of the entry and of the names they show."""
    import re

    from archive.citations import csl, zotero
    from django.utils.html import escape

    from archive.citations.records import list_records
    from tests import site_data as make

    coins_cache.clear()
    author, speaker = make.agent("Ana Lim"), make.agent("Wang Li")
    first = make.entry("Harbour dues", paragraphs=["Wang said the harbour dues would rise."], authors=[author],
                       published_on=datetime.date(2026, 2, 2))
    second = make.entry("Port fees", paragraphs=["Later Wang said port fees would fall."],
                        published_on=datetime.date(2026, 3, 3))
    for entry, words in ((first, "the harbour dues would rise"), (second, "port fees would fall")):
        make.statement(entry, words, speaker, review_status="confirmed")

    def spans():
        html = client.get(speaker.get_absolute_url()).content.decode()
        return re.findall(r'class="Z3988" title="([^"]*)"', html)

    def from_records():
        statements = [s for s in speaker.statements.select_related("entry", "entry__outlet").order_by("-entry__published_on")]
        return [escape(zotero.coins(csl.to_csl(record))) for record in list_records(statements, RequestFactory().get("/"))]

    kept = spans()
    assert len(kept) == 2 and kept == from_records() and spans() == kept
    assert "Lim" in kept[1] and "Harbour+dues" in kept[1]
    Agent.objects.filter(pk=author.pk).update(name="Ana Lim-Tan", family_name="Lim-Tan")
    renamed = spans()
    assert renamed == from_records() and "Lim-Tan" in renamed[1] and renamed[0] == kept[0]
    second.title = "Port charges"
    second.save()
    assert "Port+charges" in spans()[0]


#: The entry page's statement item (archive/_statement_item.html) as the template wrote it
#: before it was written in Python; it was included once per statement.
ENTRY_STATEMENT_ITEM_BEFORE = """{% load archive_tags citation_tags %}<li class="statement-item{% if st.is_reported %} statement-item-reported{% endif %}">
  <a href="#{{ st.anchor }}">{% include "archive/_statement_words.html" with words=st.quote|truncatewords:40 %}</a>
  {% if st.cue %}<span class="cue">introduced with “{{ st.cue }}”</span> · {% endif %}{% include "archive/_statement_status.html" %}
  {% with source=st.source_url|http_url %}{% if source %} · <a href="{{ source }}" rel="external nofollow">original source</a>{% endif %}{% endwith %}
  · <a class="cite-statement" href="{% url 'citations:statement' pk=st.pk ext='txt' %}?style=chicago-notes" title="Cite this {% if st.is_reported %}paraphrase{% else %}statement{% endif %} (more formats in the Cite section)">cite</a>
  {% if st.verification_note %}<p class="note">{{ st.verification_note }}</p>{% endif %}
  {% if st.also_quoted_in %}<p class="also">Also {{ st.cited_as }}: {% for place in st.also_quoted_in %}{% if not forloop.first %}; {% endif %}<a href="{{ place.entry.get_absolute_url }}#{{ place.anchor }}">{{ place.entry.title|default:"Untitled entry" }}</a>{% endfor %}</p>{% endif %}
</li>
"""

#: The Cite section's statement loop (archive/includes/cite.html) as the template wrote it.
CITE_STATEMENTS_BEFORE = """{% load citation_tags %}    <ul>
    {% for st in statements %}
      <li><a href="#{{ st.anchor }}">{% include "archive/_statement_words.html" with words=st.quote|truncatewords:12 %}</a>{% if st.speaker %} ({% if st.is_reported %}according to {% endif %}{{ st.speaker.name }}){% endif %}:
        <a href="{% url 'citations:statement' pk=st.pk ext='ris' %}" download>RIS</a> · <a href="{% url 'citations:statement' pk=st.pk ext='bib' %}" download>BibTeX</a> · <a href="{% url 'citations:statement' pk=st.pk ext='json' %}" download>CSL-JSON</a> · <a href="{% url 'citations:statement' pk=st.pk ext='txt' %}?style=chicago-notes">Chicago note</a></li>
    {% endfor %}
    </ul>"""


@pytest.mark.django_db
def test_entry_page_statements_render_exactly_as_the_template_did(client):
    from django.template import engines

    from tests import site_data as make

    speaker = make.agent("Louis <Tompros> & Co")
    other = make.agent("Ana Lim")
    grp = make.group("open source wins", speaker)
    long_words = " ".join(f"word{n}" for n in range(45)) + " & <end>"
    elsewhere = make.entry("Older & <wiser>", paragraphs=['He said "open source wins" and left.'],
                           published_on=datetime.date(2024, 1, 5))
    entry = make.entry("Tariffs & <trade>", paragraphs=[
        'Tompros: "open source wins" again <b>.', "Lim reportedly thinks costs will fall & rise.",
        f'Someone said "{long_words}" too.', 'And "nobody knows" who said it.'])
    make.statement(elsewhere, "open source wins", speaker, group=grp)
    make.statement(entry, "open source wins", speaker, group=grp, cue="said <loudly>",
                   source_url="https://example.org/x?a=1&b=2", verification_note="Checked <against> the record & tape")
    make.statement(entry, "costs will fall & rise", other, kind="reported", verification="disputed")
    make.statement(entry, long_words, other, source_url="javascript:alert(1)", verification="verified")
    make.statement(entry, "nobody knows")
    response = client.get(entry.get_absolute_url())
    html = response.content.decode()
    context = response.context
    item = engines["django"].from_string(ENTRY_STATEMENT_ITEM_BEFORE)
    for group_of in [s["statements"] for s in context["speakers"]] + [context["unattributed"]]:
        before = "".join(item.render({"st": st}) for st in group_of)
        assert f'<ol class="statements">\n      {before}\n      </ol>' in html or \
            f'<ol class="statements">{before}</ol>' in html
    cite = engines["django"].from_string(CITE_STATEMENTS_BEFORE).render({"statements": context["statements"]})
    assert cite in html
    assert "Louis &lt;Tompros&gt; &amp; Co" in cite and "paraphrase:" in html and "Also quoted in" in html
    assert "original source" in html and "javascript" not in html and "word39 …" in html
    assert len(context["unattributed"]) == 1 and len(context["speakers"]) == 2
