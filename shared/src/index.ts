export * from './errors.ts';
export * from './route-table.ts';
