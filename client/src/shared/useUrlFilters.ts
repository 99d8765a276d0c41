// A list's filters, sort and page live in the URL, so that a view can be shared, bookmarked and reloaded. Every list
// page reads and writes them through this one hook: the values typed as the API takes them, an unknown value in an
// old or edited link dropped (not sent to the API), and any change of filter back to the first page.
import { useSearchParams } from 'react-router-dom';

/** How one URL parameter reads: its raw value (null when absent) as the typed filter value. */
export interface UrlFilter<T> {
  read(raw: string | null): T;
}

type Schema = Record<string, UrlFilter<unknown>>;
type Values<S extends Schema> = { [K in keyof S]: S[K] extends UrlFilter<infer T> ? T : never };
/** A change: a value sets the parameter; undefined, '' and false remove it (so the filter's default applies). */
type Changes<S extends Schema> = { [K in keyof S]?: Values<S>[K] | undefined };

/** The parameter that holds the page: it goes back to the first page whenever anything else changes. */
const PAGE = 'page';

export const urlFilter = {
  /** Free text; absent: undefined, or the default (a sort order). */
  text(fallback?: string): UrlFilter<string | undefined> {
    return { read: (raw) => raw ?? fallback };
  },
  /** One of `values` (an enum of the API); absent or anything else: undefined. */
  oneOf<const T extends string>(values: readonly T[]): UrlFilter<T | undefined> {
    return { read: (raw) => values.find((v) => v === raw) };
  },
  /**
   * Several of `values` (a repeatable enum filter), kept in one parameter separated by commas (`status=Draft,Active`);
   * absent: undefined; values it does not know are dropped, and none left is undefined.
   */
  someOf<const T extends string>(values: readonly T[]): UrlFilter<T[] | undefined> {
    return {
      read: (raw) => {
        const list = (raw ?? '').split(',').flatMap((part) => values.filter((v) => v === part));
        return list.length ? [...new Set(list)] : undefined;
      },
    };
  },
  /** A positive whole number (a page, a page size, a number of days); absent or not one: the default. */
  int(fallback: number): UrlFilter<number> {
    return {
      read: (raw) => {
        const n = Number(raw ?? fallback);
        return Number.isInteger(n) && n > 0 ? n : fallback;
      },
    };
  },
  /** A switch that is on with `true` in the URL. */
  flag(): UrlFilter<boolean> {
    return { read: (raw) => raw === 'true' };
  },
};

/** A value as its URL parameter; undefined for a parameter to remove. */
function toParam(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length ? value.join(',') : undefined;
  if (value === undefined || value === null || value === '' || value === false) return undefined;
  return String(value);
}

/**
 * The filters of `schema` read from the URL, and their setters. Declare the schema outside the component (or memoise
 * it): it names the URL parameters (the keys) and how each reads.
 */
export function useUrlFilters<S extends Schema>(schema: S) {
  const [params, setParams] = useSearchParams();

  const values: Partial<Record<keyof S, unknown>> = {};
  for (const key in schema) values[key] = schema[key]?.read(params.get(key));
  // Each entry was read by its own filter just above, so each holds that filter's type.
  const filters = values as Values<S>;

  const apply = (changes: [string, unknown][]) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of changes) {
      const raw = toParam(value);
      if (raw === undefined) next.delete(name);
      else next.set(name, raw);
    }
    // Another filter, sort or page size shows another list: its first page (unless the change says which page).
    if (!changes.some(([name]) => name === PAGE)) next.delete(PAGE);
    setParams(next);
  };

  return {
    filters,
    /** Changes several filters at once (those not named keep their value). */
    setFilters: (changes: Changes<S>) => apply(Object.entries(changes)),
    setFilter: <K extends keyof S & string>(name: K, value: Values<S>[K] | undefined) => apply([[name, value]]),
    /** Back to the list as it opens: no parameter at all. */
    resetFilters: () => setParams(new URLSearchParams()),
  };
}
