// The all-in-one CDN file: lit, d3 pieces, papaparse, the core and every widget; loading it registers every tag.
import './define.js';
export * from './index.js';
export * from '@epn/stats';
