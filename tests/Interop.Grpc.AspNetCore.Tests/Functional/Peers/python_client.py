"""Calls the test service with grpcio (gRPC C-core) and prints one JSON object of results.

Usage: python_client.py 127.0.0.1:PORT
"""
import json
import sys

import grpc
from google.protobuf import wrappers_pb2

SERVICE = "/interop.test.TestService/"


def unary(channel, method, value, **kwargs):
    call = channel.unary_unary(
        SERVICE + method,
        request_serializer=wrappers_pb2.StringValue.SerializeToString,
        response_deserializer=wrappers_pb2.StringValue.FromString,
    )
    try:
        response, info = call.with_call(wrappers_pb2.StringValue(value=value), timeout=10, **kwargs)
        return {"code": "OK", "value": response.value, "trailers": dict(info.trailing_metadata() or [])}
    except grpc.RpcError as error:
        return {"code": error.code().name, "details": error.details()}


def main():
    results = {}
    with grpc.insecure_channel(sys.argv[1]) as channel:
        results["echo"] = unary(channel, "Echo", "hello")
        results["echo_gzip"] = unary(channel, "Echo", "z" * 1000, compression=grpc.Compression.Gzip)
        results["status"] = unary(channel, "Fail", "status:5:n\u00e9t gevonden\n100%")
        results["unknown_method"] = unary(channel, "NoSuchMethod", "")
        results["deadline"] = (lambda: _deadline(channel))()
        split = channel.unary_stream(
            SERVICE + "Split",
            request_serializer=wrappers_pb2.StringValue.SerializeToString,
            response_deserializer=wrappers_pb2.StringValue.FromString,
        )
        results["split"] = [m.value for m in split(wrappers_pb2.StringValue(value="a,b,c"), timeout=10)]
        chat = channel.stream_stream(
            SERVICE + "Chat",
            request_serializer=wrappers_pb2.StringValue.SerializeToString,
            response_deserializer=wrappers_pb2.StringValue.FromString,
        )
        results["chat"] = [m.value for m in chat(iter([wrappers_pb2.StringValue(value="x"), wrappers_pb2.StringValue(value="y")]), timeout=10)]
        metadata_call = channel.unary_unary(
            SERVICE + "Metadata",
            request_serializer=wrappers_pb2.StringValue.SerializeToString,
            response_deserializer=wrappers_pb2.StringValue.FromString,
        )
        _, info = metadata_call.with_call(
            wrappers_pb2.StringValue(), timeout=10, metadata=[("x-text", "abc"), ("x-data-bin", b"\x00\x01\xff")]
        )
        initial = dict(info.initial_metadata())
        trailing = dict(info.trailing_metadata())
        results["metadata"] = {"text": initial.get("x-text"), "bin": list(trailing.get("tx-data-bin", b""))}
    print(json.dumps(results))


def _deadline(channel):
    call = channel.unary_unary(
        SERVICE + "Wait",
        request_serializer=wrappers_pb2.StringValue.SerializeToString,
        response_deserializer=wrappers_pb2.StringValue.FromString,
    )
    try:
        call(wrappers_pb2.StringValue(), timeout=0.2)
        return "OK"
    except grpc.RpcError as error:
        return error.code().name


if __name__ == "__main__":
    main()
