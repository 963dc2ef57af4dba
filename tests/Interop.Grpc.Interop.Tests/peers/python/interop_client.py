"""A grpc.testing.TestService interop client on grpcio (gRPC C-core), per grpc's doc/interop-test-descriptions.md.

Exit code 0 when the test case passes; 1 with a FAIL line on stderr when it does not.
Limits of grpcio's API, so not asserted here: the compressed-flag of received messages, and per-message
compression of requests (client_compressed_streaming compresses its whole second call).
"""
import argparse
import sys
import time

import grpc

import interop_stubs
from interop_stubs import fail

ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"
CASES = (
    "empty_unary", "cacheable_unary", "large_unary", "client_compressed_unary", "server_compressed_unary",
    "client_streaming", "client_compressed_streaming", "server_streaming", "server_compressed_streaming", "ping_pong",
    "empty_stream", "custom_metadata", "status_code_and_message", "special_status_message", "unimplemented_method",
    "unimplemented_service", "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server",
    "rpc_soak", "channel_soak", "concurrent_large_unary",
)
SPECIAL_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--server_host_override")
    parser.add_argument("--test_case", required=True)
    parser.add_argument("--use_tls", default="false")
    parser.add_argument("--use_test_ca", default="false")
    parser.add_argument("--tls_ca_file")
    parser.add_argument("--soak_iterations", type=int, default=10)
    interop_stubs.add_common_args(parser)
    args = parser.parse_args()
    interop_stubs.load(args.protos_dir, args.stubs_dir)

    from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc

    def new_channel():
        target = "%s:%d" % (args.server_host, args.server_port)
        options = []
        if args.server_host_override:
            options.append(("grpc.ssl_target_name_override", args.server_host_override))
            options.append(("grpc.default_authority", args.server_host_override))
        if interop_stubs.parse_bool(args.use_tls):
            root = None
            if args.tls_ca_file:
                with open(args.tls_ca_file, "rb") as f:
                    root = f.read()
            return grpc.secure_channel(target, grpc.ssl_channel_credentials(root_certificates=root), options)
        return grpc.insecure_channel(target, options)

    channel = new_channel()
    stub = test_pb2_grpc.TestServiceStub(channel)

    def zeros(n):
        return messages_pb2.Payload(body=bytes(n))

    def expect_status(call_fn, code, message=None):
        try:
            call_fn()
        except grpc.RpcError as e:
            if e.code() != code:
                fail("expected %s, got %s: %r" % (code, e.code(), e.details()))
            if message is not None and e.details() != message:
                fail("expected message %r, got %r" % (message, e.details()))
            return e
        fail("expected %s, call succeeded" % code)

    def check_payload(response, size):
        if len(response.payload.body) != size or any(response.payload.body):
            fail("expected %d zero bytes, got %d" % (size, len(response.payload.body)))

    def large_unary(s=stub):
        response = s.UnaryCall(messages_pb2.SimpleRequest(response_size=314159, payload=zeros(271828)), timeout=30)
        check_payload(response, 314159)

    def empty_unary():
        if stub.EmptyCall(empty_pb2.Empty(), timeout=10) is None:
            fail("null response")

    def cacheable_unary():
        # Only the client side is checked: there is no caching proxy, so the two payloads differ (server stamps time).
        request = messages_pb2.SimpleRequest(payload=messages_pb2.Payload(body=str(time.time_ns()).encode()))
        metadata = (("x-user-ip", "1.2.3.4"),)
        first = stub.CacheableUnaryCall(request, metadata=metadata, timeout=10)
        second = stub.CacheableUnaryCall(request, metadata=metadata, timeout=10)
        if not first.payload.body or not second.payload.body:
            fail("empty cacheable payload")

    def client_compressed_unary():
        def request(expect):
            return messages_pb2.SimpleRequest(expect_compressed=messages_pb2.BoolValue(value=expect),
                                              response_size=314159, payload=zeros(271828))
        expect_status(lambda: stub.UnaryCall(request(True), timeout=30), grpc.StatusCode.INVALID_ARGUMENT)
        check_payload(stub.UnaryCall(request(True), compression=grpc.Compression.Gzip,
                                     metadata=(("x-interop-request-encoding", "gzip"),), timeout=30), 314159)
        check_payload(stub.UnaryCall(request(False), timeout=30), 314159)

    def server_compressed_unary():
        for compressed in (True, False):
            response = stub.UnaryCall(messages_pb2.SimpleRequest(
                response_compressed=messages_pb2.BoolValue(value=compressed), response_size=314159,
                payload=zeros(271828)), timeout=30)
            check_payload(response, 314159)

    def client_streaming():
        sizes = [27182, 8, 1828, 45904]
        response = stub.StreamingInputCall(iter([messages_pb2.StreamingInputCallRequest(payload=zeros(n)) for n in sizes]), timeout=30)
        if response.aggregated_payload_size != 74922:
            fail("aggregated_payload_size %d" % response.aggregated_payload_size)

    def client_compressed_streaming():
        def request(expect, size):
            return messages_pb2.StreamingInputCallRequest(expect_compressed=messages_pb2.BoolValue(value=expect), payload=zeros(size))
        expect_status(lambda: stub.StreamingInputCall(iter([request(True, 27182)]), timeout=30), grpc.StatusCode.INVALID_ARGUMENT)
        response = stub.StreamingInputCall(iter([request(True, 27182), request(False, 45904)]),
                                           compression=grpc.Compression.Gzip,
                                           metadata=(("x-interop-request-encoding", "gzip"),), timeout=30)
        if response.aggregated_payload_size != 73086:
            fail("aggregated_payload_size %d" % response.aggregated_payload_size)

    def server_streaming():
        sizes = [31415, 9, 2653, 58979]
        request = messages_pb2.StreamingOutputCallRequest(
            response_parameters=[messages_pb2.ResponseParameters(size=n) for n in sizes])
        responses = list(stub.StreamingOutputCall(request, timeout=30))
        if [len(r.payload.body) for r in responses] != sizes:
            fail("sizes %r" % [len(r.payload.body) for r in responses])

    def server_compressed_streaming():
        request = messages_pb2.StreamingOutputCallRequest(response_parameters=[
            messages_pb2.ResponseParameters(size=31415, compressed=messages_pb2.BoolValue(value=True)),
            messages_pb2.ResponseParameters(size=92653, compressed=messages_pb2.BoolValue(value=False))])
        responses = list(stub.StreamingOutputCall(request, timeout=30))
        if [len(r.payload.body) for r in responses] != [31415, 92653]:
            fail("sizes %r" % [len(r.payload.body) for r in responses])

    def ping_pong():
        pairs = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)]
        import queue
        outgoing = queue.Queue()
        call = stub.FullDuplexCall(iter(outgoing.get, None), timeout=30)
        for response_size, payload_size in pairs:
            outgoing.put(messages_pb2.StreamingOutputCallRequest(
                response_parameters=[messages_pb2.ResponseParameters(size=response_size)], payload=zeros(payload_size)))
            response = next(call)
            check_payload(response, response_size)
        outgoing.put(None)
        if list(call):
            fail("extra responses")
        if call.code() != grpc.StatusCode.OK:
            fail("status %s" % call.code())

    def empty_stream():
        responses = list(stub.FullDuplexCall(iter([]), timeout=10))
        if responses:
            fail("expected no responses")

    def custom_metadata():
        metadata = ((ECHO_INITIAL, "test_initial_metadata_value"), (ECHO_TRAILING, b"\xab\xab\xab"))

        def check(initial, trailing):
            if dict(initial).get(ECHO_INITIAL) != "test_initial_metadata_value":
                fail("initial metadata %r" % (initial,))
            if dict(trailing).get(ECHO_TRAILING) != b"\xab\xab\xab":
                fail("trailing metadata %r" % (trailing,))

        _, call = stub.UnaryCall.with_call(messages_pb2.SimpleRequest(response_size=314159, payload=zeros(271828)),
                                           metadata=metadata, timeout=30)
        check(call.initial_metadata(), call.trailing_metadata())
        call = stub.FullDuplexCall(iter([messages_pb2.StreamingOutputCallRequest(
            response_parameters=[messages_pb2.ResponseParameters(size=314159)], payload=zeros(271828))]),
            metadata=metadata, timeout=30)
        for response in call:
            check_payload(response, 314159)
        check(call.initial_metadata(), call.trailing_metadata())

    def status_code_and_message():
        status = messages_pb2.EchoStatus(code=2, message="test status message")
        expect_status(lambda: stub.UnaryCall(messages_pb2.SimpleRequest(response_status=status), timeout=10),
                      grpc.StatusCode.UNKNOWN, "test status message")
        expect_status(lambda: list(stub.FullDuplexCall(iter([messages_pb2.StreamingOutputCallRequest(response_status=status)]), timeout=10)),
                      grpc.StatusCode.UNKNOWN, "test status message")

    def special_status_message():
        status = messages_pb2.EchoStatus(code=2, message=SPECIAL_MESSAGE)
        expect_status(lambda: stub.UnaryCall(messages_pb2.SimpleRequest(response_status=status), timeout=10),
                      grpc.StatusCode.UNKNOWN, SPECIAL_MESSAGE)

    def unimplemented_method():
        expect_status(lambda: stub.UnimplementedCall(empty_pb2.Empty(), timeout=10), grpc.StatusCode.UNIMPLEMENTED)

    def unimplemented_service():
        other = test_pb2_grpc.UnimplementedServiceStub(channel)
        expect_status(lambda: other.UnimplementedCall(empty_pb2.Empty(), timeout=10), grpc.StatusCode.UNIMPLEMENTED)

    def cancel_after_begin():
        import queue
        outgoing = queue.Queue()
        future = stub.StreamingInputCall.future(iter(outgoing.get, None), timeout=30)
        future.cancel()
        outgoing.put(None)
        if not future.cancelled():
            fail("call was not cancelled: %s" % future.code())
        if future.code() != grpc.StatusCode.CANCELLED:
            fail("status %s" % future.code())

    def cancel_after_first_response():
        import queue
        outgoing = queue.Queue()
        call = stub.FullDuplexCall(iter(outgoing.get, None), timeout=30)
        outgoing.put(messages_pb2.StreamingOutputCallRequest(
            response_parameters=[messages_pb2.ResponseParameters(size=31415)], payload=zeros(27182)))
        check_payload(next(call), 31415)
        call.cancel()
        outgoing.put(None)
        if call.code() != grpc.StatusCode.CANCELLED:
            fail("status %s" % call.code())

    def timeout_on_sleeping_server():
        import queue
        outgoing = queue.Queue()
        outgoing.put(messages_pb2.StreamingOutputCallRequest(payload=zeros(27182)))
        call = stub.FullDuplexCall(iter(outgoing.get, None), timeout=0.001)
        try:
            list(call)
        except grpc.RpcError:
            pass
        outgoing.put(None)
        if call.code() != grpc.StatusCode.DEADLINE_EXCEEDED:
            fail("status %s" % call.code())

    def rpc_soak():
        for _ in range(args.soak_iterations):
            large_unary()

    def channel_soak():
        for _ in range(args.soak_iterations):
            with new_channel() as fresh:
                large_unary(test_pb2_grpc.TestServiceStub(fresh))

    def concurrent_large_unary():
        from concurrent import futures
        with futures.ThreadPoolExecutor(max_workers=8) as pool:
            for f in [pool.submit(large_unary) for _ in range(16)]:
                f.result(timeout=60)

    if args.test_case not in CASES:
        fail("unknown test case %r; known: %s" % (args.test_case, ", ".join(CASES)))
    case = locals()[args.test_case]
    try:
        case()
    except grpc.RpcError as e:
        fail("%s: unexpected RPC error %s: %r" % (args.test_case, e.code(), e.details()))
    print("PASS: " + args.test_case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
