import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  bucketSettingPath,
  type BucketTagsDocument,
  type CorsDocument,
  type EncryptionDocument,
  type LifecycleDocument,
  type ObjectLockDocument,
  type PolicyDocument,
  type SettingName,
  type VersioningDocument,
} from '@stowage/shared';
import { apiDelete, apiGet, apiPut, hasCode } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Each setting's document (AWS SDK shapes, packages/shared/src/bucket-settings.ts). */
export type SettingDocuments = {
  versioning: VersioningDocument;
  lifecycle: LifecycleDocument;
  cors: CorsDocument;
  policy: PolicyDocument;
  tags: BucketTagsDocument;
  encryption: EncryptionDocument;
  'object-lock': ObjectLockDocument;
};

const settingPath = bucketSettingPath;

/** The document, or null when the bucket has none (404 NotConfigured). */
export async function getSetting<N extends SettingName>(
  bucket: string,
  name: N,
  signal?: AbortSignal,
): Promise<SettingDocuments[N] | null> {
  try {
    return await apiGet<SettingDocuments[N]>(settingPath(bucket, name), signal);
  } catch (error) {
    if (hasCode(error, 'NotConfigured')) return null;
    throw error;
  }
}

/**
 * One setting as the store holds it now. `enabled: false` when the store is known not to
 * support it (the capability probe said so): nothing is asked then.
 */
export function useSetting<N extends SettingName>(
  bucket: string,
  name: N,
  { enabled = true } = {},
) {
  return useQuery({
    queryKey: queryKeys.setting(bucket, name),
    queryFn: ({ signal }) => getSetting(bucket, name, signal),
    enabled,
    // A store that does not have the API says so every time: asking again will not change it.
    retry: (count, error) => !hasCode(error, 'NotSupported', 'StoreRejected') && count < 2,
  });
}

/**
 * PUT the whole document, or DELETE the setting (null). The section then shows what the store
 * holds: the API reads the setting back after a write and answers with it; without a body
 * (204) the setting is asked again.
 */
export function useWriteSetting<N extends SettingName>(bucket: string, name: N) {
  const queryClient = useQueryClient();
  const key = queryKeys.setting(bucket, name);
  return useMutation({
    mutationFn: async (document: SettingDocuments[N] | null) => {
      const path = settingPath(bucket, name);
      if (document === null) {
        await apiDelete(path);
        return null;
      }
      return (await apiPut<SettingDocuments[N] | undefined>(path, document)) ?? undefined;
    },
    onSuccess: async (answer) => {
      // After a DELETE too: tags then read as an empty set, the others as not set.
      if (answer === undefined || answer === null) {
        await queryClient.invalidateQueries({ queryKey: key });
      } else queryClient.setQueryData(key, answer);
      // The versioning badge of the bucket page reads the capabilities.
      if (name === 'versioning') {
        await queryClient.invalidateQueries({ queryKey: queryKeys.capabilities(bucket) });
      }
    },
  });
}
