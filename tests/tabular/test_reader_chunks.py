"""Chunked decoding and line splitting of CSV text (keeps the UI thread responsive)."""

from __future__ import annotations

import pytest

from dropship_desktop.tabular.reader import ReadLimits, read_table
from dropship_desktop.tabular.table import TableError


@pytest.mark.parametrize("stream_rows", [0, 3])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-8-sig"])
@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_chunked_reading_equals_whole_reading(encoding: str, chunk: int, stream_rows: int) -> None:
    rows = [["订单编号", "备注", "收货地址"]]
    for i in range(40):
        # Multi-byte characters fall on chunk edges; quoted fields span lines (CRLF and LF).
        rows.append([f"19306798581706{i:05d}", f'多行\r\n备注 "{i}"', f"浙江省杭州市{i}号\n2楼"])
    text = "\r\n".join(
        ",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows
    )
    data = text.encode(encoding)
    # Streamed, a GB18030 or BOM file is also decoded a chunk at a time as rows are read.
    table = read_table(data, stream_rows=stream_rows, limits=ReadLimits(text_chunk=chunk))
    got = list(table.rows)
    for block, _numbers in table.rest or ():
        got += block
    assert table.headers == rows[0]
    assert got == rows[1:]
    assert table.encoding == encoding


def test_chunked_decoding_still_rejects_undecodable_text() -> None:
    # Valid UTF-8 for a while, then bytes that are neither UTF-8 nor GB18030.
    data = "订单编号,备注\r\n1,好\r\n".encode() + b"2,\x80\xff\xff\r\n"
    with pytest.raises(TableError, match="neither UTF-8 nor GBK"):
        read_table(data, limits=ReadLimits(text_chunk=4))


def test_a_streamed_read_rejects_undecodable_text_where_it_starts() -> None:
    limits = ReadLimits(text_chunk=16)
    good = "订单编号,备注\r\n" + "".join(f"{i},好\r\n" for i in range(20))
    data = good.encode("gb18030") + b"99,\x80\xff\xff\r\n"
    table = read_table(
        data, stream_rows=2, limits=limits
    )  # GB18030, decoded as far as the first rows
    assert table.encoding == "gb18030" and table.rows == [["0", "好"], ["1", "好"]]
    assert table.rest is not None
    with pytest.raises(TableError, match="neither UTF-8 nor GBK"):
        list(table.rest)
    bad_start = b"\x80\xff\xff," + good.encode("gb18030")
    with pytest.raises(TableError, match="neither UTF-8 nor GBK"):
        read_table(bad_start, stream_rows=2, limits=limits)


@pytest.mark.parametrize("stream_rows", [1, 3, 7, 100])
def test_a_streamed_read_gives_the_same_rows_block_by_block(stream_rows: int) -> None:
    lines = ["", "订单编号,备注,金额", ""]  # blank lines before the header and between rows
    expected_rows: list[list[str]] = []
    for i in range(20):
        if i % 6 == 5:
            lines.append(",,")  # an empty row: skipped
            continue
        lines.append(f'{i},"多行\n备注{i}"' if i % 4 == 0 else f"{i},短")  # short rows padded
        expected_rows.append([str(i), f"多行\n备注{i}", ""] if i % 4 == 0 else [str(i), "短", ""])
    text = "\r\n".join(lines) + "\r\n"

    whole = read_table(text.encode("gb18030"))
    streamed = read_table(text.encode("gb18030"), stream_rows=stream_rows)

    assert whole.rows == expected_rows
    assert whole.rest is None
    assert streamed.headers == whole.headers == ["订单编号", "备注", "金额"]
    assert streamed.header_row == 2
    rows, got_numbers = list(streamed.rows), list(streamed.row_numbers)
    assert len(rows) == min(stream_rows, len(expected_rows))
    if streamed.rest is not None:
        assert streamed.expected_rows >= len(expected_rows)  # an estimate for progress
        for block, block_numbers in streamed.rest:
            assert 0 < len(block) <= stream_rows
            rows += block
            got_numbers += block_numbers
    else:
        assert stream_rows > len(expected_rows)  # all read at once: nothing left to stream
    assert (rows, got_numbers) == (whole.rows, whole.row_numbers)


def test_a_streamed_read_raises_for_a_damaged_row_when_it_gets_there() -> None:
    good = "".join(f"{i},好\r\n" for i in range(10))
    data = ("订单编号,备注\r\n" + good + '11,"' + "长" * 140_000 + "\r\n").encode()
    table = read_table(data, stream_rows=5)  # the damage is further on: not seen yet
    assert len(table.rows) == 5 and table.rest is not None
    with pytest.raises(TableError, match="damaged near row"):
        list(table.rest)
    with pytest.raises(TableError, match="damaged near row"):
        read_table(data)  # read whole, the same message at once
