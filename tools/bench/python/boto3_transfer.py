"""boto3's transfer manager with its defaults (TransferConfig(): 10 threads, 8 MiB parts,
ranged parallel reads): the seed's own client, the second "direct" column of the upload and
download benches. Prints one JSON line: seconds (the transfer only, not Python's start) and
the CPU seconds of this process.

    python3 boto3_transfer.py upload|download ENDPOINT BUCKET KEY FILE
Keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
"""
import json
import os
import resource
import sys
import time

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config


def main() -> None:
    op, endpoint, bucket, key, path = sys.argv[1:6]
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
        config=Config(s3={"addressing_style": "path"}),
    )
    config = TransferConfig()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    if op == "upload":
        client.upload_file(path, bucket, key, Config=config)
    elif op == "download":
        client.download_file(bucket, key, path, Config=config)
    else:
        raise SystemExit(f"unknown operation {op}")
    seconds = time.perf_counter() - t
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "threads": config.max_concurrency,
                      "chunk": config.multipart_chunksize}))


if __name__ == "__main__":
    main()
