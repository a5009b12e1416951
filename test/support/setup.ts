// Runs around every test file: databases kept for reuse between a file's tests are removed when the file ends.
import { afterAll } from 'vitest';
import { closePooledTestDatabases } from './test-databases.js';

afterAll(async () => {
  await closePooledTestDatabases();
});
