import countyData from '../../data/us-counties.json' with { type: 'json' };

/**
 * Every US county and county equivalent (parish, borough, census area, independent city) with its
 * FIPS code, from shared/data/us-counties.json (Census, 2010s vintage; see shared/data/README.md).
 * Server side only: the survey loads one state's list through `GET /api/counties`.
 */

export interface County {
  /** 5-digit FIPS code, e.g. `17167`. */
  fips: string;
  /** Census name, e.g. `Sangamon County`, `St. Louis city`. */
  name: string;
}

interface CountyRow extends County {
  state: string;
}

const ROWS = (countyData as { counties: CountyRow[] }).counties;
let byState: Map<string, County[]> | undefined;
let byFips: Map<string, CountyRow> | undefined;

function index() {
  if (!byState || !byFips) {
    byState = new Map();
    byFips = new Map();
    for (const row of ROWS) {
      byFips.set(row.fips, row);
      const list = byState.get(row.state) ?? [];
      list.push({ fips: row.fips, name: row.name });
      byState.set(row.state, list);
    }
    for (const list of byState.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }
  return { byState, byFips };
}

/** The counties of a state, by name; empty for territories and military addresses. */
export function countiesOf(state: string): readonly County[] {
  return index().byState.get(state) ?? [];
}

/** The county with this FIPS code, with its state, if it exists today. */
export function countyByFips(fips: string): CountyRow | undefined {
  return index().byFips.get(fips);
}
