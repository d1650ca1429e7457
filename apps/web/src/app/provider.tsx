import { lazy, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { UploadProvider } from '@/features/upload/components/upload-provider';
import { WorkSlot } from '@/features/delete-objects/components/work-slot';
import { SessionGate } from './session-gate';

// Shown in the transfer panel, which itself loads with the first upload.
const AbortNotes = lazy(() =>
  import('@/features/bucket-capabilities/components/abort-notes').then((m) => ({
    default: m.AbortNotes,
  })),
);

export function AppProvider({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate>
        {/* Uploads outlive the page they started on: the queue sits above the router. It sits
            below the gate, so signing out drops it with everything else of that user. */}
        <UploadProvider notes={AbortNotes}>{children}</UploadProvider>
        {/* Deletes of folders run in the background, listed here while the user browses on. */}
        <WorkSlot />
      </SessionGate>
    </QueryClientProvider>
  );
}
