import { lazy, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { UploadProvider } from '@/features/upload/components/upload-provider';
import { createQueryClient } from '@/lib/query-client';
import { SessionGate } from './session-gate';

// Shown in the transfer panel, which itself loads with the first upload.
const AbortNotes = lazy(() =>
  import('@/features/bucket-capabilities/components/abort-notes').then((m) => ({
    default: m.AbortNotes,
  })),
);

export function AppProvider({ children }: { children: ReactNode }) {
  // One client per app instance (not module state), so tests can mount fresh apps.
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate>
        {/* Uploads outlive the page they started on: the queue sits above the router. It sits
            below the gate, so signing out drops it with everything else of that user. */}
        <UploadProvider notes={AbortNotes}>{children}</UploadProvider>
      </SessionGate>
    </QueryClientProvider>
  );
}
