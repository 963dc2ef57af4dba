"""A second, independent verifier of the processing log chain, written from the canonical encoding documented on
Interop.ProcessingLog.ProcessingRecordHash only. Reads the SQLite processing_record table and prints
"OK <count> <head hash hex>" or "FAIL <sequence> <reason>"."""
import hashlib
import sqlite3
import struct
import sys

FORMAT_TAG = "interop.processing-log/v1"


def string(value):
    data = value.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def int32(value):
    return struct.pack(">i", value)


def encode(row):
    categories = [int(c) for c in row["data_categories"].split(",")] if row["data_categories"] else []
    return (
        string(FORMAT_TAG)
        + struct.pack(">Q", row["sequence_no"])
        + string(row["trace_id"]) + string(row["span_id"]) + string(row["parent_span_id"])
        + string(row["processing_activity_id"]) + string(row["operation"])
        + int32(row["action"])
        + string(row["purpose_code"])
        + int32(row["legal_basis_kind"]) + string(row["legal_basis_value"])
        + string(row["requesting_oin"]) + string(row["executing_oin"])
        + string(row["data_subject_ref"])
        + struct.pack(">I", len(categories)) + b"".join(int32(c) for c in categories)
        + int32(row["status"])
        + struct.pack(">q", row["start_time"]) + struct.pack(">q", row["end_time"])
        + int32(row["vertrouwelijkheid"])
        + string(row["bewaartermijn"])
    )


def main(path):
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    previous = bytes(32)
    expected = 1
    for row in connection.execute("SELECT * FROM processing_record ORDER BY sequence_no"):
        if row["sequence_no"] != expected:
            print(f"FAIL {expected} gap")
            return
        if bytes.fromhex(row["previous_hash"]) != previous:
            print(f"FAIL {expected} link")
            return
        digest = hashlib.sha256(encode(row) + previous).digest()
        if digest.hex() != row["record_hash"]:
            print(f"FAIL {expected} hash")
            return
        previous = digest
        expected += 1
    print(f"OK {expected - 1} {previous.hex()}")


if __name__ == "__main__":
    main(sys.argv[1])
