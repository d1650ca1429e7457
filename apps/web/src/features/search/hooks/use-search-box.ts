import { useState } from 'react';
import { formatSizeText } from '../utils/size-text';
import { searchIdentity, type SearchParams } from '../search-params';
import { useInstantFilter, type InstantFilterState } from './use-instant-filter';

/** What the search box holds as it is typed (sizes as typed, dates as yyyy-mm-dd). */
export type SearchDraft = {
  q: string;
  glob: boolean;
  matchCase: boolean;
  minSize: string;
  maxSize: string;
  modifiedAfter: string;
  modifiedBefore: string;
};

function draftOf(params: SearchParams): SearchDraft {
  return {
    q: params.q ?? '',
    glob: params.glob === '1' || params.glob === 'true',
    matchCase: params.matchCase === '1' || params.matchCase === 'true',
    minSize: formatSizeText(params.minSize),
    maxSize: formatSizeText(params.maxSize),
    modifiedAfter: params.modifiedAfter ?? '',
    modifiedBefore: params.modifiedBefore ?? '',
  };
}

export type SearchBoxState = {
  draft: SearchDraft;
  change: (patch: Partial<SearchDraft>) => void;
  /** The loaded rows' filter for the typed name (the listing applies it while no search runs). */
  instant: InstantFilterState;
};

/**
 * The search box's state: starts from the URL's search (and again whenever the URL's search
 * or the folder changes: back, forward, another folder), then follows the typing.
 */
export function useSearchBox(bucket: string, folder: string, params: SearchParams): SearchBoxState {
  const identity = searchIdentity(bucket, folder, params);
  const [state, setState] = useState(() => ({ identity, draft: draftOf(params) }));
  let { draft } = state;
  if (state.identity !== identity) {
    draft = draftOf(params);
    setState({ identity, draft });
  }
  const instant = useInstantFilter({
    prefix: folder,
    q: draft.q,
    glob: draft.glob,
    matchCase: draft.matchCase,
  });
  return {
    draft,
    change: (patch) => {
      setState((s) => ({ identity: s.identity, draft: { ...s.draft, ...patch } }));
    },
    instant,
  };
}
