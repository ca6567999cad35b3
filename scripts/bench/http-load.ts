// A small HTTP/1.1 load generator for benchmarks: N keep-alive connections, each sending the same
// prebuilt request as soon as the previous answer is complete, for a fixed time. Raw sockets keep
// the client's own cost low, which matters when client and server share a 2-core machine.
import { connect, type Socket } from "node:net";

export type LoadOptions = {
  host: string;
  port: number;
  request: Buffer;
  connections: number;
  seconds: number;
  warmupSeconds?: number;
};
export type LoadResult = {
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  statuses: Record<number, number>;
};

export function buildPost({
  host,
  path,
  headers,
  body,
}: {
  host: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}): Buffer {
  const lines = [
    `POST ${path} HTTP/1.1`,
    `Host: ${host}`,
    "Connection: keep-alive",
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`);
}

export async function runHttpLoad({
  host,
  port,
  request,
  connections,
  seconds,
  warmupSeconds = 1,
}: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let measuring = false;
  let stopping = false;
  const sockets: Socket[] = [];

  const worker = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect({ host, port, noDelay: true });
      sockets.push(socket);
      let buffer: Buffer = Buffer.alloc(0);
      let sentAt = 0n;
      const send = () => {
        if (stopping) return void socket.end(resolve);
        sentAt = process.hrtime.bigint();
        socket.write(request);
      };
      socket.on("connect", send);
      socket.on("error", (error) => (stopping ? resolve() : reject(error)));
      socket.on("data", (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        for (let end = responseEnd(buffer); end > 0; end = responseEnd(buffer)) {
          const status = Number(buffer.toString("latin1", 9, 12));
          buffer = buffer.subarray(end);
          if (measuring) {
            latencies.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
            statuses[status] = (statuses[status] ?? 0) + 1;
          }
          send();
        }
      });
    });

  const running = Array.from({ length: connections }, worker);
  await sleep(warmupSeconds * 1000);
  measuring = true;
  const started = performance.now();
  await sleep(seconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  stopping = true;
  await Promise.race([Promise.all(running), sleep(5000)]);
  for (const socket of sockets) socket.destroy();

  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0;
  const failures = Object.entries(statuses).reduce((sum, [status, count]) => sum + (status === "200" ? 0 : count), 0);
  return {
    requests: latencies.length,
    failures,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    statuses,
  };
}

// Where the first complete response in `buffer` ends (Content-Length or chunked), or 0.
function responseEnd(buffer: Buffer): number {
  const headerEnd = buffer.indexOf("\r\n\r\n");
  if (headerEnd === -1) return 0;
  const head = buffer.toString("latin1", 0, headerEnd).toLowerCase();
  const length = /\r\ncontent-length:\s*(\d+)/.exec(head);
  if (length) {
    const end = headerEnd + 4 + Number(length[1]);
    return buffer.length >= end ? end : 0;
  }
  if (!head.includes("transfer-encoding: chunked")) return headerEnd + 4;
  for (let at = headerEnd + 4; ;) {
    const lineEnd = buffer.indexOf("\r\n", at);
    if (lineEnd === -1) return 0;
    const size = parseInt(buffer.toString("latin1", at, lineEnd), 16);
    const next = lineEnd + 2 + size + 2;
    if (buffer.length < next) return 0;
    if (size === 0) return next;
    at = next;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
