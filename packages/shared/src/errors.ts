import { z } from 'zod';
import { ERROR_CODES } from './error-codes.js';

/** The one JSON error shape every API route answers with. */
export const ApiErrorSchema = z.object({
  statusCode: z.number().int(),
  /** The HTTP reason phrase of statusCode. */
  error: z.string(),
  /** What went wrong, stable: the web app branches on it (error-codes.ts). */
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** This request's id, as the server log names it. */
  requestId: z.string(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
