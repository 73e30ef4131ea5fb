import { describe, expect, it } from 'vitest';
import { formatIssues, preview, ValidationError } from './errors';
import { messageTemplates, renderMessage } from './messages';

describe('renderMessage', () => {
  it('fills the context and pluralises like pydantic', () => {
    expect(renderMessage(messageTemplates.string_too_short, { min_length: 1 })).toBe(
      'String should have at least 1 character',
    );
    expect(renderMessage(messageTemplates.string_too_long, { max_length: 3 })).toBe(
      'String should have at most 3 characters',
    );
    expect(
      renderMessage(messageTemplates.too_short, { field_type: 'List', min_length: 2, actual_length: 0 }),
    ).toBe('List should have at least 2 items after validation, not 0');
    expect(renderMessage(messageTemplates.missing, undefined)).toBe('Field required');
  });
});

describe('preview', () => {
  it('renders inputs on one line, Python-like, truncated in the middle', () => {
    expect(preview('')).toBe("''");
    expect(preview("it's \"x\"\n")).toBe("'it\\'s \"x\"\\n'");
    expect(preview(-0)).toBe('-0');
    expect(preview(10n)).toBe('10n');
    expect(preview(undefined)).toBe('undefined');
    expect(preview(null)).toBe('null');
    expect(preview(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(preview(new Date(Number.NaN))).toBe('Invalid Date');
    expect(preview({ a: [1, { b: 'c' }] })).toBe("{'a': [1, {'b': 'c'}]}");
    expect(preview({ a: { b: { c: { d: 1 } } } })).toBe("{'a': {'b': {'c': {...}}}}");
    expect(preview(function named() {})).toBe('[Function named]');
    expect(preview('x'.repeat(100))).toBe(`'${'x'.repeat(23)}...${'x'.repeat(22)}'`);
    expect(preview('x'.repeat(100)).length).toBe(50);
  });
});

describe('ValidationError', () => {
  it('summarises issues, with root issues shown without a path', () => {
    const error = new ValidationError('User', [
      { type: 'model_type', loc: [], msg: 'Input should be a valid dictionary or instance of User', input: 1, ctx: { class_name: 'User' } },
    ]);
    expect(error.message).toBe(
      '1 validation error for User\n  Input should be a valid dictionary or instance of User [type=model_type, input=1]',
    );
    expect(error.name).toBe('ValidationError');
    expect(error).toBeInstanceOf(Error);
    expect(formatIssues('X', [])).toBe('0 validation errors for X');
  });
});
