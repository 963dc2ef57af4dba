'use strict';
// A grpc.testing.TestService interop client on grpc-js, per grpc's doc/interop-test-descriptions.md.
// Exit code 0 when the test case passes; 1 with a FAIL line on stderr when it does not.
// grpc-js does not expose the compressed flag of received messages, so that is not asserted here.
const fs = require('fs');
const { grpc, parseArgs, parseBool, loadProtos } = require('./common');

const args = parseArgs(process.argv.slice(2), { server_host: '127.0.0.1', use_tls: 'false', soak_iterations: '10' });
const proto = loadProtos(args.protos_dir);
const ECHO_INITIAL = 'x-grpc-test-echo-initial';
const ECHO_TRAILING = 'x-grpc-test-echo-trailing-bin';
const SPECIAL_MESSAGE = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1f608}\t\n';
const NO_COMPRESS = 2;

class TestFailure extends Error {}
function check(condition, message) {
  if (!condition) {
    throw new TestFailure(message);
  }
}

function newClient(Service, compressed) {
  const options = {};
  if (args.server_host_override) {
    options['grpc.ssl_target_name_override'] = args.server_host_override;
    options['grpc.default_authority'] = args.server_host_override;
  }
  if (compressed) {
    options['grpc.default_compression_algorithm'] = 2;
  }
  const credentials = parseBool(args.use_tls)
    ? grpc.credentials.createSsl(args.tls_ca_file ? fs.readFileSync(args.tls_ca_file) : null)
    : grpc.credentials.createInsecure();
  return new Service(`${args.server_host}:${args.server_port}`, credentials, options);
}

const deadline = (seconds) => new Date(Date.now() + seconds * 1000);
const zeros = (n) => ({ body: Buffer.alloc(n) });
const client = newClient(proto.testing.TestService, false);

function unary(stub, method, request, metadata = new grpc.Metadata(), seconds = 30) {
  return new Promise((resolve, reject) => {
    const call = stub[method](request, metadata, { deadline: deadline(seconds) }, (error, response) => {
      if (error) {
        reject(error);
      } else {
        resolve({ response, call });
      }
    });
    call.on('metadata', (headers) => { call.headers = headers; });
    call.on('status', (status) => { call.trailers = status.metadata; });
  });
}

async function expectStatus(promise, code, message) {
  try {
    await promise;
  } catch (error) {
    check(error.code === code, `expected status ${code}, got ${error.code}: ${error.details}`);
    check(message === undefined || error.details === message, `expected message ${JSON.stringify(message)}, got ${JSON.stringify(error.details)}`);
    return;
  }
  throw new TestFailure(`expected status ${code}, call succeeded`);
}

function checkPayload(response, size) {
  const body = response.payload.body;
  check(body.length === size && body.every((b) => b === 0), `expected ${size} zero bytes, got ${body.length}`);
}

function collect(call) {
  return new Promise((resolve, reject) => {
    const responses = [];
    call.on('data', (r) => responses.push(r));
    call.on('error', reject);
    call.on('status', (status) => {
      if (status.code === grpc.status.OK) {
        resolve(responses);
      }
    });
  });
}

function compressedHint() {
  // grpc-js and grpcio servers hide grpc-encoding from handlers; the peer servers read this hint instead.
  const metadata = new grpc.Metadata();
  metadata.set('x-interop-request-encoding', 'gzip');
  return metadata;
}

function clientStream(stub, requests, metadata = new grpc.Metadata(), flags = []) {
  return new Promise((resolve, reject) => {
    const call = stub.StreamingInputCall(metadata, { deadline: deadline(30) }, (e, r) => (e ? reject(e) : resolve(r)));
    requests.forEach((request, i) => call.write(request, flags[i] || 0));
    call.end();
  });
}

async function largeUnary(stub = client) {
  const { response } = await unary(stub, 'UnaryCall', { response_size: 314159, payload: zeros(271828) });
  checkPayload(response, 314159);
}

