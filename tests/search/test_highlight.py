"""highlight(): the words as written are marked, whatever their case or ending."""

from search.analysis import analyse_word
from search.highlight import highlight


def terms(*words):
    return {analyse_word(word) for word in words}


def test_marks_inflected_words_as_written():
    html = highlight("Городская среда и городские пространства.", terms("городской", "пространство"))
    assert html == "<mark>Городская</mark> среда и <mark>городские</mark> <mark>пространства</mark>."


def test_prefix_terms_mark_words_that_start_with_them():
    html = highlight("Қала және қалалық орта", set(), {"кал"})
    assert html == "<mark>Қала</mark> және <mark>қалалық</mark> орта"


def test_text_around_the_marks_is_escaped():
    html = highlight('<b>transport</b> & "planning"', terms("transport"))
    assert html == "&lt;b&gt;<mark>transport</mark>&lt;/b&gt; &amp; &quot;planning&quot;"


def test_a_long_text_is_cut_to_the_window_with_most_matches():
    text = "вступление " * 40 + "велосипед и велосипеды на улицах " + "заключение " * 40
    html = highlight(text, terms("велосипед"), max_chars=120)
    assert html.startswith("…") and html.endswith("…")
    assert html.count("<mark>") == 2
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= 122


def test_no_match_keeps_the_opening_of_the_text():
    text = "Балтийский треугольник в Ливерпуле. " * 20
    html = highlight(text, terms("транспорт"), max_chars=100)
    assert "<mark>" not in html
    assert html.startswith("Балтийский треугольник") and html.endswith("…")
