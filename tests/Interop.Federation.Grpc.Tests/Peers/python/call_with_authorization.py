"""Calls Referrals/Read with grpcio (gRPC C-core), sending each given authorization value as its own header field.

grpcio writes every metadata element as a separate HPACK field, unlike .NET's HttpClient, which folds repeated
values into one comma-joined field. Prints the status code name (OK, UNAUTHENTICATED, ...).
Usage: call_with_authorization.py <host:port> <authorization value>...
"""
import sys

import grpc


def main():
    target = sys.argv[1]
    metadata = [("authorization", value) for value in sys.argv[2:]]
    with grpc.insecure_channel(target) as channel:
        read = channel.unary_unary(
            "/interop.testing.authz.Referrals/Read",
            request_serializer=lambda b: b,
            response_deserializer=lambda b: b,
        )
        try:
            read(b"", metadata=metadata, timeout=10)
            print("OK")
        except grpc.RpcError as error:
            print(error.code().name)


if __name__ == "__main__":
    main()
