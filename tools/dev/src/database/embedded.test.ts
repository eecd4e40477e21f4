import { describe, expect, test } from 'vitest';
import { parseEmbeddedEngine } from './embedded.ts';

describe('ELIGO_EMBEDDED_DB', () => {
  test('unset or empty: auto; the two engines by name', () => {
    expect(parseEmbeddedEngine(undefined)).toBe('auto');
    expect(parseEmbeddedEngine('')).toBe('auto');
    expect(parseEmbeddedEngine('ferretdb2')).toBe('ferretdb2');
    expect(parseEmbeddedEngine('mongodb-memory-server')).toBe('mongodb-memory-server');
  });

  test('anything else is refused, naming what is allowed (v1 "ferretdb" included)', () => {
    expect(() => parseEmbeddedEngine('ferretdb')).toThrow(
      'ELIGO_EMBEDDED_DB=ferretdb is not one of auto, ferretdb2, mongodb-memory-server',
    );
  });
});
