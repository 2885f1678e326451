// The event history engine: every event read in the app (and the host node's watcher) goes through here.
// See /README.md "Event history" for the design.
export * from './types';
export * from './rpcError';
export * from './ranges';
export * from './reader';
export * from './scan';
export * from './progress';
export * from './stores';
export * from './deploymentBlock';
export * from './earliestBlock';
export * from './blockTimes';
