"""Marshmallow schemas shared by the HR and candidate views."""
from __future__ import annotations

import marshmallow as ma


class CandidateSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=100))
    phone = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Regexp(r"^\+?[0-9 \-]{5,20}$"))
    email = ma.fields.Email(load_default=None, allow_none=True)
    created_at = ma.fields.AwareDateTime(dump_only=True)


class SegmentSchema(ma.Schema):
    start = ma.fields.Float()
    end = ma.fields.Float()
    text = ma.fields.String()
    confidence = ma.fields.Float()


class RequirementEvidenceSchema(ma.Schema):
    requirement = ma.fields.String()
    label = ma.fields.String()
    met = ma.fields.Boolean()
    cue = ma.fields.String(allow_none=True)
    quote = ma.fields.String(allow_none=True)
    start = ma.fields.Float(allow_none=True)
    end = ma.fields.Float(allow_none=True)


class MeaningPairSchema(ma.Schema):
    point_word = ma.fields.String(metadata={"description": "a word of the rubric point (HR's phrase or the point's text)"})
    answer_word = ma.fields.String(metadata={"description": "its closest word in the answer"})
    similarity = ma.fields.Float(metadata={"description": "cosine similarity of their word vectors"})
    quote = ma.fields.String(metadata={"description": "the clause the answer word was said in"})
    start = ma.fields.Float(allow_none=True)
    end = ma.fields.Float(allow_none=True)


class MeaningSchema(ma.Schema):
    similarity = ma.fields.Float(metadata={
        "description": "mean over the point's words of their closest answer word's similarity (each answer word once)"})
    credit = ma.fields.Float(metadata={"description": "the point's content credit from it: 0 at 0.5, 1 at 0.7"})
    pairs = ma.fields.List(ma.fields.Nested(MeaningPairSchema), metadata={"description": "the closest pairs, at most 3"})


class EvidenceSchema(ma.Schema):
    point_id = ma.fields.String()
    point_text = ma.fields.String()
    found = ma.fields.Boolean()
    phrase = ma.fields.String(allow_none=True)
    quote = ma.fields.String(allow_none=True)
    start = ma.fields.Float(allow_none=True)
    end = ma.fields.Float(allow_none=True)
    match = ma.fields.String(allow_none=True, metadata={
        "description": "exact | pinyin | split (a word said apart) | part (the head of HR's phrase or a looser synonym: "
                       "half the point's content) | meaning (said in other words: how close the answer's words come to "
                       "the point's, by word vectors; see meaning)"})
    matched_text = ma.fields.String(allow_none=True, metadata={"description": "the transcript's characters that matched"})
    source = ma.fields.String(allow_none=True, metadata={
        "description": "key_phrase | rubric_text | synonym | head (the head of HR's phrase) | related (a Cilin synonym "
                       "sharing no character) | word_vectors (match meaning)"})
    synonym_of = ma.fields.String(allow_none=True)
    meaning = ma.fields.Nested(MeaningSchema, allow_none=True, metadata={
        "description": "content-v8, match meaning: how close the answer's words came to the point's (word vectors)"})
    requirements = ma.fields.List(ma.fields.Nested(RequirementEvidenceSchema), metadata={
        "description": "the point's structural requirements, each met or not, with the quote that meets it"})
    credit = ma.fields.Float(allow_none=True, metadata={"description": "share of the point met (content and structure)"})


class AnswerStatusSchema(ma.Schema):
    """What a candidate may see of their own answer: that it arrived and whether it can be used, never a score."""

    id = ma.fields.UUID()
    question_id = ma.fields.UUID()
    attempt = ma.fields.Integer()
    status = ma.fields.String()
    status_reason = ma.fields.String(allow_none=True)
    status_message = ma.fields.String(allow_none=True)
    started_at = ma.fields.AwareDateTime()
    record_by = ma.fields.AwareDateTime()
    segment_count = ma.fields.Integer(allow_none=True)
    submitted_at = ma.fields.AwareDateTime(allow_none=True)
    created_at = ma.fields.AwareDateTime()