const cases = {
  async empty_unary() {
    const { response } = await unary(client, 'EmptyCall', {});
    check(response, 'null response');
  },
  async cacheable_unary() {
    // No caching proxy here: only the client side of the case is checked (both calls succeed with a payload).
    const metadata = new grpc.Metadata();
    metadata.set('x-user-ip', '1.2.3.4');
    const request = { payload: { body: Buffer.from(process.hrtime.bigint().toString()) } };
    for (let i = 0; i < 2; i++) {
      const { response } = await unary(client, 'CacheableUnaryCall', request, metadata);
      check(response.payload.body.length > 0, 'empty payload');
    }
  },
  large_unary: () => largeUnary(),
  async client_compressed_unary() {
    const request = (expect) => ({ expect_compressed: { value: expect }, response_size: 314159, payload: zeros(271828) });
    await expectStatus(unary(client, 'UnaryCall', request(true)), grpc.status.INVALID_ARGUMENT);
    const compressing = newClient(proto.testing.TestService, true);
    checkPayload((await unary(compressing, 'UnaryCall', request(true), compressedHint())).response, 314159);
    checkPayload((await unary(client, 'UnaryCall', request(false))).response, 314159);
  },
  async server_compressed_unary() {
    for (const compressed of [true, false]) {
      const { response } = await unary(client, 'UnaryCall',
        { response_compressed: { value: compressed }, response_size: 314159, payload: zeros(271828) });
      checkPayload(response, 314159);
    }
  },
  async client_streaming() {
    const response = await clientStream(client, [27182, 8, 1828, 45904].map((n) => ({ payload: zeros(n) })));
    check(response.aggregated_payload_size === 74922, `aggregated_payload_size ${response.aggregated_payload_size}`);
  },
  async client_compressed_streaming() {
    await expectStatus(clientStream(client, [{ expect_compressed: { value: true }, payload: zeros(27182) }]),
      grpc.status.INVALID_ARGUMENT);
    const compressing = newClient(proto.testing.TestService, true);
    const response = await clientStream(compressing, [
      { expect_compressed: { value: true }, payload: zeros(27182) },
      { expect_compressed: { value: false }, payload: zeros(45904) },
    ], compressedHint(), [0, NO_COMPRESS]);
    check(response.aggregated_payload_size === 73086, `aggregated_payload_size ${response.aggregated_payload_size}`);
  },
  async server_streaming() {
    const sizes = [31415, 9, 2653, 58979];
    const call = client.StreamingOutputCall({ response_parameters: sizes.map((size) => ({ size })) }, { deadline: deadline(30) });
    const responses = await collect(call);
    check(JSON.stringify(responses.map((r) => r.payload.body.length)) === JSON.stringify(sizes), 'wrong sizes');
  },
  async server_compressed_streaming() {
    const call = client.StreamingOutputCall({ response_parameters: [
      { size: 31415, compressed: { value: true } }, { size: 92653, compressed: { value: false } }] }, { deadline: deadline(30) });
    const responses = await collect(call);
    check(JSON.stringify(responses.map((r) => r.payload.body.length)) === '[31415,92653]', 'wrong sizes');
  },
  async ping_pong() {
    const call = client.FullDuplexCall({ deadline: deadline(30) });
    const done = collect(call);
    const pairs = [[31415, 27182], [9, 8], [2653, 1828], [58979, 45904]];
    let index = 0;
    const next = () => call.write({ response_parameters: [{ size: pairs[index][0] }], payload: zeros(pairs[index][1]) });
    call.on('data', (response) => {
      checkPayload(response, pairs[index][0]);
      index++;
      if (index < pairs.length) {
        next();
      } else {
        call.end();
      }
    });
    next();
    check((await done).length === 4, 'expected four responses');
  },
  async empty_stream() {
    const call = client.FullDuplexCall({ deadline: deadline(10) });
    const done = collect(call);
    call.end();
    check((await done).length === 0, 'expected no responses');
  },
  async custom_metadata() {
    const metadata = new grpc.Metadata();
    metadata.set(ECHO_INITIAL, 'test_initial_metadata_value');
    metadata.set(ECHO_TRAILING, Buffer.from([0xab, 0xab, 0xab]));
    const verify = (headers, trailers) => {
      check(headers && headers.get(ECHO_INITIAL)[0] === 'test_initial_metadata_value', 'initial metadata not echoed');
      const trailing = trailers && trailers.get(ECHO_TRAILING)[0];
      check(trailing && Buffer.compare(trailing, Buffer.from([0xab, 0xab, 0xab])) === 0, 'trailing metadata not echoed');
    };
    const { call } = await unary(client, 'UnaryCall', { response_size: 314159, payload: zeros(271828) }, metadata);
    await new Promise((resolve) => setImmediate(resolve));
    verify(call.headers, call.trailers);
    const duplex = client.FullDuplexCall(metadata, { deadline: deadline(30) });
    let headers;
    let trailers;
    duplex.on('metadata', (h) => { headers = h; });
    duplex.on('status', (s) => { trailers = s.metadata; });
    const done = collect(duplex);
    duplex.write({ response_parameters: [{ size: 314159 }], payload: zeros(271828) });
    duplex.end();
    (await done).forEach((r) => checkPayload(r, 314159));
    verify(headers, trailers);
  },
  async status_code_and_message() {
    const status = { code: 2, message: 'test status message' };
    await expectStatus(unary(client, 'UnaryCall', { response_status: status }), 2, 'test status message');
    const call = client.FullDuplexCall({ deadline: deadline(10) });
    const done = collect(call);
    call.write({ response_status: status });
    call.end();
    await expectStatus(done, 2, 'test status message');
  },
  async special_status_message() {
    await expectStatus(unary(client, 'UnaryCall', { response_status: { code: 2, message: SPECIAL_MESSAGE } }), 2, SPECIAL_MESSAGE);
  },
  async unimplemented_method() {
    await expectStatus(unary(client, 'UnimplementedCall', {}), grpc.status.UNIMPLEMENTED);
  },
  async unimplemented_service() {
    const other = newClient(proto.testing.UnimplementedService, false);
    await expectStatus(unary(other, 'UnimplementedCall', {}), grpc.status.UNIMPLEMENTED);
  },
  async cancel_after_begin() {
    const call = client.StreamingInputCall({ deadline: deadline(30) }, () => {});
    const status = new Promise((resolve) => call.on('status', resolve));
    call.cancel();
    const { code } = await status;
    check(code === grpc.status.CANCELLED, `status ${code}`);
  },
  async cancel_after_first_response() {
    const call = client.FullDuplexCall({ deadline: deadline(30) });
    const status = new Promise((resolve) => call.on('status', resolve));
    call.on('error', () => {});
    const first = new Promise((resolve) => call.once('data', resolve));
    call.write({ response_parameters: [{ size: 31415 }], payload: zeros(27182) });
    checkPayload(await first, 31415);
    call.cancel();
    const { code } = await status;
    check(code === grpc.status.CANCELLED, `status ${code}`);
  },
  async timeout_on_sleeping_server() {
    const call = client.FullDuplexCall({ deadline: new Date(Date.now() + 1) });
    const status = new Promise((resolve) => call.on('status', resolve));
    call.on('error', () => {});
    call.on('data', () => {});
    call.write({ payload: zeros(27182) });
    const { code } = await status;
    check(code === grpc.status.DEADLINE_EXCEEDED, `status ${code}`);
  },
  async rpc_soak() {
    for (let i = 0; i < Number(args.soak_iterations); i++) {
      await largeUnary();
    }
  },
  async channel_soak() {
    for (let i = 0; i < Number(args.soak_iterations); i++) {
      const fresh = newClient(proto.testing.TestService, false);
      await largeUnary(fresh);
      fresh.close();
    }
  },
  async concurrent_large_unary() {
    await Promise.all(Array.from({ length: 16 }, () => largeUnary()));
  },
};

async function main() {
  const testCase = cases[args.test_case];
  if (!testCase) {
    console.error(`FAIL: unknown test case ${args.test_case}`);
    process.exit(1);
  }
  try {
    await testCase();
  } catch (error) {
    const detail = error instanceof TestFailure ? error.message : `unexpected error ${error.code}: ${error.details || error.stack}`;
    console.error(`FAIL: ${args.test_case}: ${detail}`);
    process.exit(1);
  }
  console.log(`PASS: ${args.test_case}`);
  process.exit(0);
}

main();
