"""core.scan_guide: guidance judged from real generated webcam clips (bench/qr_sequences.py, dev seeds).

Each clip is a phone (or paper) in a desk scene rendered with the condition the
hint is for; the verdicts come from the real finder-pattern search. The
steadier's tests feed it verdict sequences with their times.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from epcs_desktop.core.scan_guide import Guide, Hint, HintSteadier, find_finders, hint_for_frame, look_at
from qr_support import on_canvas, qr_gray, sequence_clip

URI = "otpauth://totp/ID.me:dr.ana%40clinic.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEH&issuer=ID.me"


def test_a_plain_code_has_three_finder_patterns_of_its_module_size() -> None:
    frame = on_canvas(qr_gray(URI, px=5), 640, 480, (40, 60))
    finders = find_finders(frame[..., 0])
    assert len(finders) == 3
    assert all(4.0 < f.module < 6.0 and f.facing > 0.9 for f in finders)


@pytest.mark.parametrize(
    ("kind", "hint"),
    [
        ("far", Hint.MOVE_CLOSER),
        ("dark", Hint.MORE_LIGHT),
        ("glare", Hint.LESS_GLARE),
        ("fingers", Hint.UNCOVER),
    ],
)
def test_single_frame_verdicts(kind: str, hint: Hint) -> None:
    clip = sequence_clip(kind, 1, frames=3)
    assert [hint_for_frame(f) for f in clip.frames] == [hint] * 3


def test_steep_angle_is_told_to_face_the_camera_within_a_second() -> None:
    clip = sequence_clip("angled", 1, frames=10)
    looks = [look_at(f) for f in clip.frames]
    assert all(look.finders and min(f.facing for f in look.finders) < 0.6 for look in looks)
    guide = Guide()
    shown = [guide.update(f, i / clip.fps) for i, f in enumerate(clip.frames)]
    assert shown[-1] is Hint.FACE_CAMERA
    assert shown.index(Hint.FACE_CAMERA) / clip.fps <= 1.0


@pytest.mark.parametrize("kind", ["empty", "near", "paper"])
def test_no_hint_on_empty_scenes_or_a_readable_code(kind: str) -> None:
    clip = sequence_clip(kind, 0, frames=4)
    assert [hint_for_frame(f) for f in clip.frames] == [None] * 4


def test_shaking_hands_are_told_to_hold_still_within_a_second() -> None:
    """Sharp first frame (the code is read there), then smeared ones: the memory of where it was."""
    clip = sequence_clip("shake", 0, frames=12)
    guide = Guide()
    first = clip.frames[0]
    finders = look_at(first).finders
    f = max(finders, key=lambda g: g.module)
    guide.seen_at(0.0, f.x, f.y, f.module, first)
    shown = [guide.update(frame, i / clip.fps) for i, frame in enumerate(clip.frames[1:], start=1)]
    first_hold = shown.index(Hint.HOLD_STILL) + 1
    assert first_hold / clip.fps <= 1.0


def test_steadier_needs_a_majority_and_changes_at_most_twice_a_second() -> None:
    s = HintSteadier()
    # one smeared frame in three: never a clear majority, so nothing is shown
    shown = [s.update(i / 10, Hint.HOLD_STILL if i % 3 == 0 else None) for i in range(20)]
    assert set(shown) == {None}
    s.reset()
    shown = [s.update(i / 10, Hint.MOVE_CLOSER if i % 4 else Hint.UNCOVER) for i in range(30)]
    changes = [i for i in range(1, 30) if shown[i] is not shown[i - 1]]
    assert shown[-1] is Hint.MOVE_CLOSER
    assert all(b - a >= 5 for a, b in itertools.pairwise(changes))  # >= 0.5 s apart


def test_every_hint_has_a_sentence() -> None:
    for hint in Hint:
        assert hint.text.endswith(".") and hint.text[0].isupper()
    assert len({h.text for h in Hint}) == len(Hint)


def test_dark_frame_is_judged_without_a_finder_search() -> None:
    frame = np.full((360, 640, 3), 12, np.uint8)
    look = look_at(frame)
    assert look.brightness < 45 and look.finders == ()