class RecordingSchema(ma.Schema):
    """One stored recorded segment of an answer."""

    id = ma.fields.UUID()
    index = ma.fields.Integer()
    sha256 = ma.fields.String()
    bytes = ma.fields.Integer()
    media_type = ma.fields.String()
    duration_seconds = ma.fields.Float(allow_none=True)


class CheckedObject(ma.fields.Nested):
    """A JSON object a service checks (with its own 422s naming each key), documented and returned with a schema."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict):
            raise ma.ValidationError("Not a valid mapping type.")
        return value


def number_map(description: str | None = None, **kwargs) -> ma.fields.Dict:
    """A JSON object of name -> number (or null): competency scores, weights, features, figures."""
    metadata = {"description": description} if description else {}
    return ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float(allow_none=True), metadata=metadata, **kwargs)


class FiguresSchema(ma.Schema):
    """Measured delivery figures (never inferred traits)."""

    duration_s = ma.fields.Float(allow_none=True)
    speech_s = ma.fields.Float(allow_none=True)
    speech_rate_cpm = ma.fields.Float(allow_none=True, metadata={"description": "characters per minute of speech"})
    pause_count_over_2s = ma.fields.Integer(allow_none=True)
    longest_pause_s = ma.fields.Float(allow_none=True)
    silent_share = ma.fields.Float(allow_none=True)
    fillers_per_100_chars = ma.fields.Float(allow_none=True)
    loudness_std_db = ma.fields.Float(allow_none=True)
    time_limit_share = ma.fields.Float(allow_none=True)


class TimingsSchema(ma.Schema):
    decode_s = ma.fields.Float()
    vad_s = ma.fields.Float()
    asr_s = ma.fields.Float()
    content_s = ma.fields.Float()
    segments_recognised_before = ma.fields.Integer(
        metadata={"description": "segments already recognised as they landed when the scoring began (asr_s is the rest)"})


class StarPartSchema(ma.Schema):
    part = ma.fields.String(metadata={"description": "situation | task | action | result"})
    label = ma.fields.String(metadata={"description": "情境 | 任务 | 行动 | 结果"})
    found = ma.fields.Boolean()
    cue = ma.fields.String(allow_none=True)
    quote = ma.fields.String(allow_none=True)
    start = ma.fields.Float(allow_none=True)
    end = ma.fields.Float(allow_none=True)
    match = ma.fields.String(allow_none=True)
    matched_text = ma.fields.String(allow_none=True)
    numbers = ma.fields.List(ma.fields.String())


class QuotedWordSchema(ma.Schema):
    word = ma.fields.String()
    quote = ma.fields.String()
    start = ma.fields.Float()
    end = ma.fields.Float()
    match = ma.fields.String()
    matched_text = ma.fields.String()


class StructureSchema(ma.Schema):
    behavioural = ma.fields.Boolean()
    star = ma.fields.List(ma.fields.Nested(StarPartSchema))
    star_score = ma.fields.Float(allow_none=True)
    connectives = ma.fields.List(ma.fields.Nested(QuotedWordSchema))
    connectives_score = ma.fields.Float()


class RelevanceSchema(ma.Schema):
    topic_words = ma.fields.List(ma.fields.String())
    found = ma.fields.List(ma.fields.Nested(QuotedWordSchema))
    missed = ma.fields.List(ma.fields.String())
    score = ma.fields.Float()


class SpecificitySchema(ma.Schema):
    steps = ma.fields.List(ma.fields.Nested(QuotedWordSchema), metadata={"description": "actions the candidate took"})
    figures = ma.fields.List(ma.fields.Nested(QuotedWordSchema))
    stakeholders = ma.fields.List(ma.fields.Nested(QuotedWordSchema))
    score = ma.fields.Float()


class QuoteSchema(ma.Schema):
    quote = ma.fields.String()
    start = ma.fields.Float()
    end = ma.fields.Float()


class NonAnswerSchema(ma.Schema):
    kind = ma.fields.String(metadata={"description": "restates_question | keyword_string | off_topic | digresses | "
                                                     "poor_judgment (content-v14: quoted cues of a rule bent, a risk "
                                                     "brushed aside, a problem passed on, returns promised; content-v15: "
                                                     "a problem kept from the supervisor, a shortfall covered from one's "
                                                     "own pocket, signing or keying in for the customer, a check "
                                                     "skipped, a quarrel, a gift kept; content-v16: a step waved off "
                                                     "with the least effort)"})
    message = ma.fields.String()
    figure = ma.fields.Float(metadata={"description": "the measured share behind the finding (poor_judgment: the factor "
                                                      "the scores were multiplied by)"})
    quotes = ma.fields.List(ma.fields.Nested(QuoteSchema))


class CorrectionSchema(ma.Schema):
    heard = ma.fields.String(metadata={"description": "what the recogniser wrote"})
    corrected = ma.fields.String(metadata={"description": "the job's word that sounds the same"})
    start = ma.fields.Float()
    end = ma.fields.Float()
    segment = ma.fields.Integer()


class WeightedScoreSchema(ma.Schema):
    """How one score was computed: the features it used, their scaled weights and the rubric points behind it."""

    features = number_map()
    weights = number_map()
    rubric_points = ma.fields.List(ma.fields.String())
    capped_at = ma.fields.Float(metadata={"description": "the cap applied to a non-answer's score"})


class ScoreBreakdownSchema(ma.Schema):
    content = ma.fields.Nested(WeightedScoreSchema)
    competencies = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Nested(WeightedScoreSchema))


class AnswerAnalysisSchema(ma.Schema):
    structure = ma.fields.Nested(StructureSchema)
    relevance = ma.fields.Nested(RelevanceSchema)
    features = number_map("the in-score feature values (0-1); null when a feature does not apply")
    score_breakdown = ma.fields.Nested(ScoreBreakdownSchema)
    specificity = ma.fields.Nested(SpecificitySchema)
    non_answers = ma.fields.List(ma.fields.Nested(NonAnswerSchema), metadata={
        "description": "why the answer is not really an answer (its scores are capped), quoted"})
    transcript_corrections = ma.fields.List(ma.fields.Nested(CorrectionSchema))
    raw_transcript = ma.fields.String(metadata={"description": "the recogniser's text before homophone correction"})


class IntegrityFlagDetailSchema(ma.Schema):
    frames_sampled = ma.fields.Integer()
    frames_without_face = ma.fields.Integer()
    share_of_sampled_time = ma.fields.Float()
    longest_gap_s = ma.fields.Float()
    frames_with_multiple_faces = ma.fields.Integer()
    max_faces_in_a_frame = ma.fields.Integer()
    thresholds = number_map("the thresholds the flag was raised at")


class IntegrityFlagSchema(ma.Schema):
    kind = ma.fields.String(metadata={"description": "no_face | multiple_faces"})
    ranges = ma.fields.List(ma.fields.List(ma.fields.Float()), metadata={"description": "[start_s, end_s] pairs"})
    detail = ma.fields.Nested(IntegrityFlagDetailSchema)


class IntegritySegmentSchema(ma.Schema):
    segment = ma.fields.Integer()
    unreadable = ma.fields.String(metadata={"description": "why this segment's video could not be checked"})
    video_present = ma.fields.Boolean()
    seconds = ma.fields.Float()
    frames_sampled = ma.fields.Integer()
    sample_interval_s = ma.fields.Float()
    face_counts = ma.fields.List(ma.fields.List(ma.fields.Float()), metadata={"description": "[time_s, faces] per frame"})
    flags = ma.fields.List(ma.fields.Nested(IntegrityFlagSchema))
    features = ma.fields.List(ma.fields.String())
    for_human_review_only = ma.fields.Boolean()


class IntegritySchema(ma.Schema):
    """Face-count flags for human review; never part of a score. Empty for audio-only answers."""

    segments = ma.fields.List(ma.fields.Nested(IntegritySegmentSchema))
    flagged = ma.fields.Boolean()
    for_human_review_only = ma.fields.Boolean()


class AnswerDetailSchema(AnswerStatusSchema):
    """HR's view of an answer: transcript with timestamps, measured figures, scores and the evidence behind them."""

    recordings = ma.fields.List(ma.fields.Nested(RecordingSchema))
    duration_seconds = ma.fields.Float(allow_none=True)
    transcript = ma.fields.String(allow_none=True)
    segments = ma.fields.List(ma.fields.Nested(SegmentSchema))
    figures = ma.fields.Nested(FiguresSchema)
    evidence = ma.fields.List(ma.fields.Nested(EvidenceSchema))
    analysis = ma.fields.Nested(AnswerAnalysisSchema, metadata={
        "description": "STAR parts and connectives with quotes and times, relevance words found and missed, the "
                       "in-score feature values and the breakdown each score was computed from"})
    content_score = ma.fields.Float(allow_none=True)
    competency_scores = number_map()
    scorer_version = ma.fields.String(allow_none=True)
    config_hash = ma.fields.String(allow_none=True)
    asr_engine = ma.fields.String(allow_none=True)
    timings = ma.fields.Nested(TimingsSchema)
    integrity = ma.fields.Nested(IntegritySchema, metadata={"description": "face-count flags for human review; never part of a score"})
    scored_at = ma.fields.AwareDateTime(allow_none=True)


