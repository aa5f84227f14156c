export { createManualClock, type ManualClock } from './create-manual-clock.js';
export { createTestLookup } from './create-test-lookup.js';
export { makeTestCertificates, type TestCertificates } from './make-test-certificates.js';
export { respond, type RouteContext, type RouteHandler } from './routes.js';
export { startSimulatedWeb, type RecordedRequest, type SimulatedWeb } from './start-simulated-web.js';
export { startTestProxy, type TestProxy } from './start-test-proxy.js';
export { closedPort, startTcpServer, type TcpServer } from './start-tcp-server.js';
