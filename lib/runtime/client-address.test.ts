// The one client-address resolver (issue 11, finding 1; docs/threat-model.md, T1).
import { describe, expect, it } from "vitest";
import { resolveClientAddress, trustedProxies } from "./client-address";

const resolve = (peer: string, forwardedFor: string | undefined, setting = "") =>
  resolveClientAddress({ peer, forwardedFor, proxies: trustedProxies(setting) });

describe("client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolve("203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
    expect(resolve("::ffff:203.0.113.7", undefined)).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolve("203.0.113.7", "198.51.100.1", "10.0.0.0/8")).toBe("203.0.113.7");
  });

  it("behind trusted proxies, takes the right-most entry that is not a trusted proxy", () => {
    // The client wrote "1.1.1.1" itself; the proxy appended the address it saw.
    expect(resolve("10.0.0.2", "1.1.1.1, 198.51.100.9", "10.0.0.0/8")).toBe("198.51.100.9");
    expect(resolve("10.0.0.2", "1.1.1.1, 198.51.100.9, 10.0.0.5", "10.0.0.0/8")).toBe("198.51.100.9");
    expect(resolve("::1", "2001:db8::5", "::1")).toBe("2001:db8::5");
  });

  it("stops at an entry that is not an address, and falls back to the last trusted hop", () => {
    expect(resolve("10.0.0.2", "198.51.100.9, garbage", "10.0.0.0/8")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", undefined, "10.0.0.0/8")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "10.0.0.3", "10.0.0.0/8")).toBe("10.0.0.3");
  });

  it("refuses a setting that is not addresses or CIDR ranges", () => {
    expect(() => trustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/"proxy.internal" is not an IP address/);
  });
});
