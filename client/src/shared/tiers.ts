// The tiers in the order the UI shows them, and their colours: one list and one palette for every tag, bar and scale.
import type { Tier } from '../api/client';

/** The tiers, highest first: the order of filters, tables, bars and scales. */
export const TIERS: readonly Tier[] = ['Strategic', 'Key', 'Growth', 'Standard'];

/** Each tier's colour as a solid swatch (bars, scales, the large badge): a dark shade of its tag's preset colour, white text on it at 4.5:1 or more. */
export const TIER_HEX: Record<Tier, string> = { Strategic: '#c41d7f', Key: '#a15c00', Growth: '#237804', Standard: '#595959' };

/** Each tier's antd tag colour. */
export const TIER_TAG_COLOR: Record<Tier, string> = { Strategic: 'magenta', Key: 'gold', Growth: 'green', Standard: 'default' };
