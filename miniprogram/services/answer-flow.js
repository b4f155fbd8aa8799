// One started question, from the server's StartedQuestion to a submitted answer: the server's think and answer
// seconds (the candidate's accommodation applied), its segment length and max_segments drive the segment recorder;
// the upload queue sends each finished segment while the next one records, and the last one (with the count)
// when the candidate submits. The answer counts as submitted only when all its segments are on the server.
const { createSegmentRecorder } = require('./recorder')

const REVIEW_RESERVE_SECONDS = 15 // recording ends at least this long before the server's window closes (提交/重答)
const AUTO_SUBMIT_SECONDS = 8 // a review still open this long before the window closes is submitted, not lost

/** What the page and the recorder need from POST /api/candidate/questions/<id>/start, on the phone's clock. */
function answerPlan(started, receivedAt = Date.now()) {
  const question = started.question
  const windowMs = new Date(started.record_by).getTime() - new Date(started.started_at).getTime()
  return {
    answerId: started.answer_id,
    questionId: question.id,
    practice: !!question.practice,
    thinkSeconds: question.think_seconds,
    answerSeconds: question.answer_seconds,
    segmentSeconds: started.segment_max_seconds,
    maxSegments: started.max_segments,
    attemptsLeft: question.attempts_left,
    thinkUntil: receivedAt + question.think_seconds * 1000,
    // record_by measured from the moment the reply arrived: a phone clock that is off does not matter
    deadlineAt: receivedAt + windowMs,
  }
}

/** Release an answer's held last segment with the count, and wait until every segment of it is uploaded. */
async function submitAnswer(queue, answerId, count) {
  await queue.release(answerId, { count })
  await queue.drainAnswer(answerId)
}

function createAnswerFlow({ wx, camera, queue, plan, now = Date.now, stopMarginMs, extension = 'mp4', onChange = () => {},
  onFinished = () => {} }) {
  let recorder = null
  let saving = []

  function answerSeconds() {
    const windowLeft = Math.floor((plan.deadlineAt - now()) / 1000) - REVIEW_RESERVE_SECONDS
    return Math.max(1, Math.min(plan.answerSeconds, windowLeft))
  }

  function start() {
    saving = []
    const seconds = answerSeconds()
    recorder = createSegmentRecorder({
      wx,
      camera,
      answerSeconds: seconds,
      segmentSeconds: plan.segmentSeconds,
      maxSegments: plan.maxSegments,
      ...(stopMarginMs === undefined ? {} : { stopMarginMs }),
      now,
      onChange,
      onSegment: (segment) => {
        saving.push(queue.addSegment({
          answerId: plan.answerId, questionId: plan.questionId, index: segment.index, tempFilePath: segment.tempFilePath,
          extension, deadlineAt: plan.deadlineAt, practice: plan.practice,
        }))
      },
      // the next segment records: every earlier one is not the last, and goes up now
      onSegmentStart: ({ index }) => { if (index > 0) queue.release(plan.answerId) },
      onFinished,
    })
    recorder.start()
    return seconds
  }

  async function submit() {
    const count = recorder.segments.length
    await Promise.all(saving)
    await submitAnswer(queue, plan.answerId, count)
    return count
  }

  async function retake() {
    if (recorder) await recorder.retake()
    await Promise.all(saving.map((p) => p.catch(() => {})))
    await queue.discardAnswer(plan.answerId)
  }

  return {
    start,
    submit,
    retake,
    saved: () => Promise.all(saving), // every finished segment is in the queue (storage + saved file)
    finish: () => recorder && recorder.finish(),
    dispose: () => recorder && recorder.dispose(),
    remainingMs: () => (recorder ? recorder.remainingMs() : plan.answerSeconds * 1000),
    get recorder() { return recorder },
  }
}

module.exports = { answerPlan, createAnswerFlow, submitAnswer, REVIEW_RESERVE_SECONDS, AUTO_SUBMIT_SECONDS }
