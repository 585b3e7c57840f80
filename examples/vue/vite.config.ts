import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** Vue's compiler leaves `reel-*` tags to the browser: they are custom elements, not components. */
export const vuePlugin = () =>
  vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('reel-') } } });

export default defineConfig({ plugins: [vuePlugin()] });
