import type { Connection, Model, Schema } from 'mongoose';

/**
 * Models live on a connection (each app instance has its own). This returns the function that gets
 * — or on first use registers — the model `name` on a given connection.
 */
export function modelOn<T>(name: string, schema: Schema<T>): (connection: Connection) => Model<T> {
  return (connection) =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}
