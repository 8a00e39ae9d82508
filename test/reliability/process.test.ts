/**
 * The gateway as operators run it: `npm start`'s process on the embedded default. Structured JSON logs with the
 * gateway's own request id on every request line (the caller's beside it) and no personal data; SIGTERM lets a
 * request in flight finish, refuses new connections, closes the sources and exits 0.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnGateway } from "../../scripts/lib/spawn-gateway.js";

describe("the gateway process", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ndaf-process-"));
  let gateway: RunningServer | undefined;
  afterAll(async () => {
    await gateway?.stop(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("logs JSON with request ids and no personal data, and shuts down gracefully on SIGTERM", async () => {
    gateway = await spawnGateway({
      env: {
        NODE_ENV: "development",
        LOG_LEVEL: "info",
        PORT: "0",
        DATA_DIR: dataDir,
        SEED_CITIZENS: "150",
        GATEWAY_RATE_LIMIT: "0",
        VITEST: undefined,
      },
      timeoutMs: 60_000,
      keepOutput: true,
    });
    const { child, port, exited } = gateway;
    const url = `http://127.0.0.1:${port}/graphql`;
    const headers = {
      "content-type": "application/json",
      authorization: "Bearer ndaf-demo-all-grants",
      "x-purpose-procedure": "1.001193",
      "x-purpose-case": "HS-LOG-1",
    };

    const list = await (
      await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: "query FirstCitizen { citizens(first: 1) { edges { node { personalId } } } }" }),
      })
    ).json();
    const personalId = list.data.citizens.edges[0].node.personalId as string;
    const one = await fetch(url, {
      method: "POST",
      headers: { ...headers, "x-request-id": "trace-123" },
      body: JSON.stringify({
        query: "query Who($id: PersonalId!) { citizen(personalId: $id) { fullName } }",
        variables: { id: personalId },
      }),
    });
    expect(one.status).toBe(200);
    // The gateway's own id, not the caller's; the caller's is echoed beside it.
    const gatewayId = one.headers.get("x-request-id")!;
    expect(gatewayId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one.headers.get("x-caller-request-id")).toBe("trace-123");
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);

    // A request in flight: headers and half its body sent, the rest after SIGTERM.
    const body = JSON.stringify({ query: "query InFlight { provinces { code } }" });
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    let response = "";
    socket.on("data", (chunk) => (response += chunk));
    const answered = new Promise((r) => socket.once("close", r));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow(); // no new connections
    socket.write(body.slice(10));
    await answered;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('"provinces":[{"code":"01"}');
    expect(await exited).toBe(0);

    const out = gateway.output();
    const lines = out.trim().split("\n");
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>); // every line is JSON
    const requests = records.filter((r) => r.msg === "request");
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const r of requests) expect(r.requestId, JSON.stringify(r)).toMatch(/^[\w.-]+$/);
    expect(requests.find((r) => r.requestId === gatewayId)).toMatchObject({
      callerRequestId: "trace-123",
      operation: "Who",
      status: 200,
      client: "VN:GOV:DEMO:ALL-GRANTS",
      route: "/graphql",
    });
    expect(requests.filter((r) => r.requestId === "trace-123")).toEqual([]);
    expect(requests.filter((r) => r.callerRequestId !== undefined)).toHaveLength(1);
    expect(requests.find((r) => r.operation === "InFlight")).toMatchObject({ status: 200 });
    expect(out).not.toContain(personalId);
    expect(records.map((r) => r.msg)).toEqual(
      expect.arrayContaining(["shutting down", "requests in flight finished; closing the sources", "stopped"]),
    );
  }, 120_000);
});
