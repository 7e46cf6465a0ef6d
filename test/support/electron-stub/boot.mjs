// Imports the built main bundle, waits for the shell to finish starting, prints what it did.
await import(process.argv[2]);
const deadline = Date.now() + 20_000;
const stub = globalThis.electronStub;
while (Date.now() < deadline && stub.loaded.length === 0 && stub.exitCode === null) await new Promise((r) => setTimeout(r, 100));
process.stdout.write(`${JSON.stringify({ handles: stub.handles, windows: stub.windows.map((w) => w.webPreferences), loaded: stub.loaded, exitCode: stub.exitCode })}\n`);
process.exit(0);
