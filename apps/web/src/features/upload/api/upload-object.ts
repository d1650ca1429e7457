import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath, type Metadata, type UploadResponse } from '@stowage/shared';
import { apiUrl } from '@/lib/api-client';
import { apiUpload, type UploadProgress } from '@/lib/api-upload';
import { invalidateWrittenObjects } from '@/lib/invalidate-objects';

export type UploadObjectInput = {
  bucket: string;
  key: string;
  file: Blob;
  contentType?: string | undefined;
  metadata?: Metadata | undefined;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
};

/**
 * One object through POST /upload. The fields must come before the file part: the API reads
 * them first, and `size` lets it size the multipart upload to S3.
 */
export function uploadObject({
  bucket,
  key,
  file,
  contentType,
  metadata,
  onProgress,
  signal,
}: UploadObjectInput): Promise<UploadResponse> {
  const form = new FormData();
  if (contentType) form.append('contentType', contentType);
  if (metadata && Object.keys(metadata).length > 0) {
    form.append('metadata', JSON.stringify(metadata));
  }
  form.append('size', String(file.size));
  form.append('file', file, key.slice(key.lastIndexOf('/') + 1) || 'file');
  const options: Parameters<typeof apiUpload>[2] = {};
  if (onProgress) options.onProgress = onProgress;
  if (signal) options.signal = signal;
  return apiUpload<UploadResponse>(apiUrl(`${bucketPath(bucket)}/upload`, { key }), form, options);
}

/** A single upload outside the transfer queue (the new text object). */
export function useUploadObject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadObjectInput) => uploadObject(input),
    onSuccess: (_result, input) => invalidateWrittenObjects(queryClient, input.bucket, [input.key]),
  });
}
