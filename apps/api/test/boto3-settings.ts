import { runBoto3 } from './boto3-script.js';

/** boto3's answer: the document, or the store's error code and status. */
export type Boto3Answer = Record<string, unknown> & { error?: string; status?: number };

/** Runs boto3/bucket_settings.py against the suite's store (another S3 user). */
export const boto3Settings = (...args: string[]): Boto3Answer =>
  runBoto3<Boto3Answer>('bucket_settings.py', ...args);

export const boto3Get = (name: string, bucket: string) => boto3Settings('get', name, bucket);
export const boto3Put = (name: string, bucket: string, doc: unknown) =>
  boto3Settings('put', name, bucket, JSON.stringify(doc));
