"""Chunked decoding and line splitting of CSV text (keeps the UI thread responsive)."""

from __future__ import annotations

import pytest

from dropship_desktop.tabular import reader
from dropship_desktop.tabular.reader import TableError, read_table


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-8-sig"])
@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_chunked_reading_equals_whole_reading(
    monkeypatch: pytest.MonkeyPatch, encoding: str, chunk: int
) -> None:
    rows = [["订单编号", "备注", "收货地址"]]
    for i in range(40):
        # Multi-byte characters fall on chunk edges; quoted fields span lines (CRLF and LF).
        rows.append([f"19306798581706{i:05d}", f'多行\r\n备注 "{i}"', f"浙江省杭州市{i}号\n2楼"])
    text = "\r\n".join(
        ",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows
    )
    data = text.encode(encoding)
    monkeypatch.setattr(reader, "_TEXT_CHUNK", chunk)
    table = read_table(data)
    assert table.headers == rows[0]
    assert table.rows == rows[1:]
    assert table.encoding == encoding


def test_chunked_decoding_still_rejects_undecodable_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "_TEXT_CHUNK", 4)
    # Valid UTF-8 for a while, then bytes that are neither UTF-8 nor GB18030.
    data = "订单编号,备注\r\n1,好\r\n".encode() + b"2,\x80\xff\xff\r\n"
    with pytest.raises(TableError, match="neither UTF-8 nor GBK"):
        read_table(data)