class EventSchema(ma.Schema):
    id = ma.fields.UUID()
    kind = ma.fields.String()
    actor_type = ma.fields.String()
    actor_id = ma.fields.UUID(allow_none=True)
    from_state = ma.fields.String(allow_none=True)
    to_state = ma.fields.String(allow_none=True)
    reason = ma.fields.String(allow_none=True)
    data = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Raw(),
                          metadata={"description": "free-form facts of the event, by kind (ids, scores, the message sent)"})
    created_at = ma.fields.AwareDateTime()


class ApplicationSchema(ma.Schema):
    id = ma.fields.UUID(dump_only=True)
    job_id = ma.fields.UUID(required=True)
    candidate_id = ma.fields.UUID(dump_only=True)
    state = ma.fields.String(dump_only=True)
    created_at = ma.fields.AwareDateTime(dump_only=True)
    updated_at = ma.fields.AwareDateTime(dump_only=True)
    legal_hold_reason = ma.fields.String(dump_only=True, allow_none=True,
                                         metadata={"description": "set: a legal hold blocks erasure and retention purges"})
    legal_hold_at = ma.fields.AwareDateTime(dump_only=True, allow_none=True)
    erased_at = ma.fields.AwareDateTime(dump_only=True, allow_none=True,
                                        metadata={"description": "the candidate's personal data was erased"})
    media_purged_at = ma.fields.AwareDateTime(dump_only=True, allow_none=True,
                                              metadata={"description": "recordings removed after their retention period"})
    transcripts_purged_at = ma.fields.AwareDateTime(dump_only=True, allow_none=True)



