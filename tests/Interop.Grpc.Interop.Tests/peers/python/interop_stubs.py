"""Generates the grpc.testing stubs with Debian's protoc and makes them importable.

The generated modules live under the package name `grpc` (grpc/testing/test_pb2.py), which is also the name of
grpcio itself, so the stub directory is added to grpcio's package path instead of to sys.path.
"""
import os
import subprocess
import sys

PROTOS = [
    "grpc/testing/empty.proto",
    "grpc/testing/messages.proto",
    "grpc/testing/test.proto",
    "grpc/health/v1/health.proto",
    "grpc/reflection/v1/reflection.proto",
    "grpc/reflection/v1alpha/reflection.proto",
]


def load(protos_dir, stubs_dir):
    marker = os.path.join(stubs_dir, "grpc", "testing", "test_pb2_grpc.py")
    if not os.path.exists(marker):
        os.makedirs(stubs_dir, exist_ok=True)
        subprocess.run(
            ["/usr/bin/protoc", "-I", protos_dir, "--python_out=" + stubs_dir, "--grpc_python_out=" + stubs_dir,
             "--plugin=protoc-gen-grpc_python=/usr/bin/grpc_python_plugin"] + PROTOS,
            check=True)
    import grpc
    path = os.path.join(stubs_dir, "grpc")
    if path not in grpc.__path__:
        grpc.__path__.append(path)


def add_common_args(parser):
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--protos_dir", default=os.path.normpath(os.path.join(here, "../../../../protos")))
    parser.add_argument("--stubs_dir", default=os.path.join(here, "obj", "stubs"))


def parse_bool(value):
    return str(value).lower() in ("1", "true", "yes")


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)
