/** English for the error codes of the equity analysis (the server's Chinese sentence is the fallback). */
export const enResourcesErrorsEquity: Record<string, string> = {
  EQUITY_BAD_MONTH: 'The month is out of range: choose a month between 2000 and 2099',
};
