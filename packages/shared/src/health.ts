import { z } from 'zod';

export const HealthResponseSchema = z.object({ status: z.literal('ok') });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/**
 * `GET /api/ready`: whether this instance takes new requests. 503 with `draining` once it got
 * SIGTERM (a graceful restart); `/api/health` stays 200 meanwhile (the process is alive).
 */
export const ReadyResponseSchema = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ ready: z.literal(false), reason: z.literal('draining') }),
]);
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;
