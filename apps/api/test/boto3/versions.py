"""boto3 as the outside client of the versions suite (issue 19).

  python3 versions.py put BUCKET KEY BODY META_JSON TAGGING   {"versionId"}: one new version
  python3 versions.py versions BUCKET KEY                     [{"versionId","size","isLatest",
                                                                "isDeleteMarker"}], exact key,
                                                                every page, newest first
  python3 versions.py tags BUCKET KEY VERSION                 {"k": "v"} of that version
  python3 versions.py versioning BUCKET                       {"status"} (null: never enabled)
  python3 versions.py delete BUCKET KEY                       {"deleteMarker","versionId"}

Endpoint and keys come from S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY.
"""
import json
import sys
from suite_client import suite_client


s3 = suite_client()


def put(bucket, key, body, meta, tagging):
    out = s3.put_object(
        Bucket=bucket, Key=key, Body=body.encode(), Metadata=json.loads(meta), Tagging=tagging
    )
    return {"versionId": out.get("VersionId")}


def versions(bucket, key):
    found = []
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=key):
        entries = [(v, False) for v in page.get("Versions", [])]
        entries += [(m, True) for m in page.get("DeleteMarkers", [])]
        for e, marker in entries:
            if e["Key"] != key:
                continue
            found.append(
                {
                    "versionId": e["VersionId"],
                    "size": 0 if marker else e["Size"],
                    "isLatest": e["IsLatest"],
                    "isDeleteMarker": marker,
                    "t": e["LastModified"].isoformat(),
                }
            )
    latest = [e for e in found if e["isLatest"]]
    rest = sorted([e for e in found if not e["isLatest"]], key=lambda e: e["t"], reverse=True)
    return [{k: v for k, v in e.items() if k != "t"} for e in latest + rest]


def tags(bucket, key, version):
    out = s3.get_object_tagging(Bucket=bucket, Key=key, VersionId=version)
    return {t["Key"]: t["Value"] for t in out["TagSet"]}


def versioning(bucket):
    return {"status": s3.get_bucket_versioning(Bucket=bucket).get("Status")}


def delete(bucket, key):
    out = s3.delete_object(Bucket=bucket, Key=key)
    return {"deleteMarker": out.get("DeleteMarker", False), "versionId": out.get("VersionId")}


COMMANDS = {
    "put": put,
    "versions": versions,
    "tags": tags,
    "versioning": versioning,
    "delete": delete,
}

if __name__ == "__main__":
    print(json.dumps(COMMANDS[sys.argv[1]](*sys.argv[2:])))
