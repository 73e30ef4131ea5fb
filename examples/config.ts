import { Model, field, model } from 'tydantic';

/** Database connection settings. */
@model({ extra: 'forbid' })
export class DatabaseConfig extends Model {
  host = 'localhost';
  @field({ int: true, ge: 1, le: 65535 }) port = 5432;
  @field({ minLength: 1 }) name!: string;
  ssl = false;
}

/** Settings the service reads at startup. */
@model({ extra: 'forbid' })
export class AppConfig extends Model {
  environment!: 'development' | 'staging' | 'production';
  database!: DatabaseConfig;
  @field({ int: true, gt: 0 }) workers = 4;
  logLevel: 'debug' | 'info' | 'warn' | 'error' = 'info';
  featureFlags: string[] = [];
  maintenanceUntil: Date | null = null;
}
