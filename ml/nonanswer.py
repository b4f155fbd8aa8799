"""Evidence that an answer does not answer: it restates the question, strings keywords together, or talks of
something else. Each finding quotes the clauses behind it; the scorer caps such an answer's scores."""
from __future__ import annotations

from dataclasses import dataclass, field

from ml.structure import Clause, action_verb, sentences, workplace_terms
from ml.text import FILLER_WORDS, cjk_count, find_phrase, normalise, words

RESTATES_QUESTION = "restates_question"
KEYWORD_STRING = "keyword_string"
OFF_TOPIC = "off_topic"
DIGRESSES = "digresses"
# content-v14 (ml.judgment): not a non-answer but a finding of the same shape: what the candidate says they did or would
# do bends a rule, brushes a risk aside, passes the problem on or promises returns; its figure is the factor the
# scores were multiplied by.
POOR_JUDGMENT = "poor_judgment"

# What HR reads about each finding.
MESSAGES: dict[str, str] = {
    RESTATES_QUESTION: "回答主要是在重复题目，没有说明具体做法或经历",
    KEYWORD_STRING: "回答只罗列了关键词，没有说明具体做法或经历，所列关键词不计分",
    OFF_TOPIC: "回答与题目无关，没有涉及任何评分要点",
    POOR_JUDGMENT: "回答中的做法有变通违规、轻视风险、推卸责任或承诺收益的表述（见引文），得分已折减，请结合上下文判断",
    DIGRESSES: "回答中大段内容与题目无关（谈家庭、学校、爱好或泛泛议论），只有少数句子在回答问题，得分按回答问题的内容比例折减",
}
# Findings that cap the scores (ScorerConfig.non_answer_cap); a digression scales them down instead.
CAPPING = (RESTATES_QUESTION, KEYWORD_STRING, OFF_TOPIC)


@dataclass
class Quote:
    quote: str
    start: float
    end: float


@dataclass
class NonAnswer:
    """One reason an answer is not an answer, with the clauses that show it."""

    kind: str
    message: str
    figure: float  # the measured share behind the finding (e.g. 0.8 of the answer restates the question)
    quotes: list[Quote] = field(default_factory=list)


def clause_quotes(clauses: list[Clause], indexes) -> list[Quote]:
    """The clauses at ``indexes``, in order, as a finding's quotes (at most five)."""
    return [Quote(clauses[i].text, clauses[i].start, clauses[i].end) for i in sorted(indexes)][:5]


def content_chars(text: str) -> int:
    """Chinese characters of ``text`` outside hesitation words."""
    return sum(cjk_count(w) for w in words(text) if w not in FILLER_WORDS)


def is_echo(clause: str, question_text: str, *, share: float) -> bool:
    """True when most of a clause's content words (by characters) are the question's own words."""
    question = normalise(question_text)
    content = [w for w in words(clause) if w not in FILLER_WORDS and len(w) >= 2]
    total = sum(len(w) for w in content)
    if total < 2:
        return False
    return sum(len(w) for w in content if w in question) / total >= share


def pieces(text: str) -> list[str]:
    """A clause cut at spaces too: the recogniser often writes a list said with pauses as "发现差错 核对 复核"."""
    return [p for p in text.split() if content_chars(p) > 0]


