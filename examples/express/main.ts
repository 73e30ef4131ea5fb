// Starts the Express service with settings from the environment: `APP_ENVIRONMENT=development
// APP_DATABASE__NAME=orders APP_SESSION_KEY=… npx tsx examples/express/main.ts`. A bad environment stops it
// before it listens, with one message naming each variable to fix; secrets never show.
import '../tydantic.gen';
import type { AddressInfo } from 'node:net';
import { SettingsError } from 'tydantic/settings';
import { AppConfig } from '../config';
import { createApp } from './server';

function settings(): AppConfig {
  try {
    return AppConfig.load();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG: a configuration error
  }
}

const config = settings();
console.log('settings:', config);
const server = createApp().listen(config.port, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening on http://127.0.0.1:${port} (${config.environment}, ${config.workers} workers)`);
});
process.once('SIGTERM', () => server.close());
