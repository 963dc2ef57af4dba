"""Calls grpc.health.v1.Health/Check with grpcio and expects SERVING (doc/health-checking.md)."""
import argparse
import sys

import grpc

import interop_stubs
from interop_stubs import fail


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--service", default="")
    interop_stubs.add_common_args(parser)
    args = parser.parse_args()
    interop_stubs.load(args.protos_dir, args.stubs_dir)
    from grpc.health.v1 import health_pb2, health_pb2_grpc

    stub = health_pb2_grpc.HealthStub(grpc.insecure_channel("%s:%d" % (args.server_host, args.server_port)))
    try:
        response = stub.Check(health_pb2.HealthCheckRequest(service=args.service), timeout=10)
    except grpc.RpcError as e:
        fail("Check(%r): %s %r" % (args.service, e.code(), e.details()))
    if response.status != health_pb2.HealthCheckResponse.SERVING:
        fail("Check(%r): status %s" % (args.service, health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)))
    print("PASS: health %r SERVING" % args.service)
    return 0


if __name__ == "__main__":
    sys.exit(main())
