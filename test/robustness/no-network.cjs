// Preloaded with `node --require` by no-network.test.ts: any attempt to open a
// network connection or resolve a host name is written to standard error with a
// marker and refused. Standard input and output (the LSP channel) are pipes,
// opened from file descriptors, and are not affected.
'use strict';
const MARKER = 'JOINERY-NETWORK-ATTEMPT';

function refuse(what) {
    return function () {
        process.stderr.write(`${MARKER} ${what}\n`);
        throw new Error(`network access refused: ${what}`);
    };
}

const net = require('node:net');
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
net.Server.prototype.listen = refuse('net.Server.listen');
const tls = require('node:tls');
tls.connect = refuse('tls.connect');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) dns[name] = refuse(`dns.${name}`);
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) dns.promises[name] = refuse(`dns.promises.${name}`);
for (const module of ['node:http', 'node:https']) {
    const http = require(module);
    http.request = http.get = refuse(`${module}.request`);
}
require('node:http2').connect = refuse('http2.connect');
require('node:dgram').createSocket = refuse('dgram.createSocket');
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = refuse('WebSocket');
