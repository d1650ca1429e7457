import type { SearchDraft } from '../hooks/use-search-box';
import type { SearchParams } from '../search-params';
import { parseSizeText } from './size-text';

export type DraftProblems = Partial<Record<'minSize' | 'maxSize', string>>;

/**
 * The box's draft → the URL's search parameters (the API's names; sizes in bytes), or what is
 * wrong with a typed size. Everything else the API checks (its 400 names the parameter).
 */
export function draftParams(
  draft: SearchDraft,
): { params: SearchParams } | { problems: DraftProblems } {
  const problems: DraftProblems = {};
  const params: SearchParams = {};
  if (draft.q !== '') params.q = draft.q;
  if (draft.glob) params.glob = '1';
  if (draft.matchCase) params.matchCase = '1';
  for (const name of ['minSize', 'maxSize'] as const) {
    const size = parseSizeText(draft[name]);
    if ('problem' in size) problems[name] = size.problem;
    else if (size.bytes !== undefined) params[name] = String(size.bytes);
  }
  if (draft.modifiedAfter !== '') params.modifiedAfter = draft.modifiedAfter;
  if (draft.modifiedBefore !== '') params.modifiedBefore = draft.modifiedBefore;
  if (Object.keys(problems).length > 0) return { problems };
  // Glob or match case alone ask for nothing: no search.
  const { glob: _glob, matchCase: _matchCase, ...asked } = params;
  return { params: Object.keys(asked).length > 0 ? params : {} };
}
