/**
 * Types for Starlight's `virtual:starlight/user-config` module (the resolved Starlight config), which
 * Starlight's own components import but does not declare for user code. `DataPage.astro` reads the
 * site title from it to write every page's own, escaped `<title>`.
 */
declare module 'virtual:starlight/user-config' {
	import type { StarlightConfig } from '@astrojs/starlight/types';
	const config: StarlightConfig;
	export default config;
}
