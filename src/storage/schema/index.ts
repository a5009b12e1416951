export * from './audit.js';
export * from './budgets.js';
export * from './conversations.js';
export * from './expenses.js';
export * from './exports.js';
export * from './ledger.js';
export * from './messaging.js';
export * from './organisations.js';
