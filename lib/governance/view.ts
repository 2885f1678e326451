// The governance helpers now live one concern a module (paging.ts, filters.ts, tallies.ts, voters.ts,
// description.ts, parameters.ts, terms.ts, hostNodes.ts, actions.ts, newProposal.ts). The audit pages still import
// their paging from here; this re-export keeps them building until they import `./paging` themselves.
export { newestFirstPage } from './paging';
