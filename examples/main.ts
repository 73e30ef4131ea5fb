// The demo: parse a valid and an invalid request body, and a config.
import './tydantic.gen';
import { inspect } from 'node:util';
import { ValidationError } from 'tydantic';
import { AppConfig } from './config';
import { CreateOrder } from './models/order';

const show = (value: unknown): string => inspect(value, { depth: 4, colors: false, breakLength: 100 });

const valid = {
  customer: 'Ada Lovelace',
  email: 'ada@example.org',
  items: [
    { sku: 'BOOK-1', quantity: 2, price: 12.5 },
    { sku: 'PEN-7', quantity: 10, price: 1.25 },
  ],
  shipTo: { street: '12 Analytical Way', city: 'London', zip: '10001' },
  placedAt: '2026-11-29T10:15:00Z',
};

console.log('== A valid order ==');
const order = CreateOrder.parse(valid);
console.log(show(order));
console.log(`instanceof CreateOrder: ${order instanceof CreateOrder}; total(): ${order.total()}`);
console.log(`shipTo.oneLine: ${order.shipTo.oneLine}`);
console.log(`JSON: ${JSON.stringify(order)}`);

console.log('\n== An invalid order ==');
const invalid = {
  customer: '',
  email: 'not-an-email',
  items: [{ sku: 'BOOK-1', quantity: 2.5, price: 12.5 }, { sku: 'PEN-7', price: -1, color: 'red' }],
  shipTo: { street: '12 Analytical Way', zip: '1000' },
  priority: 'urgent',
  placedAt: '2026-02-30',
  coupon: 'FREE',
};
try {
  CreateOrder.parse(invalid);
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  console.log(error.message);
  console.log('\nissues[0]:', show(error.issues[0]));
}

console.log('\n== Settings read at startup from environment variables (lax mode converts the strings) ==');
const env = {
  APP_ENVIRONMENT: 'production',
  APP_DATABASE__NAME: 'orders',
  APP_DATABASE__PORT: '6432',
  APP_DATABASE__SSL: 'true',
  APP_WORKERS: '8',
  APP_FEATURE_FLAGS: 'search,dark-mode',
  APP_SESSION_KEY: 'a-32-character-session-signing-key',
};
const config = AppConfig.load({}, { env, envFile: [], secretsDir: [] });
console.log(show(config));
try {
  AppConfig.load({}, { env: { APP_ENVIRONMENT: 'prod', APP_DATABASE__PORT: '70000', APP_WORKERS: '0', APP_SESSION_KEY: 'hunter2' }, envFile: [], secretsDir: [] });
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  console.log(error.message);
}
