import { Type, type Static } from 'typebox';

export const healthSchema = Type.Object({
  status: Type.Literal('ok'),
});
export type Health = Static<typeof healthSchema>;

export const readySchema = Type.Object({
  status: Type.Literal('ready'),
  database: Type.Literal('up'),
});
export type Ready = Static<typeof readySchema>;
