"""Reading an MP4's duration from its movie header, without decoding anything."""

import io

from recordings.mp4 import mp4_duration_seconds
from recordings.tests.conftest import box, mp4_bytes


def test_it_reads_a_version_0_movie_header():
    assert mp4_duration_seconds(io.BytesIO(mp4_bytes(seconds=90.5))) == 90  # rounded to even: 90.5 -> 90


def test_it_reads_a_version_1_movie_header_with_64_bit_fields():
    assert mp4_duration_seconds(io.BytesIO(mp4_bytes(seconds=3 * 3600 + 1.2, version=1, timescale=90000))) == 3 * 3600 + 1


def test_it_skips_media_data_before_the_movie_box():
    assert mp4_duration_seconds(io.BytesIO(mp4_bytes(seconds=61, media=b"x" * 100_000))) == 61


def test_a_file_without_a_movie_header_has_no_duration():
    assert mp4_duration_seconds(io.BytesIO(box(b"ftyp", b"isom") + box(b"mdat", b"\0" * 10))) is None
    assert mp4_duration_seconds(io.BytesIO(box(b"moov", box(b"trak", b"")))) is None


def test_truncated_or_garbage_files_have_no_duration():
    whole = mp4_bytes()
    assert mp4_duration_seconds(io.BytesIO(whole[: len(whole) - 90])) is None
    assert mp4_duration_seconds(io.BytesIO(b"")) is None
    assert mp4_duration_seconds(io.BytesIO(b"\0\0\0\x01moov\0\0\0\0\0\0\0\x02")) is None


def test_a_zero_timescale_has_no_duration():
    assert mp4_duration_seconds(io.BytesIO(mp4_bytes(timescale=0, seconds=0))) is None
