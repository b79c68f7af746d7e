"""The stored Markdown of a statement: parsed into blocks, written back unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aiconsult_desktop.domain.markdown_doc import (
    Block,
    BlockKind,
    MarkdownDoc,
    Span,
    normalise,
    to_markdown,
    word_count,
)
from aiconsult_desktop.domain.markdown_parse import parse_inline, parse_markdown

# Letters users type, and every character Markdown could take for syntax.
ALPHABET = "abcéèàçœ ÉZ019«»’'.,;:!?()-–+#>=*_[]<>&\\`^~|\t\u00a0😀"

words = st.text(alphabet=ALPHABET, min_size=1, max_size=12)
formats = st.tuples(st.booleans(), st.booleans(), st.booleans())
note_text = st.lists(
    st.builds(lambda w, f: Span(w, *f), words, formats), min_size=1, max_size=3
).map(tuple)


@st.composite
def spans(draw: st.DrawFn) -> tuple[Span, ...]:
    """Words in their formats; a note may follow any word."""
    result: list[Span] = []
    for _ in range(draw(st.integers(1, 6))):
        if result:
            result.append(Span(draw(st.sampled_from([" ", " ", "", "\u00a0"]))))
        bold, italic, underline = draw(formats)
        result.append(Span(draw(words), bold, italic, underline))
        if draw(st.integers(0, 5)) == 0:
            result.append(Span(note=draw(note_text)))
    return tuple(result)


blocks = st.builds(
    lambda kind, level, new_list, content: Block(kind, content, level, new_list),
    st.sampled_from(list(BlockKind)),
    st.integers(1, 3),
    st.booleans(),
    spans(),
)
documents = st.lists(blocks, max_size=8).map(lambda b: normalise(MarkdownDoc(tuple(b))))


@settings(max_examples=120, deadline=None)
@given(documents)
def test_canonical_markdown_reads_back_as_the_same_document(doc: MarkdownDoc) -> None:
    markdown = to_markdown(doc)
    again = parse_markdown(markdown)
    assert again == doc
    assert to_markdown(again) == markdown


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=ALPHABET + "\n", max_size=200))
def test_any_text_settles_on_one_canonical_form(text: str) -> None:
    once = to_markdown(parse_markdown(text))
    assert to_markdown(parse_markdown(once)) == once


def test_the_demo_statement_with_its_note_is_already_canonical() -> None:
    text = (
        "Pour la CGT :\n- Exigence de transparence et redevabilité[^1]\n- Évaluation\n\n"
        "[^1]: Le terme de redevabilité est la traduction française."
    )
    doc = parse_markdown(text)
    assert to_markdown(doc) == text
    item = doc.blocks[1]
    assert item.kind is BlockKind.BULLET
    assert item.spans[-1].note == (Span("Le terme de redevabilité est la traduction française."),)


def test_one_line_is_one_paragraph_as_in_the_plain_editor() -> None:
    doc = parse_markdown("Premier paragraphe.\nSecond paragraphe.")
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_notes_inside_a_list_item_and_a_quotation() -> None:
    doc = parse_markdown("1. Point[^a]\n\n> Cité[^b]\n\n[^a]: Note A.\n[^b]: Note B.")
    assert doc.blocks[0].spans[1].note == (Span("Note A."),)
    assert doc.blocks[1].kind is BlockKind.QUOTE
    assert doc.blocks[1].spans[1].note == (Span("Note B."),)


def test_two_numbered_lists_in_a_row_stay_two_lists() -> None:
    doc = MarkdownDoc(
        (
            Block(BlockKind.NUMBERED, (Span("a"),), new_list=True),
            Block(BlockKind.NUMBERED, (Span("b"),), new_list=True),
        )
    )
    assert parse_markdown(to_markdown(doc)) == doc


def test_underline_and_bold_next_to_letters_read_back() -> None:
    doc = parse_markdown("dé<b>jà</b> <u>souligné</u> **gras**")
    assert doc.blocks[0].spans == (
        Span("dé"),
        Span("jà", bold=True),
        Span(" "),
        Span("souligné", underline=True),
        Span(" "),
        Span("gras", bold=True),
    )


def test_word_count_leaves_out_notes_and_note_text_is_inline() -> None:
    doc = parse_markdown("Un deux trois[^1].\n\n[^1]: quatre cinq")
    assert word_count(doc) == 3
    assert parse_inline("une *note*") == (Span("une "), Span("note", italic=True))


def test_a_blank_line_typed_is_an_empty_paragraph_kept_in_the_markdown() -> None:
    typed = MarkdownDoc(
        (
            Block(BlockKind.PARAGRAPH, ()),  # at the start: prints as nothing, dropped
            Block(BlockKind.PARAGRAPH, (Span("Un"),)),
            Block(BlockKind.PARAGRAPH, ()),
            Block(BlockKind.PARAGRAPH, ()),
            Block(BlockKind.BULLET, (Span("point"),)),
            Block(BlockKind.QUOTE, (Span(" "),)),  # an empty line, wherever typed
            Block(BlockKind.PARAGRAPH, (Span("Deux"),)),
            Block(BlockKind.PARAGRAPH, ()),
        )
    )
    markdown = to_markdown(typed)
    assert markdown == "Un\n&nbsp;\n&nbsp;\n- point\n\n&nbsp;\nDeux"
    assert [len(b.spans) for b in parse_markdown(markdown).blocks] == [1, 0, 0, 1, 0, 1]
    assert parse_markdown(markdown) == normalise(typed)
    # Texts stored before: a blank line between paragraphs only separates them.
    assert parse_markdown("Un\n\nDeux") == parse_markdown("Un\nDeux")
