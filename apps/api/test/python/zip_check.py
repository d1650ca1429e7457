"""Reads a zip the way an outside tool would (Python's zipfile) and prints what it holds as JSON.

usage: zip_check.py FILE
Prints {"ok": true, "members": [...], "testzip": null, "zip64": {...}} or, when zipfile cannot
read the archive at all, {"ok": false, "error": "..."}.
"""
import hashlib
import json
import struct
import sys
import zipfile

UTF8_FLAG = 0x800


def zip64_extra(extra: bytes) -> bool:
    """True when the central directory record carries a ZIP64 extended information field."""
    at = 0
    while at + 4 <= len(extra):
        header_id, size = struct.unpack_from("<HH", extra, at)
        if header_id == 0x0001:
            return True
        at += 4 + size
    return False


def main(path: str) -> None:
    with open(path, "rb") as f:
        raw = f.read()
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        print(json.dumps({"ok": False, "error": str(err)}))
        return
    with archive:
        members = []
        for info in archive.infolist():
            data = archive.read(info)
            members.append(
                {
                    "name": info.filename,
                    "isDir": info.is_dir(),
                    "utf8": bool(info.flag_bits & UTF8_FLAG),
                    "stored": info.compress_type == zipfile.ZIP_STORED,
                    "size": info.file_size,
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "dateTime": list(info.date_time),
                    "zip64Extra": zip64_extra(info.extra),
                }
            )
        bad = archive.testzip()
    tail = raw[-(1 << 16) - 100 :]
    print(
        json.dumps(
            {
                "ok": True,
                "members": members,
                "testzip": bad,
                "zip64": {
                    # The ZIP64 end of central directory record and its locator.
                    "eocd": b"PK\x06\x06" in tail,
                    "locator": b"PK\x06\x07" in tail,
                },
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
