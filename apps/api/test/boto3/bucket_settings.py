"""A bucket's settings as boto3 reads and writes them, for the bucket-settings suite.

  python3 bucket_settings.py get NAME BUCKET          prints the document as JSON
  python3 bucket_settings.py put NAME BUCKET JSON     writes the document, prints {}
  python3 bucket_settings.py create-locked BUCKET     creates a bucket with object lock

NAME is one of versioning, lifecycle, cors, policy, tags, encryption, object-lock. A store's
error prints {"error": CODE, "status": STATUS} (exit 0), so the test reads it as data.
Endpoint and keys come from S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY.
"""
import datetime
import json
import sys

from botocore.exceptions import ClientError
from suite_client import suite_client

# A store that does not answer is an error here, not a long wait inside a test.
s3 = suite_client(connect_timeout=10, read_timeout=30, retries={"max_attempts": 2})


def iso(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    raise TypeError(repr(value))


def get(name, bucket):
    if name == "versioning":
        out = s3.get_bucket_versioning(Bucket=bucket)
        return {k: out[k] for k in ("Status", "MFADelete") if k in out}
    if name == "lifecycle":
        return {"Rules": s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]}
    if name == "cors":
        return {"CORSRules": s3.get_bucket_cors(Bucket=bucket)["CORSRules"]}
    if name == "policy":
        return json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])
    if name == "tags":
        return {"TagSet": s3.get_bucket_tagging(Bucket=bucket)["TagSet"]}
    if name == "encryption":
        return s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]
    if name == "object-lock":
        return s3.get_object_lock_configuration(Bucket=bucket)["ObjectLockConfiguration"]
    raise ValueError(name)


def put(name, bucket, doc):
    if name == "versioning":
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration=doc)
    elif name == "lifecycle":
        s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration=doc)
    elif name == "cors":
        s3.put_bucket_cors(Bucket=bucket, CORSConfiguration=doc)
    elif name == "policy":
        s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(doc))
    elif name == "tags":
        s3.put_bucket_tagging(Bucket=bucket, Tagging=doc)
    elif name == "encryption":
        s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration=doc)
    else:
        raise ValueError(name)
    return {}


def main(args):
    try:
        if args[0] == "get":
            return get(args[1], args[2])
        if args[0] == "put":
            return put(args[1], args[2], json.loads(args[3]))
        if args[0] == "create-locked":
            s3.create_bucket(Bucket=args[1], ObjectLockEnabledForBucket=True)
            return {}
    except ClientError as err:
        return {
            "error": err.response["Error"]["Code"],
            "status": err.response["ResponseMetadata"]["HTTPStatusCode"],
        }
    raise ValueError(args[0])


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), default=iso))
