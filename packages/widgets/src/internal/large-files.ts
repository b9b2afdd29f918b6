import {lazy} from './lazy.js';

/**
 * The code of large and individual-level files (worker protocol, large-table transfer: large-files.code.ts), loaded
 * when a source first needs it: in the all-in-one file, the chunk epn-large-files.js beside it.
 */
export const largeFiles = lazy(() => import('./large-files.code.js'), 'epn-large-files.js');
