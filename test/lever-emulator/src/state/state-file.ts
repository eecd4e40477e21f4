import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { State } from './store.ts';

/**
 * The emulator's state in a JSON file, so that a restart of `pnpm start` keeps the demo: the
 * account's data (candidates, postings, notes, offers), the OAuth grants and tokens, webhooks and
 * their delivery log, the event-group toggles and the settings pages' login sessions. Tokens are
 * kept as the emulator keeps them in memory (a local stand-in for Lever, not a secret store); the
 * file is written readable by its owner only and nothing here prints them.
 *
 * Not kept: what a test sets up for one run (faults, counters, request log, rate-limit buckets,
 * switches, the OAuth client, which come from the options again) and logins in progress.
 */
const MAPS = [
  'users',
  'postings',
  'contacts',
  'opportunities',
  'applications',
  'notes',
  'offers',
  'grants',
  'codes',
  'refreshTokens',
  'accessTokens',
  'apiKeys',
  'webhooks',
  'eventGroups',
  'uiSessions',
] as const satisfies ReadonlyArray<keyof State>;
const LISTS = ['stages', 'archiveReasons', 'deliveries'] as const satisfies ReadonlyArray<
  keyof State
>;
const FORMAT = 1;

type Saved = { format: number; account: State['account'] } & {
  [K in (typeof MAPS)[number]]: Array<[string, unknown]>;
} & { [K in (typeof LISTS)[number]]: unknown[] };

function serialize(state: State): string {
  const saved: Record<string, unknown> = { format: FORMAT, account: state.account };
  for (const key of MAPS) saved[key] = [...state[key].entries()];
  for (const key of LISTS) saved[key] = state[key];
  return JSON.stringify(saved);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file's content, checked as far as a wrong shape would break the emulator; throws why not. */
function parse(text: string): Saved {
  const saved: unknown = JSON.parse(text);
  if (!isObject(saved)) throw new Error('not a JSON object');
  if (saved.format !== FORMAT)
    throw new Error(`format ${String(saved.format)}, expected ${FORMAT}`);
  if (!isObject(saved.account) || typeof saved.account.id !== 'string')
    throw new Error('"account" is not an account');
  for (const key of MAPS) {
    const entries = saved[key];
    if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && e.length === 2))
      throw new Error(`"${key}" is not a list of [key, value] pairs`);
    if (!entries.every(([id]) => typeof id === 'string'))
      throw new Error(`"${key}" has a key that is not a string`);
  }
  for (const key of LISTS)
    if (!Array.isArray(saved[key])) throw new Error(`"${key}" is not a list`);
  return saved as Saved;
}

function apply(state: State, saved: Saved): void {
  state.account = saved.account;
  // Each map keeps its value type; the file was checked for its [key, value] shape above.
  for (const key of MAPS) (state[key] as Map<string, unknown>) = new Map(saved[key]);
  for (const key of LISTS) (state[key] as unknown[]) = saved[key];
}

export interface StateFileOptions {
  /** How long a change waits for more before the file is written (default 250 ms). */
  debounceMs?: number;
  /** Where problems with the file are said (default: stderr). Messages never contain tokens. */
  report?: (message: string) => void;
}

export interface StateFile {
  readonly path: string;
  /** Reads the file into `state` (at start). Returns what it did; never throws. */
  load(): 'loaded' | 'absent' | 'set-aside';
  /** The state changed: write the file soon (debounced). */
  changed(): void;
  /** On close: writes now what is pending, then no more; resolves once the file is on disk. */
  close(): Promise<void>;
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

export function openStateFile(
  file: string,
  state: State,
  { debounceMs = 250, report = (m) => console.error(m) }: StateFileOptions = {},
): StateFile {
  let timer: NodeJS.Timeout | undefined;
  let lastWritten: string | undefined;
  let writing: Promise<void> = Promise.resolve();
  let failing = false;
  // After close, a late change (a webhook attempt aborted by the close) must not overwrite the
  // file the next emulator may already be using.
  let closed = false;

  /** Write to a temporary file, then rename: a crash mid-write leaves the old file whole. */
  async function write(): Promise<void> {
    const text = serialize(state);
    if (text === lastWritten) return;
    const temporary = `${file}.tmp-${process.pid}`;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, file);
    lastWritten = text;
  }

  function save(): Promise<void> {
    writing = writing.then(write).then(
      () => {
        if (failing) report(`[lever-emulator] state saved to ${file} again`);
        failing = false;
      },
      (error: unknown) => {
        // Said once per streak of failures: a full disk would otherwise repeat it on every click.
        if (!failing)
          report(
            `[lever-emulator] could not save the state to ${file}: ${(error as Error).message}`,
          );
        failing = true;
      },
    );
    return writing;
  }

  return {
    path: file,
    load() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
        return setAside(`cannot be read (${(error as Error).message})`);
      }
      try {
        apply(state, parse(text));
        lastWritten = text;
        return 'loaded';
      } catch (error) {
        return setAside(`is not a state file this emulator can use (${(error as Error).message})`);
      }
    },
    changed() {
      if (timer || closed) return;
      timer = setTimeout(() => {
        timer = undefined;
        void save();
      }, debounceMs);
      timer.unref();
    },
    async close() {
      clearTimeout(timer);
      timer = undefined;
      closed = true;
      await save();
    },
  };

  /** Moves a bad file aside (kept for a look) and starts from the seed. */
  function setAside(why: string): 'set-aside' {
    const aside = `${file}.corrupt-${stamp()}`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      renameSync(file, aside);
      report(`[lever-emulator] ${file} ${why}; moved it to ${aside} and started from the seed`);
    } catch (error) {
      report(
        `[lever-emulator] ${file} ${why}, and moving it aside failed (${(error as Error).message}); started from the seed`,
      );
    }
    return 'set-aside';
  }
}
