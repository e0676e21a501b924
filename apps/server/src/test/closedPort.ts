import net from "node:net";

/**
 * A loopback port nobody listens on (yet): taken from the system, then closed again. A client connecting to it is
 * refused (ECONNREFUSED) until a test listens on it, as a database that is down or not yet started.
 */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
