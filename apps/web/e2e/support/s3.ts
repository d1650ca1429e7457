/**
 * The Ceph RGW of the `ceph` project as an outside client sees it: Python's boto3 (as the
 * API's interop tests use it), on the RGW's endpoint with its keys. What the app cannot do
 * itself (start a multipart upload and leave it), and what checks the app from outside.
 */
import { execFileSync } from 'node:child_process';
import { CEPH_KEYS, cephEndpoint } from '../servers';

const TOOL = `
import json, sys, boto3
from botocore.config import Config
endpoint, key_id, secret, op = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=key_id,
    aws_secret_access_key=secret, region_name="us-east-1",
    config=Config(s3={"addressing_style": "path"}))
b = op["bucket"]
kind = op["op"]
if kind == "put":
    out = s3.put_object(Bucket=b, Key=op["key"], Body=op["body"].encode("utf-8"))
    print(json.dumps(out.get("VersionId")))
elif kind == "delete":
    s3.delete_object(Bucket=b, Key=op["key"])
    print("null")
elif kind == "start-upload":
    up = s3.create_multipart_upload(Bucket=b, Key=op["key"])
    s3.upload_part(Bucket=b, Key=op["key"], UploadId=up["UploadId"], PartNumber=1,
        Body=b"x" * op["bytes"])
    print(json.dumps(up["UploadId"]))
elif kind == "uploads":
    out = s3.list_multipart_uploads(Bucket=b)
    print(json.dumps([u["Key"] for u in out.get("Uploads", [])]))
elif kind == "versioning":
    print(json.dumps(s3.get_bucket_versioning(Bucket=b).get("Status", "Off")))
elif kind == "versions":
    out = s3.list_object_versions(Bucket=b)
    print(json.dumps(len(out.get("Versions", [])) + len(out.get("DeleteMarkers", []))))
elif kind == "put-versions":
    ids = [s3.put_object(Bucket=b, Key=op["key"], Body=("v%d" % n).encode("utf-8")).get("VersionId")
        for n in range(1, op["count"] + 1)]
    print(json.dumps(ids))
elif kind == "get":
    print(json.dumps(s3.get_object(Bucket=b, Key=op["key"])["Body"].read().decode("utf-8")))
elif kind == "key-versions":
    out = s3.list_object_versions(Bucket=b, Prefix=op["key"])
    entries = [dict(id=v["VersionId"], latest=v["IsLatest"], marker=False, at=v["LastModified"].isoformat())
        for v in out.get("Versions", []) if v["Key"] == op["key"]]
    entries += [dict(id=v["VersionId"], latest=v["IsLatest"], marker=True, at=v["LastModified"].isoformat())
        for v in out.get("DeleteMarkers", []) if v["Key"] == op["key"]]
    entries.sort(key=lambda e: e["at"], reverse=True)
    print(json.dumps([dict(id=e["id"], latest=e["latest"], marker=e["marker"]) for e in entries]))
elif kind == "lifecycle":
    try:
        print(json.dumps(s3.get_bucket_lifecycle_configuration(Bucket=b)["Rules"]))
    except s3.exceptions.ClientError as e:
        if e.response["Error"]["Code"] != "NoSuchLifecycleConfiguration": raise
        print("null")
elif kind == "exists":
    print(json.dumps(any(x["Name"] == b for x in s3.list_buckets()["Buckets"])))
`;

type Op =
  | { op: 'put'; bucket: string; key: string; body: string }
  | { op: 'delete' | 'get' | 'key-versions'; bucket: string; key: string }
  | { op: 'start-upload'; bucket: string; key: string; bytes: number }
  | { op: 'put-versions'; bucket: string; key: string; count: number }
  | { op: 'uploads' | 'versioning' | 'versions' | 'exists' | 'lifecycle'; bucket: string };

function run<T>(op: Op): T {
  const out = execFileSync(
    'python3',
    [
      '-c',
      TOOL,
      cephEndpoint,
      CEPH_KEYS.accessKeyId,
      CEPH_KEYS.secretAccessKey,
      JSON.stringify(op),
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as T;
}

export const cephS3 = {
  /** Writes an object; its version id on a versioned bucket. */
  put: (bucket: string, key: string, body: string) =>
    run<string | null>({ op: 'put', bucket, key, body }),
  /** Writes `count` versions of a key in one go (bodies "v1", "v2", …): their ids, oldest first. */
  putVersions: (bucket: string, key: string, count: number) =>
    run<(string | null)[]>({ op: 'put-versions', bucket, key, count }),
  /** Deletes a key (a delete marker on a versioned bucket). */
  delete: (bucket: string, key: string) => run<null>({ op: 'delete', bucket, key }),
  /** Starts a multipart upload, sends one part of `bytes` and leaves it unfinished: its id. */
  startUpload: (bucket: string, key: string, bytes: number) =>
    run<string>({ op: 'start-upload', bucket, key, bytes }),
  /** The keys of the bucket's unfinished uploads (ListMultipartUploads). */
  uploads: (bucket: string) => run<string[]>({ op: 'uploads', bucket }),
  /** GetBucketVersioning's status ("Off" when never set). */
  versioning: (bucket: string) => run<string>({ op: 'versioning', bucket }),
  /** Versions and delete markers in the bucket (one ListObjectVersions page). */
  versions: (bucket: string) => run<number>({ op: 'versions', bucket }),
  /** The current version's body (GetObject), as UTF-8. */
  get: (bucket: string, key: string) => run<string>({ op: 'get', bucket, key }),
  /** One key's versions and delete markers (ListObjectVersions), newest first. */
  keyVersions: (bucket: string, key: string) =>
    run<{ id: string; latest: boolean; marker: boolean }[]>({ op: 'key-versions', bucket, key }),
  /** GetBucketLifecycleConfiguration's rules, null when the bucket has none. */
  lifecycle: (bucket: string) => run<unknown[] | null>({ op: 'lifecycle', bucket }),
  /** Does ListBuckets name it? */
  exists: (bucket: string) => run<boolean>({ op: 'exists', bucket }),
};
