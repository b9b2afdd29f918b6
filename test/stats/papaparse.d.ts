// The slice of papaparse's API the tests use as an independent reference splitter (real-corpus.test.ts). Declared
// here, like the core's own packages/stats/src/papaparse.d.ts, rather than from @types/papaparse.
declare module 'papaparse' {
  interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  interface ParseStepResult {
    data: string[];
    errors: ParseError[];
    meta: {cursor: number; delimiter: string; linebreak: string};
  }
  interface ParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    escapeChar?: string;
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean;
    step?: (result: ParseStepResult) => void;
  }
  const Papa: {
    parse(input: string, config: ParseConfig): {data: string[][]; errors: ParseError[]; meta: {linebreak: string}};
  };
  export default Papa;
}
