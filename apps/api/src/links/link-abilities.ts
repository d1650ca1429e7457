import { SIGV4_MAX_PRESIGN_SECONDS, type LinkAbilities } from '@stowage/shared';
import type { LinksConfig } from '../config/access.js';
import type { Identity } from '../auth/identity.js';

/**
 * What a session may do with links (the session answer's `links`, and the checks of the link
 * routes): relay and upload links need keys the server holds for the profile; upload links are
 * writes; a direct link lasts what the signature allows (SigV4: 7 days).
 */
export function linkAbilities(identity: Identity, links: LinksConfig): LinkAbilities {
  const profile = identity.profile;
  const relay = profile.links.keys !== undefined;
  return {
    defaultMode: relay ? profile.links.defaultMode : 'direct',
    relay,
    upload: relay && !identity.readOnly,
    maxSeconds: {
      direct:
        profile.connection.signatureVersion === 'v4'
          ? Math.min(SIGV4_MAX_PRESIGN_SECONDS, links.maxSeconds)
          : links.maxSeconds,
      relay: links.maxSeconds,
    },
  };
}