class ContributionSchema(ma.Schema):
    source = ma.fields.String(metadata={"description": "a question id (for a competency) or a competency (for the overall)"})
    score = ma.fields.Float()
    weight = ma.fields.Float()
    share = ma.fields.Float()
    points = ma.fields.Float()


class ExcludedSchema(ma.Schema):
    question_id = ma.fields.String()
    weight = ma.fields.Float()
    reason = ma.fields.String(allow_none=True)


class CompetencyRollupSchema(ma.Schema):
    name = ma.fields.String()
    score = ma.fields.Float(allow_none=True)
    status = ma.fields.String(metadata={"description": "scored | insufficient_evidence"})
    reason = ma.fields.String(allow_none=True)
    detail = ma.fields.String(allow_none=True)
    job_weight = ma.fields.Float()
    contributions = ma.fields.List(ma.fields.Nested(ContributionSchema))
    excluded = ma.fields.List(ma.fields.Nested(ExcludedSchema))


class CalibratedAnswerSchema(ma.Schema):
    ai = ma.fields.Float(allow_none=True)
    calibrated = ma.fields.Float(allow_none=True)


class CalibrationNoteSchema(ma.Schema):
    """Which adopted weights changed which answer's score (the scorer's own score beside the calibrated one)."""

    version = ma.fields.Integer()
    id = ma.fields.String()
    feature_names = ma.fields.List(ma.fields.String())
    weights = number_map()
    answers = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Nested(CalibratedAnswerSchema),
                             metadata={"description": "per question id"})


