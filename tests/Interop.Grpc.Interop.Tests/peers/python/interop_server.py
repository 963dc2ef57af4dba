"""A grpc.testing.TestService interop server on grpcio (gRPC C-core), per grpc's doc/interop-test-descriptions.md.

Flags: --port (0 picks a free port, printed as `Listening on port N`), --use_tls with --tls_cert_file/--tls_key_file.
Also serves grpc.health.v1.Health (always SERVING) so health clients can be checked against it.
"""
import argparse
import sys
import time
from concurrent import futures

import grpc

import interop_stubs

ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--use_tls", default="false")
    parser.add_argument("--tls_cert_file")
    parser.add_argument("--tls_key_file")
    interop_stubs.add_common_args(parser)
    args = parser.parse_args()
    interop_stubs.load(args.protos_dir, args.stubs_dir)

    from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc
    from grpc.health.v1 import health_pb2, health_pb2_grpc

    def echo_metadata(context):
        metadata = dict(context.invocation_metadata())
        if ECHO_INITIAL in metadata:
            context.send_initial_metadata(((ECHO_INITIAL, metadata[ECHO_INITIAL]),))
        if ECHO_TRAILING in metadata:
            context.set_trailing_metadata(((ECHO_TRAILING, metadata[ECHO_TRAILING]),))

    def request_compressed(context):
        # C-core hides grpc-encoding from the metadata; the test clients also send it as a plain header for us.
        metadata = dict(context.invocation_metadata())
        return metadata.get("grpc-encoding", metadata.get("x-interop-request-encoding", "identity")) != "identity"

    def check_expected_compression(expect, context):
        # CompressedRequest: expect_compressed=true on an uncompressed request is INVALID_ARGUMENT.
        if expect.value and not request_compressed(context):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "Expected compressed request")

    def echo_status(request, context):
        if request.HasField("response_status") and request.response_status.code != 0:
            context.abort(grpc.StatusCode(next(c for c in grpc.StatusCode if c.value[0] == request.response_status.code)),
                          request.response_status.message)

    class TestService(test_pb2_grpc.TestServiceServicer):
        def EmptyCall(self, request, context):
            echo_metadata(context)
            return empty_pb2.Empty()

        def UnaryCall(self, request, context):
            echo_metadata(context)
            check_expected_compression(request.expect_compressed, context)
            echo_status(request, context)
            if request.response_compressed.value:
                context.set_compression(grpc.Compression.Gzip)
            return messages_pb2.SimpleResponse(payload=messages_pb2.Payload(body=bytes(request.response_size)))

        def CacheableUnaryCall(self, request, context):
            context.send_initial_metadata((("cache-control", "max-age=60"),))
            return messages_pb2.SimpleResponse(payload=messages_pb2.Payload(body=str(time.time_ns()).encode()))

        def StreamingOutputCall(self, request, context):
            echo_metadata(context)
            echo_status(request, context)
            yield from respond(request, context)

        def StreamingInputCall(self, request_iterator, context):
            total = 0
            for request in request_iterator:
                check_expected_compression(request.expect_compressed, context)
                total += len(request.payload.body)
            return messages_pb2.StreamingInputCallResponse(aggregated_payload_size=total)

        def FullDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            for request in request_iterator:
                echo_status(request, context)
                yield from respond(request, context)

        def HalfDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            requests = list(request_iterator)
            for request in requests:
                echo_status(request, context)
                yield from respond(request, context)

    def respond(request, context):
        compressed_any = any(p.compressed.value for p in request.response_parameters)
        if compressed_any:
            context.set_compression(grpc.Compression.Gzip)
        for parameters in request.response_parameters:
            if parameters.interval_us > 0:
                time.sleep(parameters.interval_us / 1e6)
            if compressed_any and not parameters.compressed.value:
                context.disable_next_message_compression()
            yield messages_pb2.StreamingOutputCallResponse(payload=messages_pb2.Payload(body=bytes(parameters.size)))

    class Health(health_pb2_grpc.HealthServicer):
        def Check(self, request, context):
            return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    test_pb2_grpc.add_TestServiceServicer_to_server(TestService(), server)
    health_pb2_grpc.add_HealthServicer_to_server(Health(), server)
    address = "127.0.0.1:%d" % args.port
    if interop_stubs.parse_bool(args.use_tls):
        with open(args.tls_cert_file, "rb") as f:
            cert = f.read()
        with open(args.tls_key_file, "rb") as f:
            key = f.read()
        port = server.add_secure_port(address, grpc.ssl_server_credentials(((key, cert),)))
    else:
        port = server.add_insecure_port(address)
    server.start()
    print("Listening on port %d" % port, flush=True)
    try:
        server.wait_for_termination()
    except KeyboardInterrupt:
        server.stop(0)


if __name__ == "__main__":
    sys.exit(main())
