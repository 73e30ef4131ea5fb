/**
 * Runs before every test file. Many tests compile a project synchronously, and a file of such tests
 * would hold the worker's event loop from its first test to its last: the worker's reports to vitest
 * (`onTaskUpdate`) then wait unanswered and time out after 60 s on a busy host, failing a passing run.
 * Each test therefore starts on a new turn of the event loop, after the answers that came in meanwhile.
 */
import { beforeEach } from 'vitest';

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
