/** One measured figure; `ratio` is value / baseline.value when a same-run baseline exists. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
}
