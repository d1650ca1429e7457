import { z } from 'zod';

export const BucketSchema = z.object({
  name: z.string(),
  creationDate: z.string().nullable(),
});
export type Bucket = z.infer<typeof BucketSchema>;

export const ListBucketsResponseSchema = z.object({ buckets: z.array(BucketSchema) });
export type ListBucketsResponse = z.infer<typeof ListBucketsResponseSchema>;
