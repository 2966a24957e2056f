/** English for the error codes of resource search (the server's Chinese sentence is the fallback). */
export const enResourcesSearchErrors: Record<string, string> = {
  SEARCH_QUERY_EMPTY: 'Type a word to search for, such as 分数 or a lesson title',
  SEARCH_QUERY_TOO_LONG: 'A search may hold at most 50 characters: type only the lesson title or keywords',
  SEARCH_QUERY_NO_WORDS: 'The search holds no letters or digits: type a lesson title or keywords',
};
