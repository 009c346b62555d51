/** The fixture DNS (fixtures/dns/*.yaml on 127.0.0.1, UDP, port 0), shared with `demo`. */
export { startFixtureDns, type FixtureDns } from '../../src/fixture-internet/dns-server.js';
