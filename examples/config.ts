import { Model, type Secret, field, model } from 'tydantic';
import { Settings, settings } from 'tydantic/settings';

/** Database connection settings. */
@model({ extra: 'forbid' })
export class DatabaseConfig extends Model {
  host = 'localhost';
  @field({ int: true, ge: 1, le: 65535 }) port = 5432;
  @field({ minLength: 1 }) name!: string;
  /** Mounted as a secret file in production. */
  password?: Secret<string>;
  ssl = false;
}

/**
 * Settings the service reads at startup: `APP_PORT`, `APP_DATABASE__HOST` …, from the environment, a `.env`
 * file, and secret files in `/run/secrets` (`APP_SESSION_KEY`).
 */
@settings({ envPrefix: 'APP_', nestedDelimiter: '__', envFile: '.env', secretsDir: '/run/secrets' })
export class AppConfig extends Settings {
  environment!: 'development' | 'staging' | 'production';
  /** 0 picks a free port. */
  @field({ int: true, ge: 0, le: 65535 }) port = 8000;
  database!: DatabaseConfig;
  @field({ int: true, gt: 0 }) workers = 4;
  logLevel: 'debug' | 'info' | 'warn' | 'error' = 'info';
  featureFlags: string[] = [];
  maintenanceUntil: Date | null = null;
  /** Signs session cookies. */
  @field({ minLength: 32 }) sessionKey!: Secret<string>;
}
