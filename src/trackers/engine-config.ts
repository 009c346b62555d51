import type { Config } from '@ghostery/adblocker';

/** Same settings when building engine.bin and when matching: network rules only, raw text kept for reports. */
export const ENGINE_CONFIG: Partial<Config> = {
  loadCosmeticFilters: false,
  loadNetworkFilters: true,
  loadExceptionFilters: true,
  loadPreprocessors: false,
  enableCompression: false,
  // Optimisations merge filters into one ("/a.js <+> /b.js"): reports must quote the filter that matched.
  enableOptimizations: false,
  debug: true,
};
