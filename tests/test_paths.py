"""archive/paths.py: the paths of records built from one resolved path per kind are the
ones ``reverse()`` gives, under any script prefix, and what ``reverse()`` refuses is
still refused."""
import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from archive.paths import pk_path, slug_path


@pytest.fixture
def prefix():
    yield set_script_prefix
    set_script_prefix("/")


@pytest.mark.parametrize("viewname", ["archive:entry", "archive:person", "archive:outlet", "archive:tag"])
@pytest.mark.parametrize("slug", ["deepseek-a-seed-1", "qi_dapeng", "x", "2025"])
def test_slug_paths_are_reverses(viewname, slug):
    assert slug_path(viewname, slug) == reverse(viewname, args=[slug])


@pytest.mark.parametrize("ext", ["ris", "bib", "json", "txt"])
@pytest.mark.parametrize("pk", [0, 7, 918273645, 10**12])
def test_pk_paths_are_reverses(ext, pk):
    assert pk_path("citations:statement", pk, ext=ext) == reverse("citations:statement", kwargs={"pk": pk, "ext": ext})


def test_paths_follow_the_script_prefix(prefix):
    assert slug_path("archive:person", "qi-dapeng") == "/people/qi-dapeng/"
    prefix("/archive/")
    assert slug_path("archive:person", "qi-dapeng") == reverse("archive:person", args=["qi-dapeng"]) \
        == "/archive/people/qi-dapeng/"
    assert pk_path("citations:statement", 5, ext="ris") == "/archive/statements/5/cite.ris"


@pytest.mark.parametrize("slug", ["", "with space", "a/b", "ünï"])
def test_what_reverse_refuses_is_still_refused(slug):
    with pytest.raises(NoReverseMatch):
        reverse("archive:person", args=[slug])
    with pytest.raises(NoReverseMatch):
        slug_path("archive:person", slug)


def test_what_is_not_a_slug_string_goes_through_reverse():
    assert slug_path("archive:person", None) == reverse("archive:person", args=[None])


def test_an_id_that_is_not_a_number_goes_through_reverse():
    assert pk_path("citations:statement", "12", ext="bib") == "/statements/12/cite.bib"
    with pytest.raises(NoReverseMatch):
        pk_path("citations:statement", -1, ext="bib")
