// The storage layer's public face: everything the core may call. All SQL lives under db/.

export * from './statements.js';
export * from './connection.js';
export * from './staff.js';
export * from './stories.js';
export * from './revisions.js';
export * from './comments.js';
export * from './audit.js';
export * from './settings.js';
export * from './search.js';
export * from './storyPhotos.js';
export * from './findings.js';
export * from './sessions.js';
export * from './setupCodes.js';
export * from './signInThrottle.js';
export * from './accountEvents.js';
export * from './newsroom.js';
export * from './appliedKeys.js';