def find_non_answers(
    clauses: list[Clause], *, echo: set[int], matched: set[int], on_topic: set[int], config,
    digression: set[int] = frozenset(), phrases: tuple[float, int] = (0.0, 0), answering: float | None = None,
    answering_work: float | None = None,
    framed: tuple[float, int, float] = (0.0, 0, 1.0),
) -> list[NonAnswer]:
    """The non-answer findings of an answer. ``echo``: indexes of clauses restating the question; ``matched``:
    clauses (outside ``echo``) that say a rubric point; ``on_topic``: clauses of sentences naming the question's,
    the rubric's or the job's words. A bare piece is a short piece (ml.nonanswer.pieces) of a matched clause:
    nothing but a key phrase."""
    spoken = [i for i, c in enumerate(clauses) if content_chars(c.text) > 0]
    total = sum(content_chars(clauses[i].text) for i in spoken)
    if not total:
        return []

    def quotes(indexes) -> list[Quote]:
        return clause_quotes(clauses, indexes)

    found = []
    echo_share = sum(content_chars(clauses[i].text) for i in echo) / total
    if echo_share >= config.restate_share:
        found.append(NonAnswer(RESTATES_QUESTION, MESSAGES[RESTATES_QUESTION], round(echo_share, 3), quotes(echo)))
    all_pieces = sum(len(pieces(clauses[i].text)) for i in spoken)
    # Bare pieces are counted where the answer is on the question's subject (a clause saying a rubric point, or
    # in a sentence naming the question's, the rubric's or the job's words): a keyword string need not use the
    # very phrases HR typed.
    bare_pieces = {i: sum(content_chars(p) <= config.bare_clause_chars for p in pieces(clauses[i].text))
                   for i in (matched | on_topic) - echo}
    bare = {i for i, n in bare_pieces.items() if n}
    bare_share = sum(bare_pieces.values()) / all_pieces
    # ``phrases``: the share of the answer's content that is the rubric's phrases, and how many distinct ones.
    phrase_share, distinct_phrases = phrases
    if sum(bare_pieces.values()) >= config.keyword_string_clauses and bare_share >= config.keyword_string_share:
        found.append(NonAnswer(KEYWORD_STRING, MESSAGES[KEYWORD_STRING], round(bare_share, 3), quotes(bare)))
    elif phrase_share >= config.keyword_phrase_share and distinct_phrases >= config.keyword_string_clauses:
        found.append(NonAnswer(KEYWORD_STRING, MESSAGES[KEYWORD_STRING], round(phrase_share, 3),
                               quotes(sorted(matched - echo) or spoken)))
    elif ((framed[0] >= config.keyword_frame_share
           and framed[1] >= max(config.keyword_frame_phrases, config.keyword_frame_density * total)
           and framed[2] <= config.keyword_frame_specificity)
          # content-v17: the dense bound asks for the framed bound's density too (a short plain answer saying twelve
          # of the rubric's words in its sentences was capped: heldout27's nc1_average, one per 8 characters).
          or (framed[0] >= config.keyword_dense_share
              and framed[1] >= max(config.keyword_dense_phrases, config.keyword_frame_density * total)
              and framed[2] <= config.keyword_dense_specificity)):
        # content-v7: ``framed``: the share of the answer's own words (its sentence frame set aside) that are the
        # rubric's phrases (ml.semantic.framed_phrase_share), how many distinct ones, and the answer's specificity (a
        # story with its steps, figures and people is not a list, however many rubric words it says).
        found.append(NonAnswer(KEYWORD_STRING, MESSAGES[KEYWORD_STRING], round(framed[0], 3),
                               quotes(sorted(matched - echo) or spoken)))
    on_topic_share = sum(content_chars(clauses[i].text) for i in set(spoken) & (on_topic - echo)) / total
    if not found and not matched and on_topic_share < config.off_topic_share:
        off = [i for i in spoken if i not in on_topic]
        found.append(NonAnswer(OFF_TOPIC, MESSAGES[OFF_TOPIC], round(1 - on_topic_share, 3), quotes(off)))
    digression_share = digressed_share(clauses, digression)
    # content-v6: a digression (a cue of family, school, hobbies...) of any length, in an answer a quarter or more of
    # which does not answer (``answering``, ml.nonanswer.answering_share), digresses as much as a long one: the talk
    # around a short cued digression (开车、投资都有风险) says nothing of the question either. content-v15: only when the
    # cued digression is at least digression_answering_min of the answer, or less than digression_answering_floor of it
    # talks about the question or the job's work at all (``answering_work``: answering_share with work=True): one cued
    # clause in a story told in one's own words (周末两天在园区食堂摆开, 我在网点实习时) made the rest of the story, which
    # names few of the rubric's words, count as not answering.
    cued = (digression_share >= config.digression_answering_min
            or answering_work is None or answering_work < config.digression_answering_floor)
    unanswered = 1.0 - answering if answering is not None and digression and cued else 0.0
    if not found and max(digression_share, unanswered) >= config.digression_share:
        found.append(NonAnswer(DIGRESSES, MESSAGES[DIGRESSES], round(digression_share, 3), quotes(digression)))
    return found


def digressed_share(clauses: list[Clause], digression: set[int]) -> float:
    """Share of the answer's content characters said in digressing clauses."""
    total = sum(content_chars(c.text) for c in clauses)
    return sum(content_chars(clauses[i].text) for i in digression) / total if total else 0.0


def answering_share(clauses: list[Clause], evidence: set[int], digression: set[int], topic: list[str], *,
                    work: bool = False) -> float:
    """Share of the answer's content characters that answer the question: outside the digressions, a clause that
    says a rubric point (``evidence``), shares a sentence with one, or names a word of the question or its rubric
    (``topic``).

    content-v5: in an answer that digresses, talk that names no digression cue (a colleague who counts fast, how
    busy the month's end is) and says nothing of the question is no answer either; the scores are scaled by this
    share when it is below the share that is not digression, so one relevant sentence in a long answer counts for
    as much of it as it is.

    content-v15, with ``work``: a clause that talks about the job's work (a word of bank work:
    ml.structure.workplace_terms) or says what the candidate did (ml.structure.action_verb) counts too: how much of the
    answer is about the job at all (a story told in one's own words is, without the rubric's words; talk of life is not)."""
    terms = workplace_terms()
    total = sum(content_chars(c.text) for c in clauses)
    if not total:
        return 0.0
    answering = 0
    for sentence in sentences(clauses):
        says_point = any(i in evidence for i in sentence)
        for i in sentence:
            if i in digression:
                continue
            text = clauses[i].text
            if (says_point or any(find_phrase(w, text) for w in topic)
                    or work and (any(t in text for t in terms) or action_verb(text) is not None)):
                answering += content_chars(text)
    return answering / total
