"""The duration of an MP4 file, read from its `moov/mvhd` box: no ffprobe needed, nothing decoded."""

import struct
from typing import BinaryIO


def _boxes(stream: BinaryIO, end: int | None):
    """Yield (type, payload offset, payload size) of the boxes from the stream's position up to `end`."""
    while end is None or stream.tell() < end:
        start = stream.tell()
        header = stream.read(8)
        if len(header) < 8:
            return
        size, kind = struct.unpack(">I4s", header)
        header_size = 8
        if size == 1:  # 64-bit size follows
            large = stream.read(8)
            if len(large) < 8:
                return
            (size,) = struct.unpack(">Q", large)
            header_size = 16
        elif size == 0:  # box runs to the end of the file
            stream.seek(0, 2)
            size = stream.tell() - start
            stream.seek(start + header_size)
        if size < header_size:
            return
        yield kind, start + header_size, size - header_size
        stream.seek(start + size)


def mp4_duration_seconds(stream: BinaryIO) -> int | None:
    """Whole seconds of the movie header's duration, or None when the file has no readable mvhd."""
    stream.seek(0)
    for kind, offset, size in _boxes(stream, None):
        # Only moov holds mvhd; every other top-level box, media data (mdat) included, is skipped by seeking, never read.
        if kind != b"moov":
            continue
        for inner, inner_offset, inner_size in _boxes(stream, offset + size):
            if inner != b"mvhd":
                continue
            stream.seek(inner_offset)
            data = stream.read(min(inner_size, 32))
            if len(data) < 20:
                return None
            if data[0] == 1:  # version 1: 64-bit times and duration
                if len(data) < 32:
                    return None
                timescale, duration = struct.unpack(">IQ", data[20:32])
            else:
                timescale, duration = struct.unpack(">II", data[12:20])
            return round(duration / timescale) if timescale else None
        return None
    return None
