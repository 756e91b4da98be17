/**
 * framer-motion's animation features, in a chunk of their own: the first slide shows without
 * them (it does not animate in), and they load right after it (see App.tsx).
 */
import { domMin } from 'framer-motion';

/** Animations and exits, without the gesture features the player never uses. */
export default domMin;
