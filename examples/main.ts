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

console.log('\n== A config read at startup, from environment-variable strings (lax mode converts them) ==');
const config = AppConfig.safeParse({ environment: 'production', database: { name: 'orders', port: '6432', ssl: 'true' }, workers: '8' });
console.log(config.success ? show(config.data) : config.error.message);
const broken = AppConfig.safeParse({ environment: 'prod', database: { port: '70000' }, workers: '0' });
console.log(broken.success ? show(broken.data) : broken.error.message);
