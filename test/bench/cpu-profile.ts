import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and turns it into what a person can
 * read: self time by function and by package, the time spent under named frames (inclusive), and
 * a flame graph as a standalone SVG. No dependency: the format is a tree of call frames with a
 * hit count per node (samples) and the sampling interval.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

/** `node_modules/.pnpm/fastify@5.x/node_modules/fastify/lib/x.js` → `fastify/lib/x.js`. */
export function shortUrl(url: string): string {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) return file.slice(modules + 'node_modules/'.length);
  if (file.startsWith('node:')) return file;
  const dist = file.indexOf('/server/dist/');
  if (dist >= 0) return file.slice(dist + 1);
  return path.basename(file);
}

/** The package a frame belongs to (`fastify`, `@fastify/helmet`, `node:internal`, `eligo`…). */
export function packageOf(url: string): string {
  const short = shortUrl(url);
  if (short === '(native)') return 'node (native bindings: socket writes…)';
  if (short.startsWith('node:')) return 'node (internals)';
  if (short.startsWith('server/dist/')) return 'eligo server bundle';
  const parts = short.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

export function frameName(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

/**
 * A part of the profile in V8's clock (microseconds of the monotonic clock, the one
 * `process.hrtime` reads on Linux), e.g. the measured load run without start-up and shutdown.
 */
export interface Window {
  fromUs: number;
  toUs: number;
}

/** `process.hrtime` now, in the profile's unit (µs of the monotonic clock). */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Milliseconds of samples per node (the profile's own timing, not hit counts × a nominal
 * interval), only those taken within `window` when one is given.
 */
function selfTimes(profile: CpuProfile, window?: Window): Map<number, number> {
  const self = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const id = profile.samples[i]!;
    const deltaUs = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + deltaUs / 1000);
  }
  return self;
}

export interface Summary {
  totalMs: number;
  /** Everything but the idle and program/GC pseudo-frames. */
  busyMs: number;
  byFunction: Array<{ name: string; ms: number }>;
  byPackage: Array<{ name: string; ms: number }>;
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

export function summarize(profile: CpuProfile, window?: Window): Summary {
  const self = selfTimes(profile, window);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
  let busyMs = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    totalMs += ms;
    if (ms === 0) continue;
    const special = IDLE.has(node.callFrame.functionName) && !node.callFrame.url;
    if (node.callFrame.functionName !== '(idle)') busyMs += ms;
    const fn = frameName(node.callFrame);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    const pkg = special ? node.callFrame.functionName : packageOf(node.callFrame.url);
    if (pkg !== '(idle)') byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) =>
    [...m].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs, busyMs, byFunction: sorted(byFunction), byPackage: sorted(byPackage) };
}

/** A call tree with inclusive times, children merged by frame name (what the flame graph draws). */
export interface Frame {
  name: string;
  url: string;
  ms: number;
  children: Frame[];
}

export function callTree(profile: CpuProfile, window?: Window): Frame {
  const self = selfTimes(profile, window);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const build = (node: ProfileNode): Frame => {
    const merged = new Map<string, Frame>();
    for (const childId of node.children ?? []) {
      const child = build(byId.get(childId)!);
      const same = merged.get(child.name);
      if (same) merge(same, child);
      else merged.set(child.name, child);
    }
    const children = [...merged.values()].sort((a, b) => b.ms - a.ms);
    const ms = (self.get(node.id) ?? 0) + children.reduce((sum, c) => sum + c.ms, 0);
    return { name: frameName(node.callFrame), url: node.callFrame.url, ms, children };
  };
  return build(profile.nodes[0]!);
}

function merge(into: Frame, other: Frame): void {
  into.ms += other.ms;
  for (const child of other.children) {
    const same = into.children.find((c) => c.name === child.name);
    if (same) merge(same, child);
    else into.children.push(child);
  }
  into.children.sort((a, b) => b.ms - a.ms);
}

/** Inclusive time under every frame whose name matches `pattern` (outermost match only). */
export function inclusiveMs(tree: Frame, pattern: RegExp): number {
  if (pattern.test(tree.name)) return tree.ms;
  return tree.children.reduce((sum, child) => sum + inclusiveMs(child, pattern), 0);
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One colour per package, so a hook's own code stands out from the framework around it. */
function colour(url: string): string {
  const pkg = packageOf(url);
  let hash = 0;
  for (const c of pkg) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  const hue = pkg === 'eligo server bundle' ? 20 : 30 + (Math.abs(hash) % 200);
  return `hsl(${hue}, 70%, ${pkg.startsWith('(') ? 80 : 62}%)`;
}

/**
 * A flame graph (root at the bottom, width = inclusive time) of the busy part of the profile
 * (idle left out), as an SVG whose boxes carry a `<title>` with the frame and its share.
 */
export function flameGraphSvg(tree: Frame, title: string, width = 1600): string {
  const busy: Frame = {
    ...tree,
    children: tree.children.filter((c) => c.name !== '(idle)'),
  };
  busy.ms = busy.children.reduce((sum, c) => sum + c.ms, 0);
  const rowHeight = 16;
  const minWidth = 0.3;
  const boxes: string[] = [];
  let depthMax = 0;
  const draw = (frame: Frame, x: number, depth: number, scale: number) => {
    const w = frame.ms * scale;
    if (w < minWidth) return;
    depthMax = Math.max(depthMax, depth);
    const share = ((frame.ms / busy.ms) * 100).toFixed(1);
    const label = w > 40 ? escapeXml(frame.name.slice(0, Math.floor(w / 6.5))) : '';
    boxes.push(
      `<g><title>${escapeXml(frame.name)} — ${frame.ms.toFixed(0)} ms, ${share} %</title>` +
        `<rect x="${x.toFixed(1)}" y="{Y${depth}}" width="${w.toFixed(1)}" height="${rowHeight - 1}" fill="${colour(frame.url)}"/>` +
        (label ? `<text x="${(x + 3).toFixed(1)}" y="{T${depth}}">${label}</text>` : '') +
        `</g>`,
    );
    let childX = x;
    for (const child of frame.children) {
      draw(child, childX, depth + 1, scale);
      childX += child.ms * scale;
    }
  };
  draw(busy, 0, 0, width / Math.max(busy.ms, 1e-9));
  const top = 40;
  const height = top + (depthMax + 1) * rowHeight + 10;
  const y = (depth: number) => top + (depthMax - depth) * rowHeight;
  const body = boxes
    .join('\n')
    .replace(/\{Y(\d+)\}/g, (_, d: string) => String(y(Number(d))))
    .replace(/\{T(\d+)\}/g, (_, d: string) => String(y(Number(d)) + rowHeight - 4));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="4" y="18" font-size="14">${escapeXml(title)}</text>`,
    `<text x="4" y="34" fill="#555">busy ${busy.ms.toFixed(0)} ms (idle left out); width = inclusive time; hover a box for its name and share</text>`,
    body,
    '</svg>',
  ].join('\n');
}
