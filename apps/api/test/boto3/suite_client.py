"""The boto3 client every script here uses: the suite's store as another S3 user would see it.

Endpoint and keys come from S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY (test/boto3-script.ts sets
them); SigV4, path-style, us-east-1.
"""
import os

import boto3
from botocore.config import Config


def suite_client(**config):
    """A client of the suite's store; `config` adds botocore Config fields (timeouts…)."""
    return boto3.client(
        "s3",
        endpoint_url=os.environ["S3_ENDPOINT"],
        aws_access_key_id=os.environ["S3_ACCESS_KEY"],
        aws_secret_access_key=os.environ["S3_SECRET_KEY"],
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}, **config),
    )
