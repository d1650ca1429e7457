import { getRouteApi } from '@tanstack/react-router';
import { DetailsPanel } from '@/features/object-details/components/details-panel';
import { GoToPathForm } from '@/features/objects/components/go-to-path-form';
import { ObjectBreadcrumb } from '@/features/objects/components/object-breadcrumb';
import { ObjectListing } from '@/features/objects/components/object-listing';

const route = getRouteApi('/b/$bucket');

/** /b/$bucket?prefix=…&key=…: the folder listing, and the selected object's details beside it. */
export function BucketRoute() {
  const { bucket } = route.useParams();
  const { prefix, key } = route.useSearch();
  const navigate = route.useNavigate();

  // Closing replaces the history entry, as selecting does: back/forward step through folders.
  const closeDetails = () => void navigate({ search: { prefix }, replace: true });

  return (
    <div className="browser">
      <div className="browser__toolbar">
        <ObjectBreadcrumb bucket={bucket} prefix={prefix} />
        <GoToPathForm
          key={`${bucket}\n${prefix}\n${key ?? ''}`}
          bucket={bucket}
          initialPath={key ?? prefix}
        />
      </div>
      <div
        className={`browser__content${key !== undefined ? ' browser__content--with-details' : ''}`}
      >
        <ObjectListing bucket={bucket} prefix={prefix} selectedKey={key} />
        {key !== undefined ? (
          <DetailsPanel bucket={bucket} objectKey={key} onClose={closeDetails} />
        ) : null}
      </div>
    </div>
  );
}
