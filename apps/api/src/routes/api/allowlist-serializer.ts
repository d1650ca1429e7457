import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** Copies of a value with only what its schema names: the allowlist, without validation. */
type Pick = (value: unknown) => unknown;

const same: Pick = (v) => v;
const SCALARS = new Set(['string', 'number', 'boolean', 'null', 'literal', 'enum']);

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  catchall?: unknown;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  keyType?: { _zod: { def: Def } };
  valueType?: { _zod: { def: Def } };
}

/**
 * The pick of a schema made only of objects (stripping: no catchall), arrays, records of
 * strings, nullable/optional and scalars — or undefined for anything else (transforms, unions,
 * codecs...), which then keeps zod's own encoder.
 */
function pickOf(def: Def): Pick | undefined {
  if (SCALARS.has(def.type)) return same;
  if (def.type === 'nullable' || def.type === 'optional') {
    const inner = def.innerType && pickOf(def.innerType._zod.def);
    if (!inner) return undefined;
    return (v) => (v === null || v === undefined ? v : inner(v));
  }
  if (def.type === 'array') {
    const element = def.element && pickOf(def.element._zod.def);
    if (!element) return undefined;
    if (element === same) return same;
    return (v) => (Array.isArray(v) ? v.map(element) : v);
  }
  if (def.type === 'record') {
    const key = def.keyType?._zod.def.type;
    const value = def.valueType && pickOf(def.valueType._zod.def);
    if (key !== 'string' || value !== same || def.valueType?._zod.def.type !== 'string') {
      return undefined;
    }
    // Every key is content here (user metadata); only string values leave.
    return (v) => {
      if (v === null || typeof v !== 'object') return v;
      const out: Record<string, string> = {};
      for (const [k, s] of Object.entries(v)) if (typeof s === 'string') out[k] = s;
      return out;
    };
  }
  if (def.type === 'object' && def.shape && def.catchall === undefined) {
    const fields: [string, Pick][] = [];
    for (const [name, field] of Object.entries(def.shape)) {
      const pick = pickOf(field._zod.def);
      if (!pick) return undefined;
      fields.push([name, pick]);
    }
    return (v) => {
      if (v === null || typeof v !== 'object') return v;
      const out: Record<string, unknown> = {};
      for (const [name, pick] of fields) {
        const value = (v as Record<string, unknown>)[name];
        if (value !== undefined) out[name] = pick(value);
      }
      return out;
    };
  }
  return undefined;
}

/**
 * A response serializer for the hot read routes (object details, listing pages): the answer
 * leaves with exactly the fields its schema names — what zod's encoder leaves, as a test
 * checks field by field — but is not validated again on the way out (the handler's types
 * already are the schema's). zod's encode of a 1,000-object page cost about as much as
 * JSON.stringify of it (measured 2026-12-07). A schema with anything beyond plain objects,
 * arrays, records of strings, nullable/optional and scalars keeps zod's serializer.
 */
export const allowlistSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const def = (route.schema as { _zod?: { def: Def } } | undefined)?._zod?.def;
  const pick = def && pickOf(def);
  if (!pick) return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  return (data) => JSON.stringify(pick(data));
};

/** For tests: whether a schema is serialized by the allowlist (not by zod's encoder). */
export const hasAllowlistPick = (schema: z.ZodType): boolean =>
  pickOf((schema as unknown as { _zod: { def: Def } })._zod.def) !== undefined;
