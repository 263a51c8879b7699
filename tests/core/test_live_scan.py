"""core.live_scan: the two-identical-reads rule and the live scanner on generated webcam clips.

The clips (bench/qr_sequences.py, dev seeds) go through the real decoder; the
scanner is fed frame times as a video would give them.
"""

from __future__ import annotations

import numpy as np
import pytest

from epcs_desktop.core import qr
from epcs_desktop.core.live_scan import FULL_EVERY, HARD_EVERY, LiveScanner, ReadConfirmer
from epcs_desktop.core.scan_guide import Hint
from qr_support import sequence_clip


def test_a_text_counts_after_two_decoded_frames_in_a_row() -> None:
    c = ReadConfirmer()
    assert c.feed(["408259"]) == []
    assert c.feed(["otpauth://a"]) == []  # a different read replaces the first
    assert c.feed([]) == []  # a frame that decoded nothing resets nothing
    assert c.feed(["otpauth://a"]) == ["otpauth://a"]
    assert c.feed(["otpauth://a"]) == []  # once per session
    c.reset()
    assert c.feed(["otpauth://a"]) == []


def run(kind: str, seed: int = 0, **kw: object) -> tuple[list, str | None]:
    clip = sequence_clip(kind, seed, **kw)
    scanner = LiveScanner()
    results = [scanner.feed(f, i / clip.fps) for i, f in enumerate(clip.frames)]
    return results, clip.text


@pytest.mark.parametrize("kind", ["near", "paper", "sweep"])
def test_clips_with_a_readable_code_are_confirmed(kind: str) -> None:
    results, text = run(kind, 1, mirrored=True)
    confirmed = [t for r in results for t in r.confirmed]
    assert confirmed == [text]
    assert all(t == text for r in results for t in r.texts)  # no misread on the way


@pytest.mark.parametrize("seed", [1, 4])
def test_far_code_is_read_or_gets_the_move_closer_hint_within_a_second(seed: int) -> None:
    """At ~1.25 px per module some frames still read (region decoding); the rest say "closer"."""
    results, text = run("far", seed, frames=12)
    first = next(i for i, r in enumerate(results) if r.hint is Hint.MOVE_CLOSER or r.confirmed)
    assert first / 10.0 <= 1.0
    assert {r.hint for r in results} <= {None, Hint.MOVE_CLOSER}
    assert all(t == text for r in results for t in r.texts)


def test_empty_scene_gives_no_hint_and_no_read() -> None:
    results, _ = run("empty", 0, frames=8)
    assert all(r.hint is None and not r.texts for r in results)


def test_frames_without_a_code_skip_the_full_ladder(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    real = qr.decode_hits

    def counting(frame: np.ndarray, *, fast: bool = False) -> list[qr.Hit]:
        calls.append(fast)
        return real(frame, fast=fast)

    monkeypatch.setattr(qr, "decode_hits", counting)
    clip = sequence_clip("empty", 0, frames=FULL_EVERY * 2)
    scanner = LiveScanner()
    for i, f in enumerate(clip.frames):
        scanner.feed(f, i / clip.fps)
    assert calls.count(False) == 2  # the whole ladder once every FULL_EVERY frames
    assert calls.count(True) == FULL_EVERY * 2


def test_the_region_where_the_code_was_is_decoded_first(monkeypatch: pytest.MonkeyPatch) -> None:
    clip = sequence_clip("near", 0, frames=4, size=(1280, 720))
    scanner = LiveScanner()
    shapes: list[tuple[int, ...]] = []
    real = qr.decode_hits

    def recording(frame: np.ndarray, *, fast: bool = False) -> list[qr.Hit]:
        shapes.append(frame.shape)
        return real(frame, fast=fast)

    monkeypatch.setattr(qr, "decode_hits", recording)
    texts = [scanner.feed(f, i / clip.fps).texts for i, f in enumerate(clip.frames)]
    assert texts == [[clip.text]] * 4
    assert shapes[0] == (720, 1280, 3)
    assert all(s[0] < 720 and s[1] < 1280 for s in shapes[1:])  # later frames: a crop only


def test_a_code_that_left_its_region_gets_the_full_ladder_there_only_every_third_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read in the first frames, then gone: the remembered region is not laddered in every frame."""
    near = sequence_clip("near", 0, frames=3)
    empty = sequence_clip("empty", 0, frames=HARD_EVERY * 3)
    scanner = LiveScanner()
    for i, f in enumerate(near.frames):
        assert scanner.feed(f, i / near.fps).texts == [near.text]
    crops: list[bool] = []
    real = qr.decode_hits

    def recording(frame: np.ndarray, *, fast: bool = False) -> list[qr.Hit]:
        if frame.shape[:2] != empty.frames[0].shape[:2]:
            crops.append(fast)
        return real(frame, fast=fast)

    monkeypatch.setattr(qr, "decode_hits", recording)
    start = len(near.frames) / near.fps
    for i, f in enumerate(empty.frames):  # within REGION_MEMORY of the last read
        assert scanner.feed(f, start + i / empty.fps).texts == []
    assert len(crops) == HARD_EVERY * 3  # the region is still looked at in every frame...
    assert crops.count(False) == 3  # ...with the full ladder one frame in HARD_EVERY
