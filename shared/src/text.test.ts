import { describe, expect, test } from 'vitest';
import { Check } from 'typebox/value';
import type { TSchema } from 'typebox';
import * as routes from './routes/index.ts';
import type { RouteDef } from './route-table.ts';
import {
  MULTILINE_TEXT,
  MULTILINE_TEXT_NOT_BLANK,
  TEXT,
  TEXT_MESSAGES,
  TEXT_NOT_BLANK,
  textIssues,
  textProblem,
  type TextRule,
} from './text.ts';

const line: TextRule = { multiline: false, notBlank: true };
const lines: TextRule = { multiline: true, notBlank: true };

describe('textProblem', () => {
  test.each([
    ['Paula Probe', null, null],
    ['Zoë 😀 Ñandú', null, null],
    ['   ', 'blank', 'blank'],
    [' \t ', 'blank', 'blank'],
    ['', 'blank', 'blank'],
    ['Paula\u0000Probe', 'control_character', 'control_character'],
    ['Ada\u001b[31m', 'control_character', 'control_character'],
    ['Ada\u007f', 'control_character', 'control_character'],
    ['Ada\u0085', 'control_character', 'control_character'],
    ['Ada\tLovelace', 'control_character', null],
    ['Ada\nLovelace', 'line_break', null],
    ['Ada\r\nLovelace', 'line_break', null],
    ['Ada\ud83d', 'broken_character', 'broken_character'],
    ['\ude00Ada', 'broken_character', 'broken_character'],
    ['\ude00\ud83d', 'broken_character', 'broken_character'],
  ])('%j: one line → %s, several lines → %s', (value, onOneLine, onSeveral) => {
    expect(textProblem(value, line)).toBe(onOneLine);
    expect(textProblem(value, lines)).toBe(onSeveral);
  });

  test('the patterns say the same as textProblem, with and without the regex u flag', () => {
    const values = [
      'Paula Probe',
      'Zoë 😀',
      '',
      '  ',
      'a\u0000',
      'a\tb',
      'a\nb',
      'a\u009f',
      'a\ud83d',
      '\ude00',
    ];
    const cases: Array<[string, TextRule]> = [
      [TEXT, { multiline: false, notBlank: false }],
      [TEXT_NOT_BLANK, line],
      [MULTILINE_TEXT, { multiline: true, notBlank: false }],
      [MULTILINE_TEXT_NOT_BLANK, lines],
    ];
    for (const [pattern, rule] of cases) {
      for (const flags of ['u', '']) {
        const regexp = new RegExp(pattern, flags);
        for (const value of values) {
          expect({ pattern, flags, value, ok: regexp.test(value) }).toEqual({
            pattern,
            flags,
            value,
            ok: textProblem(value, rule) === null,
          });
        }
      }
    }
  });
});

describe('textIssues (the browser check before sending)', () => {
  test('finds the broken fields of a body by its schema, with the API paths and messages', () => {
    const schema = routes.authRoutes.signup.body;
    const body = {
      organizationName: 'Acme\u0000',
      name: 'Ada\nLovelace',
      email: 'ada@example.com',
      password: 'any\u0000thing goes',
    };
    expect(textIssues(schema, body)).toEqual([
      { path: '/body/organizationName', message: TEXT_MESSAGES.control_character },
      { path: '/body/name', message: TEXT_MESSAGES.line_break },
    ]);
    expect(textIssues(schema, { ...body, organizationName: 'Acme', name: 'Ada' })).toEqual([]);
  });

  test('several lines where the schema allows them', () => {
    const schema = routes.applicantRoutes.overrideWotcStatus.body;
    expect(textIssues(schema, { status: 'needs_review', reason: 'First\nSecond' })).toEqual([]);
    expect(textIssues(schema, { status: 'needs_review', reason: 'x\ud800' })).toEqual([
      { path: '/body/reason', message: TEXT_MESSAGES.broken_character },
    ]);
  });
});

/**
 * Every string a request may carry (path, query, body) refuses control characters and lone
 * surrogates, whatever else its schema says — so a route added later with a bare `Type.String()`
 * fails here. Exempt, with the reason: secrets that are only hashed or compared (never shown,
 * mailed or stored as text), and Lever's own values, checked by their signature or OAuth state.
 */
const EXEMPT = new Set<string>([
  'POST /api/auth/signup body.password',
  'POST /api/auth/login body.password',
  'POST /api/auth/set-password body.password',
  'POST /api/auth/password/reset body.password',
  'POST /api/account/password body.currentPassword',
  'POST /api/account/password body.newPassword',
  'GET /api/integrations/lever/callback query.state',
  'GET /api/integrations/lever/callback query.code',
  'GET /api/integrations/lever/callback query.error',
  'GET /api/integrations/lever/callback query.error_description',
  'PUT /api/integrations/:integrationId/webhook/manual body.signatureToken',
  'POST /api/webhooks/lever/:integrationId params.integrationId',
  'POST /api/webhooks/lever/:integrationId body.token',
  'POST /api/webhooks/lever/:integrationId body.signature',
  'POST /api/webhooks/lever/:integrationId body.event',
  'POST /api/webhooks/lever/:integrationId/:hookKey params.integrationId',
  'POST /api/webhooks/lever/:integrationId/:hookKey params.hookKey',
  'POST /api/webhooks/lever/:integrationId/:hookKey body.token',
  'POST /api/webhooks/lever/:integrationId/:hookKey body.signature',
  'POST /api/webhooks/lever/:integrationId/:hookKey body.event',
]);

interface Node {
  type?: unknown;
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  enum?: unknown[];
  const?: unknown;
}

function stringLeaves(node: Node | undefined, path: string): Array<[string, Node]> {
  if (!node) return [];
  const own: Array<[string, Node]> =
    node.type === 'string' && node.enum === undefined && node.const === undefined
      ? [[path, node]]
      : [];
  return [
    ...own,
    ...Object.entries(node.properties ?? {}).flatMap(([key, child]) =>
      stringLeaves(child, `${path}.${key}`),
    ),
    ...stringLeaves(node.items, `${path}[]`),
    ...(node.anyOf ?? []).flatMap((child) => stringLeaves(child, path)),
  ];
}

const defs = Object.values(routes).flatMap((table) =>
  typeof table === 'object' && table !== null
    ? Object.values(table as Record<string, unknown>).filter(
        (d): d is RouteDef =>
          typeof d === 'object' && d !== null && 'method' in d && 'path' in d && 'access' in d,
      )
    : [],
);

const leaves = defs.flatMap((def) =>
  (['params', 'query', 'body'] as const).flatMap((part) =>
    stringLeaves(def[part] as Node | undefined, part).map(([where, leaf]): [string, Node] => [
      `${def.method} ${def.path} ${where}`,
      leaf,
    ]),
  ),
);

test('the sweep sees the route table, and every exemption names a real field', () => {
  expect(defs.length).toBeGreaterThan(30);
  const names = new Set(leaves.map(([name]) => name));
  expect([...EXEMPT].filter((name) => !names.has(name))).toEqual([]);
});

test.each(leaves.filter(([name]) => !EXEMPT.has(name)))(
  '%s refuses control characters and lone surrogates',
  (name, leaf) => {
    for (const bad of ['Ada\u0000Probe', 'Ada\u001bProbe', 'Ada\ud83d', '\u0085']) {
      expect({ name, bad, accepted: Check(leaf as TSchema, bad) }).toEqual({
        name,
        bad,
        accepted: false,
      });
    }
  },
);
