"""boto3 as the outside client of the bucket administration suite (buckets, uploads, usage).

  python3 bucket_admin.py bucket BUCKET                  {"exists", "versioning"}
  python3 bucket_admin.py leave-upload BUCKET KEY SIZE   starts an upload, sends 2 parts of SIZE
                                                          bytes and leaves it: {"uploadId","bytes"}
  python3 bucket_admin.py start-uploads BUCKET PREFIX N  starts N uploads (no parts), leaves them
  python3 bucket_admin.py uploads BUCKET                 [{"key","uploadId"}] (every page)
  python3 bucket_admin.py usage BUCKET PREFIX            boto3's own walk of what the bucket holds

Endpoint and keys come from S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY.
"""
import json
import os
import sys

from botocore.exceptions import ClientError
from suite_client import suite_client

s3 = suite_client()


def bucket(name):
    try:
        s3.head_bucket(Bucket=name)
    except ClientError as err:
        if err.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
            return {"exists": False, "versioning": None}
        raise
    status = s3.get_bucket_versioning(Bucket=name).get("Status")
    return {"exists": True, "versioning": status}


def leave_upload(name, key, size):
    upload_id = s3.create_multipart_upload(Bucket=name, Key=key)["UploadId"]
    for number in (1, 2):
        s3.upload_part(
            Bucket=name, Key=key, UploadId=upload_id, PartNumber=number, Body=os.urandom(int(size))
        )
    return {"uploadId": upload_id, "bytes": 2 * int(size)}


def start_uploads(name, prefix, count):
    return [
        s3.create_multipart_upload(Bucket=name, Key=f"{prefix}{i:04d}")["UploadId"]
        for i in range(int(count))
    ]


def uploads(name, prefix=""):
    found = []
    for page in s3.get_paginator("list_multipart_uploads").paginate(Bucket=name, Prefix=prefix):
        found += [{"key": u["Key"], "uploadId": u["UploadId"]} for u in page.get("Uploads", [])]
    return found


def usage(name, prefix):
    objects = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=name, Prefix=prefix):
        objects += [(o["Key"], o["Size"]) for o in page.get("Contents", [])]
    largest = sorted(objects, key=lambda o: (-o[1], o[0]))[:20]
    held = {"count": 0, "bytes": 0}
    try:
        listed = uploads(name, prefix)
    except ClientError:
        listed, held = [], None  # s3rver has no ListMultipartUploads
    for u in listed:
        held["count"] += 1
        for page in s3.get_paginator("list_parts").paginate(
            Bucket=name, Key=u["key"], UploadId=u["uploadId"]
        ):
            held["bytes"] += sum(p["Size"] for p in page.get("Parts", []))
    noncurrent = None
    if s3.get_bucket_versioning(Bucket=name).get("Status"):
        noncurrent = {"count": 0, "bytes": 0}
        for page in s3.get_paginator("list_object_versions").paginate(Bucket=name, Prefix=prefix):
            for v in page.get("Versions", []):
                if not v["IsLatest"]:
                    noncurrent["count"] += 1
                    noncurrent["bytes"] += v["Size"]
            noncurrent["count"] += len(page.get("DeleteMarkers", []))
    return {
        "objects": len(objects),
        "bytes": sum(size for _, size in objects),
        "largest": [{"key": k, "size": s} for k, s in largest],
        "uploads": held,
        "noncurrent": noncurrent,
    }


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    run = {
        "bucket": bucket,
        "leave-upload": leave_upload,
        "start-uploads": start_uploads,
        "uploads": uploads,
        "usage": usage,
    }
    print(json.dumps(run[command](*args)))
