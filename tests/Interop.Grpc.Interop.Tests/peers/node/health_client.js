'use strict';
// Calls grpc.health.v1.Health/Check with grpc-js and expects SERVING (doc/health-checking.md).
const { grpc, parseArgs, loadProtos } = require('./common');

const args = parseArgs(process.argv.slice(2), { server_host: '127.0.0.1', service: '' });
const proto = loadProtos(args.protos_dir);
const client = new proto.health.v1.Health(`${args.server_host}:${args.server_port}`, grpc.credentials.createInsecure());
client.Check({ service: args.service }, { deadline: new Date(Date.now() + 10000) }, (error, response) => {
  if (error) {
    console.error(`FAIL: Check(${JSON.stringify(args.service)}): ${error.code} ${error.details}`);
    process.exit(1);
  }
  if (response.status !== 'SERVING') {
    console.error(`FAIL: Check(${JSON.stringify(args.service)}): status ${response.status}`);
    process.exit(1);
  }
  console.log(`PASS: health ${JSON.stringify(args.service)} SERVING`);
  process.exit(0);
});
