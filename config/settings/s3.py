"""STORAGES["default"] for an S3-compatible store; base.py fills it from the S3_* variables,
and the tests from the moto server they start (tests/ops/s3.py)."""


def s3_storage(
    *,
    bucket: str,
    endpoint_url: str = "",
    access_key: str = "",
    secret_key: str = "",
    region: str = "",
    addressing_style: str = "",
    prefix: str = "",
    url_seconds: int = 60,
) -> dict:
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            # Empty: boto3's usual sources (instance role, ~/.aws, AWS_* variables).
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "region_name": region or None,
            # Self-hosted stores answer on one host name: the bucket goes in the path.
            "addressing_style": addressing_style or ("path" if endpoint_url else "virtual"),
            "location": prefix,
            "signature_version": "s3v4",
            # Objects stay private; the only way to a file is a signed link from a view.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": url_seconds,
            # A name is never reused: a second file with the same name gets another one.
            "file_overwrite": False,
        },
    }
