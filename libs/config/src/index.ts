export * from './env-decorators.js';
export * from './load-config.js';
export * from './service-environment.js';
export * from './config.module.js';
