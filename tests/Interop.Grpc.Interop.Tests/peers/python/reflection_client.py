"""Checks a server's reflection service (grpc.reflection.v1 or v1alpha) with grpcio.

Lists the services, expects grpc.testing.TestService among them, fetches the file that defines it and then every
dependency it names, and builds them all into a fresh descriptor pool: that proves the files are complete and
consistent (a missing or mismatched dependency makes the pool refuse them).
"""
import argparse
import sys

import grpc

import interop_stubs
from interop_stubs import fail

SERVICE = "grpc.testing.TestService"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--version", choices=["v1", "v1alpha"], default="v1")
    interop_stubs.add_common_args(parser)
    args = parser.parse_args()
    interop_stubs.load(args.protos_dir, args.stubs_dir)

    import importlib
    from google.protobuf import descriptor_pb2, descriptor_pool
    pb2 = importlib.import_module("grpc.reflection.%s.reflection_pb2" % args.version)
    pb2_grpc = importlib.import_module("grpc.reflection.%s.reflection_pb2_grpc" % args.version)

    channel = grpc.insecure_channel("%s:%d" % (args.server_host, args.server_port))
    stub = pb2_grpc.ServerReflectionStub(channel)

    def ask(**request):
        responses = list(stub.ServerReflectionInfo(iter([pb2.ServerReflectionRequest(**request)]), timeout=10))
        if len(responses) != 1:
            fail("expected one response to %r, got %d" % (request, len(responses)))
        response = responses[0]
        if response.HasField("error_response"):
            fail("%r: error %d %s" % (request, response.error_response.error_code, response.error_response.error_message))
        return response

    services = [s.name for s in ask(list_services="").list_services_response.service]
    print("services: %s" % ", ".join(services))
    if SERVICE not in services:
        fail("%s not listed" % SERVICE)

    files = {}

    def add(response):
        for raw in response.file_descriptor_response.file_descriptor_proto:
            proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
            files[proto.name] = proto

    add(ask(file_containing_symbol=SERVICE))
    if "grpc/testing/test.proto" not in files:
        fail("file_containing_symbol did not return grpc/testing/test.proto: %r" % list(files))
    pending = [d for f in list(files.values()) for d in f.dependency]
    while pending:
        name = pending.pop()
        if name not in files:
            add(ask(file_by_filename=name))
            if name not in files:
                fail("file_by_filename %s returned other files: %r" % (name, list(files)))
            pending.extend(files[name].dependency)

    pool = descriptor_pool.DescriptorPool()
    added = set()

    def add_to_pool(name):
        if name in added:
            return
        for dependency in files[name].dependency:
            add_to_pool(dependency)
        pool.Add(files[name])
        added.add(name)

    for name in files:
        add_to_pool(name)
    service = pool.FindServiceByName(SERVICE)
    methods = sorted(m.name for m in service.methods)
    print("files: %s" % ", ".join(sorted(files)))
    print("methods: %s" % ", ".join(methods))
    for expected in ("EmptyCall", "UnaryCall", "StreamingOutputCall", "StreamingInputCall", "FullDuplexCall", "HalfDuplexCall"):
        if expected not in methods:
            fail("method %s missing from the reflected service" % expected)
    if pool.FindMethodByName(SERVICE + ".UnaryCall").input_type.full_name != "grpc.testing.SimpleRequest":
        fail("UnaryCall input type is not grpc.testing.SimpleRequest")
    print("PASS: reflection %s" % args.version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
