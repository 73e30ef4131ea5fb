import { describe, expect, it } from 'vitest';
import { aliasOf } from './aliases';

describe('aliasOf', () => {
  it.each([
    ['firstName', 'first_name', 'firstName', 'FirstName'],
    ['first_name', 'first_name', 'firstName', 'FirstName'],
    ['HTTPServer', 'http_server', 'httpServer', 'HttpServer'],
    ['userID', 'user_id', 'userId', 'UserId'],
    ['address2Line', 'address2_line', 'address2Line', 'Address2Line'],
    ['x', 'x', 'x', 'X'],
  ])('%s → %s, %s, %s', (name, snake, camel, pascal) => {
    expect(aliasOf('snake_case', name)).toBe(snake);
    expect(aliasOf('camelCase', name)).toBe(camel);
    expect(aliasOf('PascalCase', name)).toBe(pascal);
  });

  it('calls a function generator', () => {
    expect(aliasOf((n) => `x-${n}`, 'a')).toBe('x-a');
  });
});
