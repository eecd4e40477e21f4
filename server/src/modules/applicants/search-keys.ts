import { normalizeEmail } from '../../lib/email.ts';

/**
 * Search keys stored on each applicant, so that name and email search are answered from one
 * multikey index on MongoDB (docs/applicants.md, "Search"):
 * - `searchTokens`: every word of the name, folded (accents removed, lower case), plus the words
 *   of hyphenated and apostrophe'd names joined (`Mary-Ann` → `mary`, `ann`, `maryann`), plus
 *   the whole normalized email address;
 * - `sortName`: the folded full name, for sorting by name.
 * A query word matches a token it is a prefix of (an anchored, case-sensitive regex on folded text,
 * which MongoDB turns into an index range).
 */

/** Lower case, accents and other combining marks removed, compatibility forms unified. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const APOSTROPHES = /['’ʼ`´]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a name: `José O'Brien-Núñez` → `jose`, `obrien`, `nunez`, `obriennunez`. */
export function nameTokens(name: string): string[] {
  const tokens = new Set<string>();
  const folded = fold(name).replace(APOSTROPHES, '');
  for (const chunk of folded.split(/\s+/)) {
    const words = chunk.match(WORD) ?? [];
    for (const word of words) tokens.add(word);
    if (words.length > 1) tokens.add(words.join(''));
  }
  return [...tokens];
}

export interface SearchKeys {
  searchTokens: string[];
  sortName: string;
  emailNormalized: string | null;
}

export function searchKeysFor(name: string, email: string | null): SearchKeys {
  const emailNormalized = email ? normalizeEmail(email) : null;
  const tokens = nameTokens(name);
  if (emailNormalized) tokens.push(emailNormalized);
  return {
    searchTokens: tokens,
    sortName: fold(name).replace(/\s+/g, ' ').trim(),
    emailNormalized,
  };
}

/** At most this many words of a query are used (each one narrows the result). */
const MAX_QUERY_TERMS = 5;

/**
 * The prefixes a query looks for, every one of which must match a token. A query with `@` is an
 * email prefix (kept whole); otherwise it is split into folded words like a name.
 */
export function queryTerms(query: string): string[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  if (trimmed.includes('@')) return [normalizeEmail(trimmed)];
  const words = fold(trimmed).replace(APOSTROPHES, '').match(WORD) ?? [];
  // Longest first: the first term picks the index range, so the most selective one goes there.
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, MAX_QUERY_TERMS);
}

/** `^` + the term with every regex metacharacter escaped. */
export function prefixPattern(term: string): RegExp {
  return new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}`);
}

/**
 * First and last name from Lever's single `name` (the survey's prefill only: the applicant types
 * their legal name in step 1; the original is kept as `name`). The last word is the last name and
 * everything before it the first name; a single word is a first name.
 */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: '', lastName: '' };
  if (words.length === 1) return { firstName: words[0]!, lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}
