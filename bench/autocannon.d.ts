// The part of autocannon's API bench/http.ts uses (the package ships no types).
declare module 'autocannon' {
  export interface Request { method?: string; path?: string; headers?: Record<string, string>; body?: string }
  export interface Options {
    url: string; connections?: number; duration?: number; overallRate?: number; pipelining?: number;
    requests?: Request[]; method?: string; headers?: Record<string, string>; body?: string;
  }
  export interface Histogram { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number; p99_9: number; total: number }
  export interface Result {
    requests: Histogram; latency: Histogram; throughput: Histogram;
    errors: number; timeouts: number; non2xx: number; '2xx': number; duration: number; statusCodeStats?: Record<string, { count: number }>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
