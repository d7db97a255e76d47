// Preload for third-party servers that call listen(PORT) with no host (all interfaces):
// make a hostless listen bind 127.0.0.1, so test servers never face the network.
const net = require("node:net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const isPort = typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]));
  if (isPort && (args.length === 1 || typeof args[1] === "function")) args.splice(1, 0, "127.0.0.1");
  else if (typeof args[0] === "object" && args[0] !== null && !("path" in args[0]) && !args[0].host)
    args[0] = { ...args[0], host: "127.0.0.1" };
  return listen.apply(this, args);
};
