"""The boto3 lab flow, as our users run it from notebooks, for the interoperability suite.

  python3 lab_flow.py write BUCKET PREFIX FILE   boto3 writes; prints what it wrote as JSON
  python3 lab_flow.py read BUCKET KEY...         prints what boto3 reads of each key as JSON

Endpoint and keys come from S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY.
"""
import hashlib
import json
import sys

from boto3.s3.transfer import TransferConfig
from suite_client import suite_client

s3 = suite_client()


def write(bucket, prefix, path):
    text_key = prefix + "hello.txt"
    s3.put_object(
        Bucket=bucket,
        Key=text_key,
        Body=b"hello from boto3\n",
        ContentType="text/plain; charset=utf-8",
        Metadata={"author": "notebook", "run-id": "42"},
    )
    file_key = prefix + "upload/data.bin"
    # 5 MiB parts: a real multipart upload, as S3Transfer does for big files.
    config = TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024)
    s3.upload_file(
        path,
        bucket,
        file_key,
        ExtraArgs={"Metadata": {"source": "lab"}, "ContentType": "application/octet-stream"},
        Config=config,
    )
    s3.put_object_tagging(
        Bucket=bucket,
        Key=file_key,
        Tagging={"TagSet": [{"Key": "team", "Value": "science"}]},
    )
    listed = [
        o["Key"] for o in s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    ]
    print(json.dumps({"keys": [text_key, file_key], "listed": listed}))


def read(bucket, keys):
    out = {}
    for key in keys:
        try:
            head = s3.head_object(Bucket=bucket, Key=key)
        except s3.exceptions.ClientError as err:
            if err.response["Error"]["Code"] in ("404", "NoSuchKey", "NotFound"):
                out[key] = None
                continue
            raise
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        tags = s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]
        out[key] = {
            "contentType": head.get("ContentType"),
            "cacheControl": head.get("CacheControl"),
            "metadata": head.get("Metadata", {}),
            "tags": {t["Key"]: t["Value"] for t in tags},
            "sha256": hashlib.sha256(body).hexdigest(),
            "size": len(body),
        }
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(*sys.argv[2:5])
    else:
        read(sys.argv[2], sys.argv[3:])
