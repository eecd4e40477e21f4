/**
 * Text that is text (README "Accounts and security notes"): every free-text field refuses control
 * characters (C0, DEL and C1; tab, line feed and carriage return only where a field may hold
 * several lines) and lone surrogates (half of a character outside the BMP, which no font draws and
 * which breaks mail headers, PDFs and JSON elsewhere).
 *
 * The rule is a JSON Schema `pattern`, so that Ajv (the server), TypeBox and any client reading the
 * OpenAPI document enforce the same thing with nothing to register. The free-text schemas of
 * `schemas/` and `wotc/answers.ts` carry one of the four patterns below, written inline
 * (`Type.String({ …, pattern: TEXT_NOT_BLANK })`). `textProblem` says which part of the rule a
 * value breaks, for messages people can act on: the server's validation errors
 * (`server/src/lib/error-mapping.ts`) and the browser's checks before sending (`textIssues`, run
 * by the web app's API client, and the survey's `answer-checks.ts`) use the same words.
 *
 * The patterns work with and without the regex `u` flag (Ajv and TypeBox compile with it): with
 * it, a surrogate pair is one code point that the first alternative accepts and a lone surrogate
 * matches neither; without it, the second alternative accepts a pair and nothing accepts a half.
 */

/** Single-line text, possibly empty. */
export const TEXT =
  '^(?:[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$';
/** Single-line text with at least one character that is not white space. */
export const TEXT_NOT_BLANK =
  '^(?=[\\s\\S]*\\S)(?:[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$';
/** Text of several lines (tab, line feed and carriage return allowed), possibly empty. */
export const MULTILINE_TEXT =
  '^(?:[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$';
/** Text of several lines with at least one character that is not white space. */
export const MULTILINE_TEXT_NOT_BLANK =
  '^(?=[\\s\\S]*\\S)(?:[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$';

export interface TextRule {
  multiline: boolean;
  notBlank: boolean;
}

/** The rule each text pattern stands for. */
export const TEXT_RULES: Readonly<Record<string, TextRule>> = {
  [TEXT]: { multiline: false, notBlank: false },
  [TEXT_NOT_BLANK]: { multiline: false, notBlank: true },
  [MULTILINE_TEXT]: { multiline: true, notBlank: false },
  [MULTILINE_TEXT_NOT_BLANK]: { multiline: true, notBlank: true },
};

export type TextProblem = 'blank' | 'line_break' | 'control_character' | 'broken_character';

/** What each problem means, worded for the person who typed (or pasted) the text. */
export const TEXT_MESSAGES: Readonly<Record<TextProblem, string>> = {
  blank: 'Fill in this field.',
  line_break: 'Keep this on one line: remove the line break.',
  control_character:
    'This contains an invisible control character: retype the text or paste it as plain text.',
  broken_character:
    'This contains a broken character (half of an emoji or symbol): retype the text or paste it as plain text.',
};

/** Which part of `rule` the value breaks, or null when it is fine. */
export function textProblem(value: string, rule: TextRule): TextProblem | null {
  // White space only (tabs included) is blank, the problem people can see.
  if (rule.notBlank && !/\S/.test(value)) return 'blank';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'broken_character';
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return 'broken_character';
    } else if (code === 0x0a || code === 0x0d) {
      if (!rule.multiline) return 'line_break';
    } else if (code === 0x09) {
      if (!rule.multiline) return 'control_character';
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      return 'control_character';
    }
  }
  return null;
}

/** The message for a value that fails the text pattern `pattern`, or null when it is not one. */
export function textMessage(pattern: unknown, value: unknown): string | null {
  const rule = typeof pattern === 'string' ? TEXT_RULES[pattern] : undefined;
  if (!rule) return null;
  const problem = typeof value === 'string' ? textProblem(value, rule) : null;
  // A value the pattern refused although no problem is found cannot happen; say the whole rule.
  return problem ? TEXT_MESSAGES[problem] : 'Use plain text only.';
}

interface SchemaNode {
  type?: unknown;
  pattern?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/**
 * The text problems of a request body, found by walking its schema beside it: each string whose
 * schema carries a text pattern and breaks it, as `{ path, message }` with the API's paths
 * (`/body/name`). The browser runs it before sending, so a form shows the same message the server
 * would, without a round trip. Other rules (lengths, formats) are left to the server.
 */
export function textIssues(
  schema: unknown,
  value: unknown,
  path = '/body',
): Array<{ path: string; message: string }> {
  const node = schema as SchemaNode | undefined;
  if (!node || typeof node !== 'object') return [];
  const alternatives = [node, ...(node.anyOf ?? [])];
  if (typeof value === 'string') {
    for (const { pattern } of alternatives) {
      const rule = typeof pattern === 'string' ? TEXT_RULES[pattern] : undefined;
      const problem = rule ? textProblem(value, rule) : null;
      if (problem) return [{ path, message: TEXT_MESSAGES[problem] }];
    }
    return [];
  }
  if (Array.isArray(value)) {
    const items = alternatives.find((n) => n.items)?.items;
    return value.flatMap((item, i) => textIssues(items, item, `${path}/${i}`));
  }
  const properties = alternatives.find((n) => n.properties)?.properties;
  if (value && typeof value === 'object' && properties) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      textIssues(properties[key], item, `${path}/${key}`),
    );
  }
  return [];
}
