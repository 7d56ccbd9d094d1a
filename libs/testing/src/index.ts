export * from './wait.js';
export * from './database.js';
export * from './kafka.js';
export * from './keys.js';
export * from './paths.js';
export * from './service-process.js';
export * from './platform.js';
