/**
 * Canary servers for the egress tests: they listen where a hostile site would like the auditor
 * to connect (its loopback, its private network) and record every connection and datagram.
 * A test passes only if they recorded nothing.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Server } from 'node:net';

export interface Canaries {
  port: number;
  /** "address:port first-bytes", one per connection or datagram received. */
  hits: string[];
  /** Where they listen (what could bind here). */
  listening: string[];
  close(): Promise<void>;
}

/**
 * Canary servers: one free port on the first address, the same port on the others (TCP and
 * UDP), and ports 80 and 443 of each where this process may bind them (root), for the probes
 * of hosts that resolve there.
 */
export async function startCanaries(addresses: readonly string[] = ['127.0.0.1', '127.0.0.2', '::1']): Promise<Canaries> {
  const hits: string[] = [];
  const listening: string[] = [];
  const servers: Server[] = [];
  const udp: UdpSocket[] = [];
  const listenTcp = (host: string, port: number): Promise<number | null> =>
    new Promise((resolve) => {
      const server = createServer((socket) => {
        const at = `${host}:${socket.localPort ?? port}`;
        socket.once('data', (chunk) => hits.push(`${at} ${chunk.toString('latin1', 0, 60).replace(/[^\x21-\x7e]+/g, ' ')}`));
        socket.on('error', () => undefined);
        setTimeout(() => socket.destroy(), 200);
        hits.push(`${at} connection`);
      });
      server.once('error', () => resolve(null));
      server.listen(port, host, () => {
        servers.push(server);
        const bound = (server.address() as AddressInfo).port;
        listening.push(`${host}:${bound}/tcp`);
        resolve(bound);
      });
    });
  const listenUdp = (host: string, port: number): Promise<void> =>
    new Promise((resolve) => {
      const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      socket.on('message', (message) => hits.push(`${host}:${port}/udp ${message.length} bytes`));
      socket.once('error', () => resolve());
      socket.bind(port, host, () => {
        udp.push(socket);
        listening.push(`${host}:${port}/udp`);
        resolve();
      });
    });
  const [first = '127.0.0.1', ...others] = addresses;
  const port = await listenTcp(first, 0);
  if (port === null) throw new Error('no canary port');
  await Promise.all([
    ...others.map((host) => listenTcp(host, port)),
    ...addresses.map((host) => listenUdp(host, port)),
    ...addresses.flatMap((host) => [listenTcp(host, 80), listenTcp(host, 443)]),
  ]);
  return {
    port,
    hits,
    listening,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((done) => s.close(() => done()))));
      for (const socket of udp) socket.close();
    },
  };
}
