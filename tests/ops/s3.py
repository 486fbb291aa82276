"""A real S3-compatible HTTP server for the tests: moto's standalone server (a development
dependency), started as a separate process on a free port, so that uploads, listings and
signed links go over HTTP exactly as they would to MinIO or AWS."""

import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass

import boto3
from botocore.config import Config

from config.settings.s3 import s3_storage

ACCESS_KEY = "moto-test-key"
SECRET_KEY = "moto-test-secret"
REGION = "us-east-1"


@dataclass
class S3Server:
    endpoint: str
    process: subprocess.Popen

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
            config=Config(s3={"addressing_style": "path"}),
        )

    def new_bucket(self) -> str:
        name = f"alliance-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket: str) -> list[str]:
        listed = self.client().list_objects_v2(Bucket=bucket)
        return sorted(entry["Key"] for entry in listed.get("Contents", ()))

    def storages(self, bucket: str, base: dict) -> dict:
        """settings.STORAGES as config/settings/base.py builds it from the S3_* variables."""
        default = s3_storage(
            bucket=bucket,
            endpoint_url=self.endpoint,
            access_key=ACCESS_KEY,
            secret_key=SECRET_KEY,
            region=REGION,
        )
        return {**base, "default": default}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start() -> S3Server:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto's S3 server exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except OSError:
            time.sleep(0.1)
            continue
        return S3Server(endpoint=f"http://127.0.0.1:{port}", process=process)
    process.kill()
    raise RuntimeError("moto's S3 server did not start within 30 seconds")


def stop(server: S3Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