class InterviewRollupSchema(ma.Schema):
    overall = ma.fields.Float(allow_none=True)
    status = ma.fields.String(metadata={"description": "scored | insufficient_evidence"})
    reason = ma.fields.String(allow_none=True)
    detail = ma.fields.String(allow_none=True)
    covered_weight_share = ma.fields.Float()
    min_coverage = ma.fields.Float()
    competencies = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Nested(CompetencyRollupSchema))
    contributions = ma.fields.List(ma.fields.Nested(ContributionSchema))
    rollup_version = ma.fields.String()
    config_hash = ma.fields.String()
    shadow_mode = ma.fields.Boolean()
    calibration = ma.fields.Nested(CalibrationNoteSchema, allow_none=True)


class ProposalSchema(ma.Schema):
    """An advance proposal (never a rejection); absent fields mean no proposal."""

    decision = ma.fields.String(metadata={"description": "always advance"})
    action = ma.fields.String(metadata={"description": "propose (HR confirms) | auto_advance (the job's opt-in)"})
    overall = ma.fields.Float()
    threshold = ma.fields.Float()
    requires_confirmation = ma.fields.Boolean()
    reason = ma.fields.String()
    rollup_version = ma.fields.String()


class FeedbackOverallSchema(ma.Schema):
    evaluated = ma.fields.Boolean()
    band = ma.fields.String(allow_none=True)
    note = ma.fields.String(allow_none=True)


class FeedbackCompetencySchema(FeedbackOverallSchema):
    competency = ma.fields.String()
    strengths = ma.fields.List(ma.fields.String())
    gaps = ma.fields.List(ma.fields.String())
    suggestions = ma.fields.List(ma.fields.String())


class FeedbackSchema(ma.Schema):
    """The candidate's feedback report: coarse bands and plain-Chinese tips, no numbers."""

    overall = ma.fields.Nested(FeedbackOverallSchema)
    competencies = ma.fields.List(ma.fields.Nested(FeedbackCompetencySchema))
    storytelling = ma.fields.List(ma.fields.String())
    about = ma.fields.String()


class InterviewResultSchema(ma.Schema):
    """The interview's roll-up per competency with contributions, the advance proposal and the feedback report."""

    application_id = ma.fields.UUID()
    overall = ma.fields.Float(allow_none=True)
    status = ma.fields.String()
    score = ma.fields.Nested(InterviewRollupSchema)
    proposal = ma.fields.Nested(ProposalSchema)
    feedback = ma.fields.Nested(FeedbackSchema)
    rollup_version = ma.fields.String()
    config_hash = ma.fields.String()
    computed_at = ma.fields.AwareDateTime()
    released_at = ma.fields.AwareDateTime(allow_none=True)


class OnboardingLoginSchema(ma.Schema):
    """How a new hire signs in: the link to their onboarding page and the one-time code (shown to HR once)."""

    case_id = ma.fields.UUID()
    login_url = ma.fields.String()
    login_code = ma.fields.String()
