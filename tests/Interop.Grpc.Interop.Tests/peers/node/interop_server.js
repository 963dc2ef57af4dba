'use strict';
// A grpc.testing.TestService interop server on grpc-js, per grpc's doc/interop-test-descriptions.md.
// Flags: --port (0 picks a free port, printed as `Listening on port N`), --use_tls with --tls_cert_file/--tls_key_file.
// grpc-js 1.14 servers never compress responses (they always answer grpc-encoding: identity), so CompressedResponse
// (response_compressed, ResponseParameters.compressed) is not available here; grpc's interop runner skips the
// compression cases for Node servers too (tools/run_tests/run_interop_tests.py).
const fs = require('fs');
const { grpc, parseArgs, parseBool, loadProtos } = require('./common');

const ECHO_INITIAL = 'x-grpc-test-echo-initial';
const ECHO_TRAILING = 'x-grpc-test-echo-trailing-bin';

const args = parseArgs(process.argv.slice(2), { port: '0', use_tls: 'false' });
const proto = loadProtos(args.protos_dir);

function echoMetadata(call) {
  const initial = call.metadata.get(ECHO_INITIAL);
  if (initial.length > 0) {
    const headers = new grpc.Metadata();
    headers.set(ECHO_INITIAL, initial[0]);
    call.sendMetadata(headers);
  }
  const trailers = new grpc.Metadata();
  const trailing = call.metadata.get(ECHO_TRAILING);
  if (trailing.length > 0) {
    trailers.set(ECHO_TRAILING, trailing[0]);
  }
  return trailers;
}

// grpc-js strips grpc-encoding before the handler runs; the test clients repeat it in x-interop-request-encoding.
function requestCompressed(call) {
  const hint = call.metadata.get('x-interop-request-encoding');
  return hint.length > 0 && hint[0] !== 'identity';
}

function expectedCompressionError(request, call) {
  if (request.expect_compressed && request.expect_compressed.value && !requestCompressed(call)) {
    return { code: grpc.status.INVALID_ARGUMENT, details: 'Expected compressed request' };
  }
  return null;
}

function echoStatusError(request, trailers) {
  if (request.response_status && request.response_status.code !== 0) {
    return { code: request.response_status.code, details: request.response_status.message, metadata: trailers };
  }
  return null;
}

const sleep = (us) => new Promise((resolve) => setTimeout(resolve, us / 1000));

async function respond(call, request) {
  for (const parameters of request.response_parameters) {
    if (parameters.interval_us > 0) {
      await sleep(parameters.interval_us);
    }
    call.write({ payload: { body: Buffer.alloc(parameters.size) } });
  }
}

function duplex(collectFirst) {
  return (call) => {
    const trailers = echoMetadata(call);
    const requests = [];
    let work = Promise.resolve();
    let failed = false;
    call.on('data', (request) => {
      if (failed) {
        return;
      }
      const error = echoStatusError(request, trailers);
      if (error) {
        // Echo Status: close with the requested status and ignore later messages.
        failed = true;
        work = work.then(() => call.emit('error', error));
      } else if (collectFirst) {
        requests.push(request);
      } else {
        work = work.then(() => respond(call, request));
      }
    });
    call.on('end', () => {
      work = work
        .then(async () => {
          for (const request of requests) {
            await respond(call, request);
          }
          if (!failed) {
            call.end(trailers);
          }
        })
        .catch(() => {});
    });
    // Cancellation and deadlines surface here; there is nothing left to answer.
    call.on('error', () => {});
  };
}

const service = {
  EmptyCall(call, callback) {
    callback(null, {}, echoMetadata(call));
  },
  UnaryCall(call, callback) {
    const trailers = echoMetadata(call);
    const request = call.request;
    const error = expectedCompressionError(request, call) || echoStatusError(request, trailers);
    if (error) {
      callback(error);
      return;
    }
    callback(null, { payload: { body: Buffer.alloc(request.response_size) } }, trailers);
  },
  CacheableUnaryCall(call, callback) {
    const headers = new grpc.Metadata();
    headers.set('cache-control', 'max-age=60');
    call.sendMetadata(headers);
    callback(null, { payload: { body: Buffer.from(process.hrtime.bigint().toString()) } });
  },
  async StreamingOutputCall(call) {
    const trailers = echoMetadata(call);
    const error = echoStatusError(call.request, trailers);
    if (error) {
      call.emit('error', error);
      return;
    }
    await respond(call, call.request);
    call.end(trailers);
  },
  StreamingInputCall(call, callback) {
    let total = 0;
    let failed = false;
    call.on('data', (request) => {
      const error = expectedCompressionError(request, call);
      if (error && !failed) {
        failed = true;
        callback(error);
      }
      total += request.payload ? request.payload.body.length : 0;
    });
    call.on('end', () => {
      if (!failed) {
        callback(null, { aggregated_payload_size: total });
      }
    });
    call.on('error', () => {});
  },
  FullDuplexCall: duplex(false),
  HalfDuplexCall: duplex(true),
};

const health = {
  Check(call, callback) {
    callback(null, { status: 'SERVING' });
  },
};

const server = new grpc.Server();
server.addService(proto.testing.TestService.service, service);
server.addService(proto.health.v1.Health.service, health);
const credentials = parseBool(args.use_tls)
  ? grpc.ServerCredentials.createSsl(null, [{
    private_key: fs.readFileSync(args.tls_key_file), cert_chain: fs.readFileSync(args.tls_cert_file),
  }], false)
  : grpc.ServerCredentials.createInsecure();
server.bindAsync(`127.0.0.1:${args.port}`, credentials, (error, port) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  console.log(`Listening on port ${port}`);
});
