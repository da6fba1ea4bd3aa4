// Page size shared by list routes.
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

export const LIMIT_SCHEMA = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE },
} as const;
