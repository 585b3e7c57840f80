/**
 * Registers `<reel-overview>`. `<reel-timeline overview>` imports this module on first use (its
 * own chunk in the bundle), so a timeline without an overview never loads d3-brush.
 */
import { ReelOverview } from '../overview/overview.js';

if (!customElements.get('reel-overview')) customElements.define('reel-overview', ReelOverview);

export { ReelOverview };
