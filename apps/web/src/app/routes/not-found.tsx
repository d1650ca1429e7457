import { Link } from '@tanstack/react-router';
import { EmptyState } from '@/components/ui/empty-state';

export function NotFoundRoute() {
  return (
    <div className="page">
      <EmptyState title="Page not found">
        <Link to="/">Back to the bucket list</Link>
      </EmptyState>
    </div>
  );
}
