// The HTTP server in front of Next.js, started by `npm start` (scripts/start.ts) in place of
// `next start`: Next.js passes X-Forwarded-For on as the client sent it and gives route handlers no
// socket, so this server resolves the client's address from the TCP peer (and trusted proxies, see
// lib/runtime/client-address.ts) and hands it to the app in one header no client can set.
// Run with: node --import tsx scripts/serve.ts [--dev] (PORT, and the environment start.ts prepares).
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { stampClientAddress, trustedProxies } from "../lib/runtime/client-address";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const proxies = trustedProxies();

const app = next({ dev, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

const server = createServer((req, res) => {
  stampClientAddress(req, proxies);
  void handle(req, res);
});
server.on("upgrade", (req, socket, head) => {
  stampClientAddress(req, proxies);
  void upgrade(req, socket, head);
});
server.listen(port, () => console.log(`[synco] Next.js ${dev ? "development" : "production"} server on port ${port}`));

// Event streams never end on their own: close them rather than wait for them.
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
