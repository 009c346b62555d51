/** What a fixture host with behaviour (src/fixture-internet/dynamic-hosts.ts) implements. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

interface DynamicContext {
  /** The fixture server's port (for answers that point back at it). */
  port: number;
  /**
   * The port canary servers listen on (127.0.0.1, 127.0.0.2, ::1; TCP and UDP) in the egress
   * tests: the `*.egress.hostile.example` pages try every path there, and no hit may arrive.
   */
  canary: number;
}

export interface DynamicHost {
  /** Takes over the raw connection before TLS or HTTP (the first bytes have been read). */
  connect?(socket: Socket, tls: boolean): void;
  /** Answers an HTTP request in place of the static files. */
  respond?(req: IncomingMessage, res: ServerResponse, context: DynamicContext): void;
}
