import type { Config } from '@ghostery/adblocker';

/** Same settings when building engine.bin and when matching: network rules only, raw text kept for reports. */
export const ENGINE_CONFIG: Partial<Config> = {
  loadCosmeticFilters: false,
  loadNetworkFilters: true,
  loadExceptionFilters: true,
  loadPreprocessors: false,
  enableCompression: false,
  // Optimisations merge similar filters into one ("/a.js <+> /b.js") and make matching several
  // times faster; FilterMatcher splits a merged match back into the one filter that matched.
  enableOptimizations: true,
  debug: true,
};
