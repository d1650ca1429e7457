"""boto3 as the outside client of the deleted-listing suite (versions and delete markers).

  python3 deleted_listing.py versioning BUCKET STATUS     puts Enabled or Suspended, prints {}
  python3 deleted_listing.py put BUCKET KEY BODY [N]      N versions (default 1): [versionId...]
  python3 deleted_listing.py delete BUCKET KEY            {"versionId", "deleteMarker"}
  python3 deleted_listing.py latest BUCKET PREFIX         {key: {"versionId", "deleteMarker",
                                                          "markers"}}: each key's latest entry and
                                                          its count of delete markers (every page)

Endpoint and keys come from S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY.
"""
import json
import sys
from suite_client import suite_client


s3 = suite_client()


def versioning(bucket, status):
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": status})
    return {}


def put(bucket, key, body, count="1"):
    return [
        s3.put_object(Bucket=bucket, Key=key, Body=f"{body} {i}".encode()).get("VersionId")
        for i in range(int(count))
    ]


def delete(bucket, key):
    out = s3.delete_object(Bucket=bucket, Key=key)
    return {"versionId": out.get("VersionId"), "deleteMarker": out.get("DeleteMarker", False)}


def latest(bucket, prefix):
    found, markers = {}, {}
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix):
        for kind, marker in (("Versions", False), ("DeleteMarkers", True)):
            for v in page.get(kind, []):
                if marker:
                    markers[v["Key"]] = markers.get(v["Key"], 0) + 1
                if v["IsLatest"]:
                    found[v["Key"]] = {"versionId": v["VersionId"], "deleteMarker": marker}
    for key, latest in found.items():
        latest["markers"] = markers.get(key, 0)
    return found


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    run = {"versioning": versioning, "put": put, "delete": delete, "latest": latest}
    print(json.dumps(run[command](*args)))
