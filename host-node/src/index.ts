// What other parts of the project use: the dev stack, the e2e runner and the tests start nodes in-process.
export { startHostNode, type RunningHostNode } from './node';
export { ConfigError, DEFAULTS, loadConfigFromEnv, type HostNodeConfig } from './config';
