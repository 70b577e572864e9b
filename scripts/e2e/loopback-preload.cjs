/**
 * Preload (node --require) for the end-to-end test's processes, the Agents
 * Playground above all, which listens on every interface and has no option to
 * change that. It makes every server listen on 127.0.0.1 unless it names a host,
 * and refuses outgoing connections to anything but loopback, so nothing reaches
 * beyond this machine whatever a dependency tries.
 */
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const LOOPBACK_HOSTS = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost|::ffff:127(\.\d{1,3}){3})$/i;

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    // listen({ port, host? }, cb?): a handle or a socket path has no host to set
    if (
      first.host === undefined &&
      first.path === undefined &&
      first.handle === undefined &&
      first._handle === undefined
    ) {
      args[0] = { ...first, host: LOOPBACK };
    }
  } else if (
    first === undefined ||
    typeof first === 'number' ||
    (typeof first === 'string' && /^\d+$/.test(first))
  ) {
    // listen(port?, host?, backlog?, cb?): insert the host when none is given
    if (typeof args[1] !== 'string') args.splice(1, 0, LOOPBACK);
  }
  return listen.apply(this, args);
};

function targetHost(args) {
  const [first, second] = args;
  if (Array.isArray(first)) return targetHost(first); // net internals pass [options, cb]
  if (first !== null && typeof first === 'object')
    return first.path ? null : (first.host ?? 'localhost');
  if (typeof first === 'number' || /^\d+$/.test(String(first)))
    return typeof second === 'string' ? second : 'localhost';
  return null; // a socket path
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectToLoopbackOnly(...args) {
  const host = targetHost(args);
  if (host !== null && !LOOPBACK_HOSTS.test(host)) {
    process.stderr.write(`[loopback-preload] refused a connection to ${host}\n`);
    const error = Object.assign(
      new Error(`connection to ${host} refused: this process may only reach 127.0.0.1`),
      { code: 'ECONNREFUSED' },
    );
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
