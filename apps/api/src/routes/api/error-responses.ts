import { ApiErrorSchema } from '@stowage/shared';

/** Documents the one error shape on every route (the error handler produces it). */
export const errorResponses = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
  502: ApiErrorSchema,
};
