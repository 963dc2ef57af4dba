'use strict';
// Shared helpers of the grpc-js interop peers: flag parsing and loading the repository's protos.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

function parseArgs(argv, defaults) {
  const args = { ...defaults };
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) {
      throw new Error(`bad argument ${arg}`);
    }
    args[match[1]] = match[2] === undefined ? 'true' : match[2];
  }
  return args;
}

function parseBool(value) {
  return ['1', 'true', 'yes'].includes(String(value).toLowerCase());
}

function loadProtos(protosDir) {
  const dir = protosDir || path.resolve(__dirname, '../../../../protos');
  const definition = protoLoader.loadSync(
    ['grpc/testing/test.proto', 'grpc/health/v1/health.proto'],
    { includeDirs: [dir], keepCase: true, longs: String, enums: String, defaults: true });
  return grpc.loadPackageDefinition(definition).grpc;
}

module.exports = { grpc, parseArgs, parseBool, loadProtos };
